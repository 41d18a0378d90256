package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {

    @Test
    void collectsTheDomainTypesOfEveryGuestArchitecture() {
        String capabilities = """
                <capabilities>
                  <host><cpu><arch>x86_64</arch></cpu></host>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch>
                  </guest>
                  <guest>
                    <os_type>hvm</os_type>
                    <arch name='i686'><domain type='qemu'/></arch>
                  </guest>
                </capabilities>
                """;

        assertThat(HostCapabilities.domainTypes(capabilities)).containsExactly("kvm", "qemu");
    }

    @Test
    void aHostWithoutGuestsOffersNothing() {
        assertThat(HostCapabilities.domainTypes("<capabilities><host/></capabilities>")).isEmpty();
    }

    @Test
    void guestArchitecturesAreThoseOfferingTheDomainType() {
        String capabilities = """
                <capabilities>
                  <host><cpu><arch>x86_64</arch></cpu></host>
                  <guest><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch></guest>
                  <guest><arch name='i686'><domain type='qemu'/></arch></guest>
                  <guest><arch name='aarch64'><domain type='qemu'/></arch></guest>
                </capabilities>
                """;

        assertThat(HostCapabilities.guestArchitectures(capabilities, "kvm")).containsExactly("x86_64");
        assertThat(HostCapabilities.guestArchitectures(capabilities, "qemu"))
                .containsExactly("aarch64", "i686", "x86_64");
        assertThat(HostCapabilities.guestArchitectures(capabilities, "xen")).isEmpty();
    }
}
