package io.polycell.infra;

import io.polycell.compute.driver.libvirt.DriverUnavailableException;
import io.polycell.compute.driver.libvirt.LibvirtDriver;
import io.polycell.compute.driver.libvirt.LibvirtSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests on real libvirt need Debian's libvirt0: CI installs it and must run them (a missing library
 * fails there); a developer's machine without it skips them with the reason.
 */
final class LibvirtPrerequisite {

    private LibvirtPrerequisite() {
    }

    static void requireForTests() {
        try (LibvirtDriver probe = LibvirtDriver.connect(new LibvirtSettings("test:///default", "test",
                Path.of(System.getProperty("java.io.tmpdir")), null, null, null, 1, null))) {
            probe.name();
        } catch (DriverUnavailableException missing) {
            if (System.getenv("CI") != null) {
                throw missing;
            }
            Assumptions.abort("Skipped: " + missing.getMessage());
        }
    }
}
