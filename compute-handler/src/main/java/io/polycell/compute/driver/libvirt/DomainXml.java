package io.polycell.compute.driver.libvirt;

import io.polycell.compute.driver.DriverException;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceSpec;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The libvirt domain definition of an instance. Built with the JDK's DOM rather than string templates so
 * that whatever a user puts in a server name or metadata is escaped. Devices are kept to what both the
 * test driver and QEMU accept: a disk or a direct kernel boot, and a serial console; networking comes
 * later. Polycell's view of the instance (name, flavor, project, image, metadata as they were when the
 * guest was defined) goes into {@code <metadata>} under {@link #NAMESPACE}, so an operator running
 * {@code virsh dumpxml} sees whose guest it is.
 */
final class DomainXml {

    static final String NAMESPACE = "http://polycell.io/xmlns/libvirt/instance/1.0";
    static final String PREFIX = "polycell";
    static final String KVM = "kvm";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String domainType;

    DomainXml(String domainType) {
        this.domainType = domainType;
    }

    /** The instance id as libvirt writes a UUID (lower case); libvirt names guests by UUID, so anything else is refused. */
    static String uuid(String instanceId) {
        if (instanceId == null || !CANONICAL_UUID.matcher(instanceId).matches()) {
            throw new DriverException("Instance id " + instanceId + " is not a UUID; libvirt identifies guests by UUID");
        }
        return instanceId.toLowerCase(Locale.ROOT);
    }

    /** {@code instance-} and the first 8 hex digits of the UUID: short enough for virsh, unique in practice. */
    static String domainName(String instanceId) {
        return "instance-" + uuid(instanceId).replace("-", "").substring(0, 8);
    }

    /** The definition to pass to {@code virDomainDefineXML}; {@code consoleLog} is {@code null} for a pty console. */
    String render(InstanceSpec spec, BootSource boot, Path consoleLog) {
        Document document = newDocument();
        Element domain = document.createElement("domain");
        domain.setAttribute("type", domainType);
        document.appendChild(domain);
        text(domain, "name", domainName(spec.instanceId()));
        text(domain, "uuid", uuid(spec.instanceId()));
        metadata(domain, spec);
        text(domain, "memory", Integer.toString(spec.flavor().ramMb())).setAttribute("unit", "MiB");
        text(domain, "vcpu", Integer.toString(spec.flavor().vcpus()));
        if (KVM.equals(domainType)) {
            // Nova's default: the guest sees the host's CPU model and features, which the host's traits claim.
            child(domain, "cpu").setAttribute("mode", "host-model");
        }
        os(domain, boot);
        Element features = child(domain, "features");
        child(features, "acpi");
        child(features, "apic");
        child(domain, "clock").setAttribute("offset", "utc");
        text(domain, "on_poweroff", "destroy");
        text(domain, "on_reboot", "restart");
        text(domain, "on_crash", "destroy");
        devices(domain, boot, consoleLog);
        return serialize(document);
    }

    private static void metadata(Element domain, InstanceSpec spec) {
        Element instance = polycell(child(domain, "metadata"), "instance");
        instance.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, XMLConstants.XMLNS_ATTRIBUTE + ":" + PREFIX,
                NAMESPACE);
        polycellText(instance, "name", spec.name());
        if (spec.createdAt() != null) {
            polycellText(instance, "creationTime", spec.createdAt().toString());
        }
        flavor(instance, spec.flavor());
        polycell(instance, "project").setAttribute("id", nullToEmpty(spec.projectId()));
        polycell(instance, "user").setAttribute("id", nullToEmpty(spec.userId()));
        ImageSpec image = spec.image();
        if (image != null) {
            Element imageElement = polycell(instance, "image");
            imageElement.setAttribute("id", nullToEmpty(image.id()));
            imageElement.setAttribute("name", nullToEmpty(image.name()));
        }
        Element userMetadata = polycell(instance, "metadata");
        Map<String, String> entries = spec.metadata() == null ? Map.of() : new TreeMap<>(spec.metadata());
        entries.forEach((key, value) -> polycellText(userMetadata, "item", value).setAttribute("key", key));
    }

    private static void flavor(Element instance, FlavorSpec flavor) {
        Element element = polycell(instance, "flavor");
        element.setAttribute("id", nullToEmpty(flavor.id()));
        element.setAttribute("name", nullToEmpty(flavor.name()));
        polycellText(element, "vcpus", Integer.toString(flavor.vcpus()));
        polycellText(element, "ramMb", Integer.toString(flavor.ramMb()));
        polycellText(element, "diskGb", Integer.toString(flavor.diskGb()));
    }

    private static void os(Element domain, BootSource boot) {
        Element os = child(domain, "os");
        text(os, "type", "hvm");
        if (boot instanceof BootSource.Kernel kernel) {
            text(os, "kernel", kernel.kernel().toString());
            text(os, "initrd", kernel.initrd().toString());
            if (kernel.cmdline() != null && !kernel.cmdline().isBlank()) {
                text(os, "cmdline", kernel.cmdline());
            }
        }
    }

    private static void devices(Element domain, BootSource boot, Path consoleLog) {
        Element devices = child(domain, "devices");
        if (boot instanceof BootSource.Disk disk) {
            Element element = child(devices, "disk");
            element.setAttribute("type", "file");
            element.setAttribute("device", "disk");
            Element driver = child(element, "driver");
            driver.setAttribute("name", "qemu");
            driver.setAttribute("type", "qcow2");
            child(element, "source").setAttribute("file", disk.file().toString());
            Element target = child(element, "target");
            target.setAttribute("dev", "vda");
            target.setAttribute("bus", "virtio");
        }
        Element serial = child(devices, "serial");
        if (consoleLog == null) {
            serial.setAttribute("type", "pty");
        } else {
            serial.setAttribute("type", "file");
            Element source = child(serial, "source");
            source.setAttribute("path", consoleLog.toString());
            source.setAttribute("append", "on");
        }
        child(serial, "target").setAttribute("port", "0");
    }

    private static Element child(Element parent, String name) {
        Element element = parent.getOwnerDocument().createElement(name);
        parent.appendChild(element);
        return element;
    }

    private static Element text(Element parent, String name, String value) {
        Element element = child(parent, name);
        element.setTextContent(value);
        return element;
    }

    private static Element polycell(Element parent, String localName) {
        Element element = parent.getOwnerDocument().createElementNS(NAMESPACE, PREFIX + ":" + localName);
        parent.appendChild(element);
        return element;
    }

    private static Element polycellText(Element parent, String localName, String value) {
        Element element = polycell(parent, localName);
        element.setTextContent(nullToEmpty(value));
        return element;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser is misconfigured", e);
        }
    }

    private static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write a domain definition", e);
        }
    }
}
