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

    @Test
    void theHostCpuIsTheHostsOwnCpuElementWithItsFeaturesNotTheTopologysCpus() {
        String capabilities = """
                <capabilities>
                  <host>
                    <uuid>2b5e0a52-0000-4000-8000-000000000001</uuid>
                    <cpu>
                      <arch>x86_64</arch>
                      <model>Skylake-Client-IBRS</model>
                      <vendor>Intel</vendor>
                      <feature name='ds'/>
                      <feature name='vmx'/>
                      <feature name='pdpe1gb'/>
                    </cpu>
                    <topology><cells num='1'><cell id='0'><cpus num='1'><cpu id='0' socket_id='0'/></cpus></cell></cells>
                    </topology>
                  </host>
                  <guest><arch name='x86_64'><domain type='kvm'/></arch></guest>
                </capabilities>
                """;

        assertThat(HostCapabilities.hostArchitecture(capabilities)).isEqualTo("x86_64");
        assertThat(HostCapabilities.cpuFeatures(capabilities)).containsExactly("ds", "pdpe1gb", "vmx");
        String cpu = HostCapabilities.hostCpu(capabilities).orElseThrow();
        assertThat(cpu).startsWith("<cpu>").contains("<model>Skylake-Client-IBRS</model>")
                .contains("<feature name=\"vmx\"/>").doesNotContain("topology");
    }

    @Test
    void aBaselineAnswerListsEveryFeatureButThoseItDisables() {
        String baseline = """
                <cpu mode='custom' match='exact'>
                  <model fallback='forbid'>Skylake-Client-IBRS</model>
                  <vendor>Intel</vendor>
                  <feature policy='require' name='avx2'/>
                  <feature policy='require' name='sse4.2'/>
                  <feature policy='disable' name='hle'/>
                  <feature name='pni'/>
                </cpu>
                """;

        assertThat(HostCapabilities.cpuFeatures(baseline)).containsExactly("avx2", "pni", "sse4.2");
    }

    @Test
    void aHostWithoutACpuModelHasNoCpuToExpand() {
        String testDriver = "<capabilities><host><cpu><arch>i686</arch></cpu></host></capabilities>";

        assertThat(HostCapabilities.hostCpu(testDriver)).isEmpty();
        assertThat(HostCapabilities.cpuFeatures(testDriver)).isEmpty();
        assertThat(HostCapabilities.hostArchitecture("<capabilities><host/></capabilities>")).isEmpty();
    }
}
