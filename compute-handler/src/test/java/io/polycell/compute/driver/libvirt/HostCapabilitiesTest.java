package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theArchitectureIsTheHostCpusNotAGuests() {
        String capabilities = """
                <capabilities>
                  <host><cpu><arch>aarch64</arch></cpu></host>
                  <guest><arch name='x86_64'><domain type='qemu'/></arch></guest>
                </capabilities>
                """;

        assertThat(HostCapabilities.architecture(capabilities)).isEqualTo("aarch64");
    }

    @Test
    void aHostThatNamesNoArchitectureIsRefused() {
        assertThatThrownBy(() -> HostCapabilities.architecture("<capabilities><host/></capabilities>"))
                .isInstanceOf(DriverUnavailableException.class);
    }
}
