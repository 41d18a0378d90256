package io.polycell.infra;

import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.driver.FakeDriver;
import io.polycell.compute.driver.libvirt.LibvirtDriver;
import io.polycell.compute.driver.libvirt.LibvirtSettings;
import io.polycell.infra.PolycellProperties.CellProperties;
import io.polycell.messages.common.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes each host's driver from its cell's settings: the fake in-memory hypervisor, or libvirt. With
 * libvirt's test driver every host gets a hypervisor of its own, described by a node file in the data
 * directory, because the test driver's default hypervisor is one per process.
 */
final class HostDrivers {

    private final Path dataDir;

    HostDrivers(Path dataDir) {
        this.dataDir = dataDir;
    }

    ComputeDriver create(String host, CellProperties cell) {
        Resources capacity = new Resources(cell.vcpus(), cell.ramMb(), cell.diskGb());
        if (cell.driver().equals("fake")) {
            return new FakeDriver(capacity, cell.spawnDelay(), cell.traitsOf(host));
        }
        String uri = cell.libvirtUri().equals("test") ? testNode(host, cell) : cell.libvirtUri().replace("{host}", host);
        return LibvirtDriver.connect(new LibvirtSettings(uri, cell.libvirtDomainType(), directory("images"),
                directory("console/" + host), cell.vcpus(), cell.ramMb(), cell.diskGb(), null));
    }

    private String testNode(String host, CellProperties cell) {
        Path node = directory("libvirt-test").resolve(host + ".xml");
        String xml = """
                <node>
                  <cpu>
                    <mhz>2400</mhz><model>x86_64</model>
                    <nodes>1</nodes><sockets>1</sockets><cores>%d</cores><threads>1</threads><active>%d</active>
                  </cpu>
                  <memory>%d</memory>
                </node>
                """.formatted(cell.vcpus(), cell.vcpus(), (long) cell.ramMb() * 1024);
        try {
            Files.writeString(node, xml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the test hypervisor of " + host + " to " + node, e);
        }
        return "test://" + node.toAbsolutePath();
    }

    private Path directory(String name) {
        Path dir = dataDir.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return dir;
    }
}
