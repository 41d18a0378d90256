package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuTraitsTest {

    @Test
    void libvirtsFeatureNamesBecomeNovasTraitsAndOthersAreDropped() {
        assertThat(CpuTraits.of("x86_64", Set.of("avx2", "sse4.2", "sse4.1", "pni", "pclmuldq", "aes", "fma",
                "avx512-vnni", "vmx", "ds", "hypervisor")))
                .containsExactly("HW_CPU_X86_AESNI", "HW_CPU_X86_AVX2", "HW_CPU_X86_AVX512VNNI", "HW_CPU_X86_CLMUL",
                        "HW_CPU_X86_FMA3", "HW_CPU_X86_SSE3", "HW_CPU_X86_SSE41", "HW_CPU_X86_SSE42",
                        "HW_CPU_X86_VMX");
    }

    @Test
    void anotherArchitecturesFeaturesAreNotX86Traits() {
        assertThat(CpuTraits.of("aarch64", Set.of("aes", "sse2"))).isEmpty();
        assertThat(CpuTraits.of("", Set.of("avx2"))).isEmpty();
    }
}
