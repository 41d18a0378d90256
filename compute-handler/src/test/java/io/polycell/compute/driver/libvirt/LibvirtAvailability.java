package io.polycell.compute.driver.libvirt;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests on real libvirt need Debian's libvirt0. CI installs it and must run them, so there a missing
 * library fails the build; on a developer's machine without it they are skipped with the reason.
 */
final class LibvirtAvailability {

    private LibvirtAvailability() {
    }

    static void requireForTests() {
        try {
            LibvirtLibrary.requireInstalled();
        } catch (DriverUnavailableException missing) {
            if (System.getenv("CI") != null) {
                throw missing;
            }
            Assumptions.abort("Skipped: " + missing.getMessage());
        }
    }
}
