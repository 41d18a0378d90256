package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The missing-library messages, which this machine (with libvirt0 installed) cannot produce for real. */
class LibvirtLibraryTest {

    private static final String INSTALL_LIBVIRT =
            "libvirt's client library is not installed: install the libvirt0 package (apt-get install libvirt0)";

    @Test
    void theFirstFailureToLoadLibvirtSaysWhatToInstall() {
        UnsatisfiedLinkError first = new UnsatisfiedLinkError("Unable to load library 'virt': libvirt.so: cannot open"
                + " shared object file: No such file or directory");

        assertThat(LibvirtLibrary.explain(first)).isEqualTo(INSTALL_LIBVIRT);
    }

    @Test
    void everyLaterFailureSaysTheSame() {
        NoClassDefFoundError later = new NoClassDefFoundError("Could not initialize class org.libvirt.Library");

        assertThat(LibvirtLibrary.explain(later)).isEqualTo(INSTALL_LIBVIRT);
    }

    @Test
    void aMissingJnaIsNamedAsSuch() {
        assertThat(LibvirtLibrary.explain(new NoClassDefFoundError("com/sun/jna/Library")))
                .startsWith("JNA is missing from the agent's classpath");
    }

    @Test
    void loadsOnThisMachine() {
        LibvirtAvailability.requireForTests();
        assertThat(LibvirtLibrary.requireInstalled()).as("libvirt version").isGreaterThan(1_000_000L);
    }
}
