package io.polycell.compute.driver.libvirt;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Nova's trait names (os-traits, {@code HW_CPU_X86_*}) for the x86 CPU features libvirt names. Only
 * features with a standard trait are mapped; the rest (hundreds of flags) are no one's to require.
 * Where libvirt knows a feature by two names (SSE3 is {@code pni}, CLMUL {@code pclmuldq}), both map.
 */
final class CpuTraits {

    private static final Map<String, String> X86 = Map.ofEntries(
            Map.entry("3dnow", "3DNOW"),
            Map.entry("abm", "ABM"),
            Map.entry("aes", "AESNI"),
            Map.entry("avx", "AVX"),
            Map.entry("avx2", "AVX2"),
            Map.entry("avx512bw", "AVX512BW"),
            Map.entry("avx512cd", "AVX512CD"),
            Map.entry("avx512dq", "AVX512DQ"),
            Map.entry("avx512er", "AVX512ER"),
            Map.entry("avx512f", "AVX512F"),
            Map.entry("avx512pf", "AVX512PF"),
            Map.entry("avx512vl", "AVX512VL"),
            Map.entry("avx512-vnni", "AVX512VNNI"),
            Map.entry("avx512vnni", "AVX512VNNI"),
            Map.entry("bmi1", "BMI"),
            Map.entry("bmi2", "BMI2"),
            Map.entry("f16c", "F16C"),
            Map.entry("fma", "FMA3"),
            Map.entry("fma4", "FMA4"),
            Map.entry("mmx", "MMX"),
            Map.entry("mpx", "MPX"),
            Map.entry("pclmuldq", "CLMUL"),
            Map.entry("pclmulqdq", "CLMUL"),
            Map.entry("pdpe1gb", "PDPE1GB"),
            Map.entry("pni", "SSE3"),
            Map.entry("sse3", "SSE3"),
            Map.entry("sgx", "SGX"),
            Map.entry("sha-ni", "SHA"),
            Map.entry("sse", "SSE"),
            Map.entry("sse2", "SSE2"),
            Map.entry("sse4.1", "SSE41"),
            Map.entry("sse4.2", "SSE42"),
            Map.entry("sse4a", "SSE4A"),
            Map.entry("ssse3", "SSSE3"),
            Map.entry("stibp", "STIBP"),
            Map.entry("svm", "SVM"),
            Map.entry("tbm", "TBM"),
            Map.entry("vmx", "VMX"),
            Map.entry("xop", "XOP"));

    private CpuTraits() {
    }

    /** The traits of the x86 features among {@code features}; none for another architecture's. */
    static Set<String> of(String arch, Set<String> features) {
        Set<String> traits = new TreeSet<>();
        if (!arch.equals("x86_64") && !arch.equals("i686")) {
            return traits;
        }
        for (String feature : features) {
            String trait = X86.get(feature);
            if (trait != null) {
                traits.add("HW_CPU_X86_" + trait);
            }
        }
        return traits;
    }
}
