package io.polycell.compute.driver.libvirt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test-driver hypervisor described in a file, so each test gets its own: libvirt parses the file
 * afresh for every connection to {@code test:///path}, while {@code test:///default} is one hypervisor
 * shared by the whole JVM. It has 8 CPUs, 16 GiB and three guests Polycell never created.
 */
final class TestNode {

    static final int CPUS = 8;
    static final int MEMORY_MB = 16 * 1024;
    static final String RUNNING_ORPHAN = "0b7e8a52-1111-4c4c-9d9d-000000000001";
    static final String SHUT_OFF_ORPHAN = "0b7e8a52-2222-4c4c-9d9d-000000000002";
    static final String SAVED_ORPHAN = "0b7e8a52-3333-4c4c-9d9d-000000000003";

    private TestNode() {
    }

    /** Writes the node file and returns its URI. */
    static String write(Path dir) throws IOException {
        Path file = dir.resolve("node.xml");
        Files.writeString(file, """
                <node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
                  <cpu>
                    <mhz>2400</mhz><model>i686</model>
                    <nodes>1</nodes><sockets>2</sockets><cores>4</cores><threads>1</threads><active>8</active>
                  </cpu>
                  <memory>%d</memory>
                  %s
                  %s
                  %s
                </node>
                """.formatted(MEMORY_MB * 1024, domain("legacy-web", RUNNING_ORPHAN, ""),
                domain("legacy-db", SHUT_OFF_ORPHAN, "<test:runstate>5</test:runstate>"),
                domain("legacy-batch", SAVED_ORPHAN, "<test:runstate>5</test:runstate><test:hasmanagedsave/>")));
        return "test://" + file.toAbsolutePath();
    }

    private static String domain(String name, String uuid, String testState) {
        return """
                <domain type='test'>
                  <name>%s</name><uuid>%s</uuid>
                  <memory unit='MiB'>256</memory><vcpu>1</vcpu>
                  <os><type>hvm</type></os>
                  %s
                </domain>
                """.formatted(name, uuid, testState);
    }
}
