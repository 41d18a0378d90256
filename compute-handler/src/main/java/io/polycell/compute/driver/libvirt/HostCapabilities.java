package io.polycell.compute.driver.libvirt;

import java.io.IOException;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The domain types a hypervisor can run and the guest architectures it runs, from its capabilities XML. Checked at start-up because libvirt
 * accepts the definition of a domain type it cannot run (the test driver even defines {@code kvm}
 * domains) and only fails when the first guest starts, far from the setting that caused it.
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
