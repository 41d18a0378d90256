package io.polycell.compute.driver.libvirt;

import static io.polycell.compute.driver.libvirt.TestSpecs.flavor;
import static io.polycell.compute.driver.libvirt.TestSpecs.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.compute.driver.DriverException;
import io.polycell.messages.instance.InstanceSpec;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class DomainXmlTest {

    private static final String ID = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    private static final String UUID = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private final DomainXml kvm = new DomainXml("kvm");

    @Test
    void namesTheDomainAfterTheInstanceAndUsesItsIdAsUuid() throws Exception {
        Element domain = parse(kvm.render(spec(Map.of()), new BootSource.None(), null));

        assertThat(domain.getTagName()).isEqualTo("domain");
        assertThat(domain.getAttribute("type")).isEqualTo("kvm");
        assertThat(text(domain, "uuid")).isEqualTo(UUID);
        assertThat(text(domain, "name")).isEqualTo("instance-3f2504e0");
    }

    @Test
    void kvmGuestsGetTheHostsCpuModelAndTcgGuestsQemusOwn() throws Exception {
        Element onKvm = parse(kvm.render(spec(Map.of()), new BootSource.None(), null));
        Element onTcg = parse(new DomainXml("qemu").render(spec(Map.of()), new BootSource.None(), null));

        assertThat(only(onKvm, "cpu").getAttribute("mode")).isEqualTo("host-model");
        assertThat(onTcg.getElementsByTagName("cpu").getLength()).isZero();
    }

    @Test
    void sizesTheDomainFromTheFlavor() throws Exception {
        Element domain = parse(kvm.render(spec(Map.of()), new BootSource.None(), null));

        Element memory = only(domain, "memory");
        assertThat(memory.getAttribute("unit")).isEqualTo("MiB");
        assertThat(memory.getTextContent()).isEqualTo("2048");
        assertThat(text(domain, "vcpu")).isEqualTo("4");
    }

    @Test
    void bootsTheKernelDirectlyWithoutADisk() throws Exception {
        BootSource kernel = new BootSource.Kernel(Path.of("/srv/boot/vmlinuz"), Path.of("/srv/boot/initrd.img"),
                "console=ttyS0 root=/dev/ram0");

        Element domain = parse(kvm.render(spec(Map.of()), kernel, null));

        Element os = only(domain, "os");
        assertThat(text(os, "type")).isEqualTo("hvm");
        assertThat(text(os, "kernel")).isEqualTo("/srv/boot/vmlinuz");
        assertThat(text(os, "initrd")).isEqualTo("/srv/boot/initrd.img");
        assertThat(text(os, "cmdline")).isEqualTo("console=ttyS0 root=/dev/ram0");
        assertThat(domain.getElementsByTagName("disk").getLength()).isZero();
    }

    @Test
    void leavesTheCommandLineOutWhenTheImageGivesNone() throws Exception {
        BootSource kernel = new BootSource.Kernel(Path.of("/k"), Path.of("/i"), null);

        Element os = only(parse(kvm.render(spec(Map.of()), kernel, null)), "os");

        assertThat(os.getElementsByTagName("cmdline").getLength()).isZero();
    }

    @Test
    void attachesTheImageFileAsAQcow2VirtioDisk() throws Exception {
        Element domain = parse(kvm.render(spec(Map.of()), new BootSource.Disk(Path.of("/var/lib/images/cirros.qcow2")),
                null));

        Element disk = only(domain, "disk");
        assertThat(disk.getAttribute("device")).isEqualTo("disk");
        assertThat(only(disk, "driver").getAttribute("type")).isEqualTo("qcow2");
        assertThat(only(disk, "source").getAttribute("file")).isEqualTo("/var/lib/images/cirros.qcow2");
        assertThat(only(disk, "target").getAttribute("dev")).isEqualTo("vda");
        assertThat(only(domain, "os").getElementsByTagName("kernel").getLength()).isZero();
    }

    @Test
    void hasNeitherDiskNorKernelWithNothingToBootFrom() throws Exception {
        Element domain = parse(kvm.render(spec(Map.of()), new BootSource.None(), null));

        assertThat(domain.getElementsByTagName("disk").getLength()).isZero();
        assertThat(domain.getElementsByTagName("kernel").getLength()).isZero();
    }

    @Test
    void writesTheSerialConsoleToTheLogFileOrAPty() throws Exception {
        Element toFile = only(parse(kvm.render(spec(Map.of()), new BootSource.None(), Path.of("/var/log/polycell/x.log"))),
                "serial");
        Element toPty = only(parse(kvm.render(spec(Map.of()), new BootSource.None(), null)), "serial");

        assertThat(toFile.getAttribute("type")).isEqualTo("file");
        assertThat(only(toFile, "source").getAttribute("path")).isEqualTo("/var/log/polycell/x.log");
        assertThat(toPty.getAttribute("type")).isEqualTo("pty");
        assertThat(toPty.getElementsByTagName("source").getLength()).isZero();
    }

    @Test
    void recordsPolycellsViewOfTheInstanceInItsOwnNamespace() throws Exception {
        Element domain = parse(kvm.render(spec(Map.of("role", "db", "tier", "gold")), new BootSource.None(), null));

        NodeList instances = only(domain, "metadata").getElementsByTagNameNS(DomainXml.NAMESPACE, "instance");
        assertThat(instances.getLength()).isEqualTo(1);
        Element instance = (Element) instances.item(0);
        assertThat(polycellText(instance, "name")).isEqualTo("db <primary> & \"replica\"");
        assertThat(polycellText(instance, "creationTime")).isEqualTo("2025-01-02T03:04:05Z");
        Element flavor = polycell(instance, "flavor");
        assertThat(flavor.getAttribute("name")).isEqualTo("m4.2048");
        assertThat(polycellText(flavor, "vcpus")).isEqualTo("4");
        assertThat(polycellText(flavor, "ramMb")).isEqualTo("2048");
        assertThat(polycell(instance, "project").getAttribute("id")).isEqualTo(TestSpecs.PROJECT);
        assertThat(polycell(instance, "user").getAttribute("id")).isEqualTo(TestSpecs.USER);
        assertThat(polycell(instance, "image").getAttribute("id")).isEqualTo("cirros");
        assertThat(items(polycell(instance, "metadata"))).containsExactly("role=db", "tier=gold");
    }

    @Test
    void refusesAnInstanceIdThatIsNoUuid() {
        InstanceSpec notUuid = new InstanceSpec("web-1", "web", "p", "u", flavor(1, 64), null, Map.of(), null);

        assertThatThrownBy(() -> kvm.render(notUuid, new BootSource.None(), null))
                .isInstanceOf(DriverException.class)
                .hasMessage("Instance id web-1 is not a UUID; libvirt identifies guests by UUID");
    }

    private static InstanceSpec spec(Map<String, String> metadata) {
        return new InstanceSpec(ID, "db <primary> & \"replica\"", TestSpecs.PROJECT, TestSpecs.USER, flavor(4, 2048),
                image("cirros", Map.of()), metadata, Instant.parse("2025-01-02T03:04:05Z"));
    }

    private static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        return document.getDocumentElement();
    }

    private static Element only(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        assertThat(found.getLength()).as("<%s> elements under <%s>", tag, parent.getTagName()).isEqualTo(1);
        return (Element) found.item(0);
    }

    private static String text(Element parent, String tag) {
        return only(parent, tag).getTextContent();
    }

    private static Element polycell(Element parent, String localName) {
        NodeList found = parent.getElementsByTagNameNS(DomainXml.NAMESPACE, localName);
        assertThat(found.getLength()).as("polycell:%s", localName).isGreaterThanOrEqualTo(1);
        return (Element) found.item(0);
    }

    private static String polycellText(Element parent, String localName) {
        return polycell(parent, localName).getTextContent();
    }

    private static List<String> items(Element metadata) {
        NodeList found = metadata.getElementsByTagNameNS(DomainXml.NAMESPACE, "item");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Element item = (Element) found.item(i);
            items.add(item.getAttribute("key") + "=" + item.getTextContent());
        }
        return items;
    }
}
