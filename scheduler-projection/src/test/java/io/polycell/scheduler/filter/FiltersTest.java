package io.polycell.scheduler.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostHints;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.Hosts;
import io.polycell.scheduler.RequestSpec;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One rule per filter: what passes and what does not. */
class FiltersTest {

    private static final Resources TINY = new Resources(1, 512, 1);
    private static final RequestSpec ANY = RequestSpec.of(TINY);

    @Nested
    class Compute {
        private final ComputeFilter filter = new ComputeFilter();

        @Test
        void passesAnUpEnabledHost() {
            assertThat(filter.passes(Hosts.host("a", new Resources(1, 1, 1)), ANY)).isTrue();
        }

        @Test
        void failsADownDisabledOrForcedDownHost() {
            HostState up = Hosts.host("a", new Resources(1, 1, 1));
            assertThat(filter.passes(new HostState("a", "cell1", up.capacity(), up.used(), up.pending(), 0, false,
                    Map.of()), ANY)).isFalse();
            assertThat(filter.passes(Hosts.withAttributes("a", Map.of(HostState.OPERATOR, Map.of("disabled", "true"))),
                    ANY)).isFalse();
            assertThat(filter.passes(Hosts.withAttributes("a", Map.of(HostState.OPERATOR,
                    Map.of("forced_down", "true"))), ANY)).isFalse();
        }
    }

    @Nested
    class Resources_ {
        private final HostState half = Hosts.used("a", new Resources(4, 4096, 40), new Resources(3, 3072, 39));

        @Test
        void ramPassesWhatFitsInFreeRam() {
            assertThat(new RamFilter().passes(half, RequestSpec.of(new Resources(1, 1024, 1)))).isTrue();
            assertThat(new RamFilter().passes(half, RequestSpec.of(new Resources(1, 1025, 1)))).isFalse();
        }

        @Test
        void vcpuPassesWhatFitsInFreeVcpus() {
            assertThat(new VcpuFilter().passes(half, RequestSpec.of(new Resources(1, 1, 1)))).isTrue();
            assertThat(new VcpuFilter().passes(half, RequestSpec.of(new Resources(2, 1, 1)))).isFalse();
        }

        @Test
        void diskPassesWhatFitsInFreeDisk() {
            assertThat(new DiskFilter().passes(half, RequestSpec.of(new Resources(1, 1, 1)))).isTrue();
            assertThat(new DiskFilter().passes(half, RequestSpec.of(new Resources(1, 1, 2)))).isFalse();
        }
    }

    @Nested
    class AvailabilityZone {
        private final AvailabilityZoneFilter filter = new AvailabilityZoneFilter();
        private final HostState inAz1 = Hosts.withAttributes("a",
                Map.of(HostState.AGGREGATES, Map.of("availability_zone", "az1")));
        private final HostState inNoZone = Hosts.host("b", new Resources(8, 8192, 100));

        @Test
        void passesEveryHostWhenNoZoneIsAsked() {
            assertThat(filter.passes(inAz1, ANY)).isTrue();
            assertThat(filter.passes(inNoZone, ANY)).isTrue();
        }

        @Test
        void passesOnlyHostsOfTheAskedZoneAndNovaForHostsInNone() {
            RequestSpec az1 = new RequestSpec(TINY, "az1", null, null, null);
            RequestSpec nova = new RequestSpec(TINY, "nova", null, null, null);
            assertThat(filter.passes(inAz1, az1)).isTrue();
            assertThat(filter.passes(inNoZone, az1)).isFalse();
            assertThat(filter.passes(inNoZone, nova)).isTrue();
            assertThat(filter.passes(inAz1, nova)).isFalse();
        }
    }

    @Nested
    class AggregateExtraSpecs {
        private final AggregateExtraSpecsFilter filter = new AggregateExtraSpecsFilter();
        private final HostState ssd = Hosts.withAttributes("a", Map.of(HostState.AGGREGATES, Map.of("disk", "ssd,nvme")));

        @Test
        void passesWhenAggregateMetadataMatchesEveryScopedSpec() {
            assertThat(filter.passes(ssd, spec(Map.of("aggregate_instance_extra_specs:disk", "nvme")))).isTrue();
            assertThat(filter.passes(ssd, spec(Map.of("aggregate_instance_extra_specs:disk", "hdd")))).isFalse();
            assertThat(filter.passes(ssd, spec(Map.of("aggregate_instance_extra_specs:gpu", "yes")))).isFalse();
        }

        @Test
        void ignoresSpecsOfOtherScopes() {
            assertThat(filter.passes(ssd, spec(Map.of("hw:cpu_policy", "dedicated")))).isTrue();
            assertThat(filter.appliesTo(spec(Map.of("hw:cpu_policy", "dedicated", "trait:CUSTOM_X", "required"))))
                    .isFalse();
        }

        @Test
        void readsAKeyWithoutAnyScopeAsAggregateMetadata() {
            assertThat(filter.appliesTo(spec(Map.of("disk", "ssd")))).isTrue();
            assertThat(filter.passes(ssd, spec(Map.of("disk", "ssd")))).isTrue();
            assertThat(filter.passes(ssd, spec(Map.of("disk", "hdd")))).isFalse();
        }

        @Test
        void appliesNovasOperators() {
            HostState host = Hosts.withAttributes("b", Map.of(HostState.AGGREGATES,
                    Map.of("cores", "16", "cpu", "avx avx2 sse4", "tier", "gold")));
            String scope = AggregateExtraSpecsFilter.SCOPE;
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", ">= 8")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", ">= 32")))).isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", "<= 16")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", "== 16.0")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", "!= 16")))).isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "cores", "= 12")))).as("= is at least").isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", ">= 1")))).as("no number, no match").isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", "s== gold")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", "s!= gold")))).isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", "s< silver")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", "<or> silver <or> gold")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "tier", "<or> silver <or> bronze")))).isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "cpu", "<in> avx2")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "cpu", "<in> avx512")))).isFalse();
            assertThat(filter.passes(host, spec(Map.of(scope + "cpu", "<all-in> avx sse4")))).isTrue();
            assertThat(filter.passes(host, spec(Map.of(scope + "cpu", "<all-in> avx avx512")))).isFalse();
        }

        @Test
        void appliesOnlyToRequestsWithAScopedSpec() {
            assertThat(filter.appliesTo(spec(Map.of("trait:HW_CPU_X86_AVX2", "required")))).isFalse();
            assertThat(filter.appliesTo(spec(Map.of("aggregate_instance_extra_specs:disk", "ssd")))).isTrue();
        }

        private RequestSpec spec(Map<String, String> extraSpecs) {
            return new RequestSpec(TINY, null, extraSpecs, null, null);
        }
    }

    @Nested
    class ImageProperties {
        private final ImagePropertiesFilter filter = new ImagePropertiesFilter();
        private final HostState x86 = Hosts.withAttributes("a", Map.of(HostState.COMPUTE,
                Map.of("architecture", "x86_64", "hypervisor_type", "qemu")));

        @Test
        void passesMatchingOrUnsetProperties() {
            assertThat(filter.passes(x86, image(Map.of("architecture", "x86_64")))).isTrue();
            assertThat(filter.passes(x86, image(Map.of()))).isTrue();
            assertThat(filter.passes(Hosts.host("b", new Resources(1, 1, 1)), image(Map.of("architecture", "aarch64"))))
                    .isTrue();
        }

        @Test
        void passesAHostThatRunsTheArchitectureAmongOthers() {
            HostState tcg = Hosts.withAttributes("t", Map.of(HostState.COMPUTE,
                    Map.of("architecture", "aarch64,i686,x86_64", "hypervisor_type", "qemu")));
            assertThat(filter.passes(tcg, image(Map.of("architecture", "i686")))).isTrue();
            assertThat(filter.passes(tcg, image(Map.of("architecture", "ppc64le")))).isFalse();
            assertThat(filter.passes(tcg, image(Map.of("architecture", "x86")))).as("a prefix is not a match")
                    .isFalse();
            assertThat(filter.passes(tcg, image(Map.of("architecture", "X86_64")))).isTrue();
        }

        @Test
        void failsAHostOfAnotherArchitectureOrHypervisor() {
            assertThat(filter.passes(x86, image(Map.of("architecture", "aarch64")))).isFalse();
            assertThat(filter.passes(x86, image(Map.of("hypervisor_type", "xen")))).isFalse();
        }

        private RequestSpec image(Map<String, String> properties) {
            return new RequestSpec(TINY, null, null, properties, null);
        }
    }

    @Nested
    class RequiredTraits {
        private final RequiredTraitsFilter filter = new RequiredTraitsFilter();
        private final HostState avx2 = traits("avx2", "COMPUTE_NODE,HW_CPU_X86_AVX2,HW_CPU_X86_SSE42");
        private final HostState sse42 = traits("sse42", "COMPUTE_NODE,HW_CPU_X86_SSE42");
        private final HostState none = Hosts.withAttributes("none", Map.of(HostState.COMPUTE,
                Map.of("hypervisor_type", "fake")));

        @Test
        void aRequiredTraitPassesOnlyHostsThatHaveIt() {
            RequestSpec request = flavor(Map.of("trait:HW_CPU_X86_AVX2", "required"));
            assertThat(filter.passes(avx2, request)).isTrue();
            assertThat(filter.passes(sse42, request)).isFalse();
            assertThat(filter.passes(none, request)).isFalse();
        }

        @Test
        void aForbiddenTraitPassesOnlyHostsThatLackIt() {
            RequestSpec request = flavor(Map.of("trait:HW_CPU_X86_AVX2", "forbidden"));
            assertThat(filter.passes(avx2, request)).isFalse();
            assertThat(filter.passes(sse42, request)).isTrue();
            assertThat(filter.passes(none, request)).isTrue();
        }

        @Test
        void requiredAndForbiddenTogetherMustBothHold() {
            RequestSpec request = flavor(Map.of("trait:HW_CPU_X86_SSE42", "required",
                    "trait:HW_CPU_X86_AVX2", "forbidden"));
            assertThat(filter.passes(sse42, request)).isTrue();
            assertThat(filter.passes(avx2, request)).as("has the required trait but also the forbidden one")
                    .isFalse();
            assertThat(filter.passes(none, request)).isFalse();
        }

        @Test
        void aHostWithoutTraitsPassesOnlyRequestsThatRequireNone() {
            assertThat(filter.passes(none, flavor(Map.of("trait:COMPUTE_NODE", "required")))).isFalse();
            assertThat(filter.passes(none, flavor(Map.of("trait:CUSTOM_GPU", "forbidden")))).isTrue();
            assertThat(filter.passes(none, ANY)).isTrue();
        }

        @Test
        void anImageMayRequireATraitButNotForbidOne() {
            RequestSpec requiring = new RequestSpec(TINY, null, null, Map.of("trait:HW_CPU_X86_AVX2", "required"),
                    null);
            assertThat(filter.passes(avx2, requiring)).isTrue();
            assertThat(filter.passes(sse42, requiring)).isFalse();
            RequestSpec forbidding = new RequestSpec(TINY, null, null, Map.of("trait:HW_CPU_X86_AVX2", "forbidden"),
                    null);
            assertThat(filter.appliesTo(forbidding)).isFalse();
        }

        @Test
        void appliesOnlyToRequestsNamingATraitAndIgnoresOtherValues() {
            assertThat(filter.appliesTo(ANY)).isFalse();
            assertThat(filter.appliesTo(flavor(Map.of("aggregate_instance_extra_specs:ssd", "true")))).isFalse();
            assertThat(filter.appliesTo(flavor(Map.of("trait:HW_CPU_X86_AVX2", "preferred")))).isFalse();
            assertThat(filter.appliesTo(flavor(Map.of("trait:HW_CPU_X86_AVX2", "required")))).isTrue();
        }

        @Test
        void theColumnsGiveTheSameAnswersAsTheStates() {
            HostColumns columns = Hosts.columns(avx2, sse42, none);
            RequestSpec request = flavor(Map.of("trait:HW_CPU_X86_SSE42", "required",
                    "trait:HW_CPU_X86_AVX2", "forbidden"));
            assertThat(filter.passes(columns, 0, request)).isFalse();
            assertThat(filter.passes(columns, 1, request)).isTrue();
            assertThat(filter.passes(columns, 2, request)).isFalse();
            assertThat(columns.traits(0)).containsExactlyInAnyOrder("COMPUTE_NODE", "HW_CPU_X86_AVX2",
                    "HW_CPU_X86_SSE42");
        }

        private HostState traits(String name, String traits) {
            return Hosts.withAttributes(name, Map.of(HostState.COMPUTE, Map.of("traits", traits)));
        }

        private RequestSpec flavor(Map<String, String> extraSpecs) {
            return new RequestSpec(TINY, null, extraSpecs, null, null);
        }
    }

    @Nested
    class NumInstances {
        @Test
        void passesHostsBelowTheMaximum() {
            NumInstancesFilter filter = new NumInstancesFilter(3);
            assertThat(filter.passes(Hosts.withInstances("a", 2), ANY)).isTrue();
            assertThat(filter.passes(Hosts.withInstances("a", 3), ANY)).isFalse();
        }
    }

    @Nested
    class ServerGroups {
        private final HostState h1 = Hosts.host("h1", new Resources(8, 8192, 100));
        private final HostState h2 = Hosts.host("h2", new Resources(8, 8192, 100));

        private RequestSpec group(ServerGroupPolicy policy, int max, Map<String, Integer> members) {
            return new RequestSpec(TINY, null, null, null, null, new GroupHint("g", policy, max), members, null,
                    null);
        }

        @Test
        void affinityPassesAnyHostForAnEmptyGroupThenOnlyTheMembersHost() {
            ServerGroupAffinityFilter filter = new ServerGroupAffinityFilter();
            assertThat(filter.passes(h2, group(ServerGroupPolicy.AFFINITY, 1, Map.of()))).isTrue();
            assertThat(filter.passes(h1, group(ServerGroupPolicy.AFFINITY, 1, Map.of("h1", 1)))).isTrue();
            assertThat(filter.passes(h2, group(ServerGroupPolicy.AFFINITY, 1, Map.of("h1", 1)))).isFalse();
        }

        @Test
        void antiAffinityPassesHostsBelowMaxServerPerHost() {
            ServerGroupAntiAffinityFilter filter = new ServerGroupAntiAffinityFilter();
            assertThat(filter.passes(h1, group(ServerGroupPolicy.ANTI_AFFINITY, 1, Map.of("h1", 1)))).isFalse();
            assertThat(filter.passes(h2, group(ServerGroupPolicy.ANTI_AFFINITY, 1, Map.of("h1", 1)))).isTrue();
            assertThat(filter.passes(h1, group(ServerGroupPolicy.ANTI_AFFINITY, 2, Map.of("h1", 1)))).isTrue();
        }

        @Test
        void softPoliciesAndNoGroupPassEverything() {
            assertThat(new ServerGroupAffinityFilter().passes(h2, group(ServerGroupPolicy.SOFT_AFFINITY, 1,
                    Map.of("h1", 1)))).isTrue();
            assertThat(new ServerGroupAntiAffinityFilter().passes(h1, ANY)).isTrue();
        }
    }

    @Nested
    class HostHintsFilters {
        private final HostState h1 = Hosts.host("h1", new Resources(8, 8192, 100));
        private final HostState h2 = Hosts.host("h2", new Resources(8, 8192, 100));

        private RequestSpec hinted(HostHints hints) {
            return new RequestSpec(TINY, null, null, null, null, null, hints);
        }

        @Test
        void sameHostPassesOnlyHostsRunningOneOfTheNamedInstances() {
            SameHostFilter filter = new SameHostFilter();
            RequestSpec request = hinted(new HostHints(Set.of("i1", "i2"), null, Set.of("h1"), null));
            assertThat(filter.passes(h1, request)).isTrue();
            assertThat(filter.passes(h2, request)).isFalse();
            assertThat(filter.passes(h2, ANY)).isTrue();
        }

        @Test
        void sameHostWithInstancesOnNoHostPassesNothing() {
            RequestSpec request = hinted(new HostHints(Set.of("gone"), null, Set.of(), null));
            assertThat(new SameHostFilter().passes(h1, request)).isFalse();
            assertThat(new SameHostFilter().appliesTo(request)).isTrue();
        }

        @Test
        void differentHostRefusesHostsRunningAnyOfTheNamedInstances() {
            DifferentHostFilter filter = new DifferentHostFilter();
            RequestSpec request = hinted(new HostHints(null, Set.of("i1"), null, Set.of("h1")));
            assertThat(filter.passes(h1, request)).isFalse();
            assertThat(filter.passes(h2, request)).isTrue();
            assertThat(filter.appliesTo(ANY)).isFalse();
        }
    }
}
