package io.polycell.compute.driver.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The domain types a hypervisor can run, the guest architectures it runs and the host's CPU, from its
 * capabilities XML. The domain types are checked at start-up because libvirt accepts the definition of
 * a domain type it cannot run (the test driver even defines {@code kvm} domains) and only fails when
 * the first guest starts, far from the setting that caused it.
 */
final class HostCapabilities {

    private HostCapabilities() {
    }

    /** Every {@code <guest><arch><domain type=...>} in the document. */
    static Set<String> domainTypes(String capabilitiesXml) {
        Document document = parse(capabilitiesXml);
        Set<String> types = new TreeSet<>();
        NodeList guests = document.getDocumentElement().getElementsByTagName("guest");
        for (int g = 0; g < guests.getLength(); g++) {
            NodeList domains = ((Element) guests.item(g)).getElementsByTagName("domain");
            for (int d = 0; d < domains.getLength(); d++) {
                String type = ((Element) domains.item(d)).getAttribute("type");
                if (!type.isEmpty()) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    /**
     * The guest architectures the hypervisor runs with {@code domainType}: each
     * {@code <guest><arch name=...>} that offers that domain type, as Nova's supported instances. A
     * QEMU host under TCG runs several; KVM only the host's own.
     */
    static Set<String> guestArchitectures(String capabilitiesXml, String domainType) {
        Document document = parse(capabilitiesXml);
        Set<String> arches = new TreeSet<>();
        NodeList guests = document.getDocumentElement().getElementsByTagName("guest");
        for (int g = 0; g < guests.getLength(); g++) {
            NodeList archList = ((Element) guests.item(g)).getElementsByTagName("arch");
            for (int a = 0; a < archList.getLength(); a++) {
                Element arch = (Element) archList.item(a);
                NodeList domains = arch.getElementsByTagName("domain");
                for (int d = 0; d < domains.getLength(); d++) {
                    if (domainType.equals(((Element) domains.item(d)).getAttribute("type"))
                            && !arch.getAttribute("name").isEmpty()) {
                        arches.add(arch.getAttribute("name"));
                    }
                }
            }
        }
        return arches;
    }

    /**
     * The host's {@code <cpu>} element as a document of its own, the form libvirt's baseline takes, or
     * empty when libvirt names no CPU model (the test driver, some architectures).
     */
    static Optional<String> hostCpu(String capabilitiesXml) {
        Element cpu = hostCpuElement(parse(capabilitiesXml));
        if (cpu == null || child(cpu, "model") == null) {
            return Optional.empty();
        }
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter xml = new StringWriter();
            transformer.transform(new DOMSource(cpu), new StreamResult(xml));
            return Optional.of(xml.toString());
        } catch (TransformerException e) {
            throw new DriverUnavailableException("cannot write the host's CPU back as XML: " + e.getMessage());
        }
    }

    /**
     * The names of the features a {@code <cpu>} lists, in capabilities XML (its host's CPU) or in a CPU
     * document (a baseline's answer). Features with {@code policy='disable'} or {@code 'forbid'} are
     * features the CPU lacks, not ones it has.
     */
    static Set<String> cpuFeatures(String xml) {
        Document document = parse(xml);
        Element cpu = "cpu".equals(document.getDocumentElement().getTagName()) ? document.getDocumentElement()
                : hostCpuElement(document);
        Set<String> features = new TreeSet<>();
        if (cpu == null) {
            return features;
        }
        for (Node node = cpu.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element feature) || !feature.getTagName().equals("feature")) {
                continue;
            }
            String policy = feature.getAttribute("policy");
            if (!feature.getAttribute("name").isEmpty() && !policy.equals("disable") && !policy.equals("forbid")) {
                features.add(feature.getAttribute("name"));
            }
        }
        return features;
    }

    /** The host CPU's architecture ({@code <host><cpu><arch>}), or an empty text when libvirt names none. */
    static String hostArchitecture(String capabilitiesXml) {
        Element cpu = hostCpuElement(parse(capabilitiesXml));
        Element arch = cpu == null ? null : child(cpu, "arch");
        return arch == null ? "" : arch.getTextContent().trim();
    }

    /** {@code <capabilities><host><cpu>}: a direct child, not one of the NUMA topology's {@code <cpu>}s. */
    private static Element hostCpuElement(Document capabilities) {
        Element host = child(capabilities.getDocumentElement(), "host");
        return host == null ? null : child(host, "cpu");
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new DriverUnavailableException("libvirt returned capabilities that are not XML: " + e.getMessage());
        }
    }
}
