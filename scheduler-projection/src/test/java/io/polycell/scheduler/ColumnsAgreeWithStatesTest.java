package io.polycell.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostWentDown;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.HostFilter;
import io.polycell.scheduler.filter.ImagePropertiesFilter;
import io.polycell.scheduler.filter.NumInstancesFilter;
import io.polycell.scheduler.filter.NumericChecks;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import io.polycell.scheduler.weigher.FreeDiskWeigher;
import io.polycell.scheduler.weigher.FreeRamWeigher;
import io.polycell.scheduler.weigher.FreeVcpuWeigher;
import io.polycell.scheduler.weigher.HostWeigher;
import io.polycell.scheduler.weigher.InstanceCountWeigher;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The columns a scheduling pass reads, and the fused numeric check, say the same as the host states. */
class ColumnsAgreeWithStatesTest {

    @Test
    void everyFilterAndWeigherGivesTheSameAnswerOnColumnsAndOnStates() {
        HostStates states = new HostStates();
        HostStateProjection projection = new HostStateProjection(states);
        Random random = new Random(3);
        for (int h = 0; h < 200; h++) {
            String host = "h" + h;
            projection.on(new HostRegistered(host, "cell1", new Resources(8, 16384, 200), AllocationPolicy.NONE,
                    Map.of(), someOf(random, "HW_CPU_X86_AVX2", "HW_CPU_X86_SSE42", "CUSTOM_GPU")));
            for (int c = 0; c < random.nextInt(8); c++) {
                projection.on(new HostResourcesClaimed(host, "cell1", host + "-" + c,
                        new Resources(1, random.nextInt(4096), random.nextInt(40))));
            }
            if (random.nextInt(4) == 0) {
                projection.on(new HostInventoryChanged(host, "cell1", new Resources(8, 16384, 200),
                        AllocationPolicy.NONE, Map.of(), someOf(random, "HW_CPU_X86_AVX2", "CUSTOM_GPU")));
            }
            switch (random.nextInt(6)) {
                case 0 -> projection.on(new HostWentDown(host, "cell1", Instant.EPOCH));
                case 1 -> projection.on(new HostServiceDisabled(host, "cell1", "maintenance"));
                case 2 -> projection.on(new HostForcedDown(host, "cell1", true));
                default -> { }
            }
        }
        RequestSpec request = new RequestSpec(new Resources(2, 2048, 20), null,
                Map.of("trait:HW_CPU_X86_AVX2", "required", "trait:CUSTOM_GPU", "forbidden"), null, null);
        List<HostFilter> filters = List.of(new ComputeFilter(), new RamFilter(), new VcpuFilter(), new DiskFilter(),
                new NumInstancesFilter(5));
        HostFilter traits = new RequiredTraitsFilter();
        List<HostWeigher> weighers = List.of(new FreeRamWeigher(), new FreeVcpuWeigher(), new FreeDiskWeigher(),
                new InstanceCountWeigher());
        HostColumns columns = states.columns();

        assertThat(columns.size()).isEqualTo(200);
        int withTheTraits = 0;
        for (int slot = 0; slot < columns.size(); slot++) {
            HostState state = states.get(columns.host(slot)).orElseThrow();
            for (HostFilter filter : filters) {
                assertThat(filter.passes(columns, slot, request)).as(filter + " on " + state.host())
                        .isEqualTo(filter.passes(state, request));
            }
            assertThat(traits.passes(columns, slot, request)).as("traits on " + state.host())
                    .isEqualTo(traits.passes(state, request));
            withTheTraits += traits.passes(state, request) ? 1 : 0;
            assertThat(NumericChecks.of(filters).passes(columns, slot, request)).as("fused on " + state.host())
                    .isEqualTo(filters.stream().allMatch(filter -> filter.passes(state, request)));
            for (HostWeigher weigher : weighers) {
                assertThat(weigher.weigh(columns, slot)).isEqualTo(weigher.weigh(state));
            }
        }
        assertThat(withTheTraits).as("hosts with AVX2 and no GPU").isBetween(1, 199);
    }

    @Test
    void theImageFilterJudgesEachKindOfHostOnceAndAnswersEveryHostAsItsStateWould() {
        HostStates states = new HostStates();
        HostStateProjection projection = new HostStateProjection(states);
        List<Map<String, String>> kinds = List.of(Map.of("architecture", "x86_64", "hypervisor_type", "qemu"),
                Map.of("architecture", "aarch64,x86_64", "hypervisor_type", "qemu"),
                Map.of("architecture", "aarch64", "hypervisor_type", "kvm"), Map.of("hypervisor_type", "fake"), Map.of());
        for (int h = 0; h < 100; h++) {
            projection.on(new HostRegistered("h" + h, "cell1", new Resources(8, 16384, 200), AllocationPolicy.NONE,
                    kinds.get(h % kinds.size()), Set.of()));
        }
        HostColumns columns = states.columns();
        assertThat(columns.capabilityProfileCount()).as("one profile per kind of host").isEqualTo(kinds.size());
        HostFilter filter = new ImagePropertiesFilter();
        List<RequestSpec> requests = List.of(Map.of("architecture", "x86_64"), Map.of("architecture", "aarch64",
                "hypervisor_type", "kvm"), Map.of("hypervisor_type", "qemu"), Map.of("architecture", "ppc64le"))
                .stream().map(image -> new RequestSpec(new Resources(1, 512, 1), null, null, image, null)).toList();
        for (RequestSpec request : requests) {
            HostFilter judged = filter.forPass(request, columns);
            int passing = 0;
            for (int slot = 0; slot < columns.size(); slot++) {
                HostState state = states.get(columns.host(slot)).orElseThrow();
                assertThat(judged.passes(columns, slot, request)).as(request.imageProperties() + " on " + state)
                        .isEqualTo(filter.passes(state, request));
                passing += filter.passes(state, request) ? 1 : 0;
            }
            assertThat(passing).as("some pass, some do not: " + request.imageProperties()).isBetween(1, 99);
        }

        RequestSpec x86 = requests.get(0);
        HostFilter judgedBefore = filter.forPass(x86, columns);
        projection.on(new HostRegistered("late", "cell1", new Resources(8, 16384, 200), AllocationPolicy.NONE,
                Map.of("architecture", "s390x"), Set.of()));
        int late = states.columns().size() - 1;
        assertThat(states.columns().host(late)).isEqualTo("late");
        assertThat(judgedBefore.passes(states.columns(), late, x86))
                .as("a kind of host that appeared after the pass began is judged on its own").isFalse();
    }

    private static Set<String> someOf(Random random, String... traits) {
        Set<String> some = new HashSet<>();
        for (String trait : traits) {
            if (random.nextBoolean()) {
                some.add(trait);
            }
        }
        return some;
    }
}
