package io.polycell.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostServiceEnabled;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostWentDown;
import java.time.Instant;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DifferentHostFilter;
import io.polycell.scheduler.filter.SameHostFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import io.polycell.scheduler.weigher.FreeRamWeigher;
import io.polycell.scheduler.weigher.Weighing;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterSchedulerTest {

    private final HostStates states = new HostStates();
    private final HostStateProjection projection = new HostStateProjection(states);
    private final FilterScheduler scheduler = new FilterScheduler(states,
            List.of(new ComputeFilter(), new RamFilter(), new VcpuFilter(), new DiskFilter()), new FreeRamWeigher());

    @Test
    void prefersTheHostWithTheMostFreeRamAndOffersNoAlternateFromAnotherCell() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 4096, 100)));
        projection.on(new HostRegistered("b", "cell2", new Resources(4, 8192, 100)));

        assertThat(scheduler.selectDestinations("i0", new Resources(1, 512, 1), 3, Set.of()))
                .containsExactly(new Destination("b", "cell2"));
    }

    @Test
    void leavesOutHostsThatLackRamVcpusOrDisk() {
        projection.on(new HostRegistered("small-ram", "cell1", new Resources(8, 256, 100)));
        projection.on(new HostRegistered("small-cpu", "cell1", new Resources(1, 8192, 100)));
        projection.on(new HostRegistered("small-disk", "cell1", new Resources(8, 8192, 1)));
        projection.on(new HostRegistered("fits", "cell2", new Resources(2, 1024, 20)));

        assertThat(scheduler.selectDestinations("i0", new Resources(2, 512, 10), 3, Set.of()))
                .containsExactly(new Destination("fits", "cell2"));
    }

    @Test
    void traitsReportedByAgentsSteerRequestsThatNameThemAndChangeWithTheInventory() {
        FilterScheduler withTraits = new FilterScheduler(states, List.of(new ComputeFilter(), new RamFilter(),
                new RequiredTraitsFilter()), new FreeRamWeigher());
        Resources size = new Resources(4, 4096, 100);
        projection.on(new HostRegistered("avx2", "cell1", size, AllocationPolicy.NONE, Map.of(),
                Set.of("HW_CPU_X86_AVX2", "COMPUTE_NODE")));
        projection.on(new HostRegistered("plain", "cell1", new Resources(4, 8192, 100), AllocationPolicy.NONE,
                Map.of(), Set.of("COMPUTE_NODE")));
        RequestSpec requiring = new RequestSpec(new Resources(1, 512, 1), null,
                Map.of("trait:HW_CPU_X86_AVX2", "required"), null, null);
        RequestSpec forbidding = new RequestSpec(new Resources(1, 512, 1), null,
                Map.of("trait:HW_CPU_X86_AVX2", "forbidden"), null, null);

        assertThat(withTraits.select(List.of("i1"), requiring, 3)).singleElement()
                .satisfies(placement -> assertThat(placement.candidates())
                        .containsExactly(new Destination("avx2", "cell1")));
        assertThat(withTraits.select(List.of("i2"), forbidding, 3)).singleElement()
                .satisfies(placement -> assertThat(placement.candidates())
                        .containsExactly(new Destination("plain", "cell1")));
        assertThat(states.get("avx2").orElseThrow().attribute(HostState.COMPUTE, "traits"))
                .isEqualTo("COMPUTE_NODE,HW_CPU_X86_AVX2");

        projection.on(new HostInventoryChanged("avx2", "cell1", size, AllocationPolicy.NONE, Map.of(),
                Set.of("COMPUTE_NODE")));
        assertThat(withTraits.select(List.of("i3"), requiring, 3)).isEmpty();
    }

    @Test
    void claimsUseUpAHostAndReleasesGiveItBack() {
        projection.on(new HostRegistered("a", "cell1", new Resources(2, 1024, 10)));
        Resources tiny = new Resources(1, 512, 1);
        projection.on(new HostResourcesClaimed("a", "cell1", "i1", tiny));
        projection.on(new HostResourcesClaimed("a", "cell1", "i2", tiny));

        assertThat(scheduler.selectDestinations("i3", tiny, 0, Set.of())).isEmpty();

        projection.on(new HostResourcesReleased("a", "cell1", "i1", tiny));
        assertThat(scheduler.selectDestinations("i3", tiny, 0, Set.of())).containsExactly(new Destination("a", "cell1"));
        assertThat(states.get("a").orElseThrow().instances()).isEqualTo(1);
    }

    @Test
    void schedulesAgainstTheCapacityAfterRatiosAndReservationsAsTheHostAggregateDoes() {
        // 2 CPUs at ratio 4.0 are 8 vCPUs; 4096 MB with 1024 reserved leaves 3072.
        AllocationPolicy policy = new AllocationPolicy(4.0, 1.0, 1.0, new Resources(0, 1024, 0));
        projection.on(new HostRegistered("a", "cell1", new Resources(2, 4096, 100), policy, Map.of()));

        assertThat(states.get("a").orElseThrow().capacity()).isEqualTo(new Resources(8, 3072, 100));
        assertThat(states.get("a").orElseThrow().attribute(HostState.COMPUTE, "cpu_allocation_ratio"))
                .isEqualTo("4.0");
        assertThat(scheduler.selectDestinations("i1", new Resources(8, 3072, 1), 0, Set.of())).hasSize(1);
        assertThat(scheduler.selectDestinations("i2", new Resources(1, 1, 1), 0, Set.of())).isEmpty();
    }

    @Test
    void anInventoryChangeReplacesTheAgentsCapabilities() {
        projection.on(new HostRegistered("a", "cell1", new Resources(2, 4096, 100), null,
                Map.of("architecture", "x86_64")));
        projection.on(new HostInventoryChanged("a", "cell1", new Resources(2, 4096, 100), null,
                Map.of("architecture", "aarch64")));

        assertThat(states.get("a").orElseThrow().attribute(HostState.COMPUTE, "architecture")).isEqualTo("aarch64");
    }

    @Test
    void limitsTheAnswerToOneHostPlusTheAlternatesAskedFor() {
        for (int i = 0; i < 10; i++) {
            projection.on(new HostRegistered("h" + i, "cell1", new Resources(4, 1000 + i, 10)));
        }
        assertThat(scheduler.selectDestinations("i0", new Resources(1, 1, 1), 3, Set.of())).extracting(Destination::host)
                .containsExactly("h9", "h8", "h7", "h6");
    }

    @Test
    void aProposedHostCountsAsUsedUntilItsClaimArrives() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 2048, 100)));
        projection.on(new HostRegistered("b", "cell2", new Resources(4, 2048, 100)));
        Resources half = new Resources(1, 1024, 1);

        Destination first = scheduler.selectDestinations("i1", half, 0, Set.of()).get(0);
        Destination second = scheduler.selectDestinations("i2", half, 0, Set.of()).get(0);
        assertThat(second.host()).isNotEqualTo(first.host());

        projection.on(new HostResourcesClaimed(first.host(), first.cell(), "i1", half));
        assertThat(states.get(first.host()).orElseThrow().freeRamMb()).isEqualTo(1024);
    }

    @Test
    void aForgottenReservationFreesItsHost() {
        projection.on(new HostRegistered("a", "cell1", new Resources(1, 1024, 10)));
        Resources all = new Resources(1, 1024, 10);
        assertThat(scheduler.selectDestinations("i1", all, 0, Set.of())).hasSize(1);
        assertThat(scheduler.selectDestinations("i2", all, 0, Set.of())).isEmpty();

        scheduler.forget("i1");
        assertThat(scheduler.selectDestinations("i2", all, 0, Set.of())).hasSize(1);
    }

    @Test
    void leavesOutExcludedHosts() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 8192, 100)));
        projection.on(new HostRegistered("b", "cell1", new Resources(4, 4096, 100)));
        assertThat(scheduler.selectDestinations("i1", new Resources(1, 1, 1), 3, Set.of("a")))
                .containsExactly(new Destination("b", "cell1"));
    }

    @Test
    void aHostThatIsDownTakesNothingUntilItComesBack() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 8192, 100)));
        projection.on(new HostRegistered("b", "cell1", new Resources(4, 4096, 100)));
        projection.on(new HostWentDown("a", "cell1", Instant.EPOCH));

        assertThat(scheduler.selectDestinations("i1", new Resources(1, 1, 1), 3, Set.of()))
                .containsExactly(new Destination("b", "cell1"));

        projection.on(new HostCameUp("a", "cell1"));
        assertThat(scheduler.selectDestinations("i2", new Resources(1, 1, 1), 3, Set.of()).get(0).host()).isEqualTo("a");
    }

    @Test
    void aMultiCreatePlacesEveryInstanceInOneDecisionWithoutDoubleCounting() {
        projection.on(new HostRegistered("a", "cell1", new Resources(2, 2048, 100)));
        projection.on(new HostRegistered("b", "cell1", new Resources(2, 2048, 100)));
        projection.on(new HostRegistered("c", "cell2", new Resources(2, 2048, 100)));
        Resources half = new Resources(1, 1024, 1);

        List<Placement> placements = scheduler.select(List.of("i1", "i2", "i3", "i4", "i5", "i6", "i7"),
                RequestSpec.of(half), 3);

        assertThat(placements).hasSize(6);
        assertThat(placements).extracting(placement -> placement.primary().host())
                .containsExactlyInAnyOrder("a", "a", "b", "b", "c", "c");
        assertThat(placements.subList(0, 3)).extracting(placement -> placement.primary().host())
                .containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void alternatesAreInThePrimarysCell() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 8192, 100)));
        projection.on(new HostRegistered("b", "cell2", new Resources(4, 7000, 100)));
        projection.on(new HostRegistered("c", "cell1", new Resources(4, 6000, 100)));
        projection.on(new HostRegistered("d", "cell1", new Resources(4, 5000, 100)));

        Placement placement = scheduler.select(List.of("i1"), RequestSpec.of(new Resources(1, 1, 1)), 3).get(0);

        assertThat(placement.primary().host()).isEqualTo("a");
        assertThat(placement.alternates()).extracting(Destination::host).containsExactly("c", "d");
    }

    @Test
    void spreadPrefersEmptierHostsAndPackFillsOneUp() {
        HostStates both = new HostStates();
        HostStateProjection feed = new HostStateProjection(both);
        feed.on(new HostRegistered("busy", "cell1", new Resources(8, 8192, 100)));
        feed.on(new HostRegistered("idle", "cell1", new Resources(8, 8192, 100)));
        feed.on(new HostResourcesClaimed("busy", "cell1", "x", new Resources(4, 4096, 50)));
        RequestSpec tiny = RequestSpec.of(new Resources(1, 512, 1));

        FilterScheduler spread = new FilterScheduler(both, List.of(new RamFilter()), Weighing.spread());
        FilterScheduler pack = new FilterScheduler(both, List.of(new RamFilter()), Weighing.pack());

        assertThat(spread.select(List.of("s"), tiny, 0).get(0).primary().host()).isEqualTo("idle");
        spread.forget("s");
        assertThat(pack.select(List.of("p"), tiny, 0).get(0).primary().host()).isEqualTo("busy");
    }

    @Test
    void aDisabledOrForcedDownHostTakesNothing() {
        projection.on(new HostRegistered("a", "cell1", new Resources(4, 8192, 100)));
        projection.on(new HostRegistered("b", "cell1", new Resources(4, 4096, 100)));
        projection.on(new HostServiceDisabled("a", "cell1", "maintenance"));
        assertThat(scheduler.selectDestinations("i1", new Resources(1, 1, 1), 3, Set.of()))
                .containsExactly(new Destination("b", "cell1"));

        projection.on(new HostServiceEnabled("a", "cell1"));
        projection.on(new HostForcedDown("b", "cell1", true));
        assertThat(scheduler.selectDestinations("i2", new Resources(1, 1, 1), 3, Set.of()))
                .containsExactly(new Destination("a", "cell1"));
    }

    @Test
    void tenInstancesEachTakeTheBestHostLeftAndTheNextThreeAsAlternates() {
        // Each host fits one instance; free RAM orders them h49 (most) down to h00.
        for (int i = 0; i < 50; i++) {
            projection.on(new HostRegistered("h%02d".formatted(i), "cell1", new Resources(4, 2000 + i, 10)));
        }
        List<String> instances = List.of("i0", "i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9");

        List<Placement> placements = scheduler.select(instances, RequestSpec.of(new Resources(1, 1500, 1)), 3);

        assertThat(placements).hasSize(10);
        for (int k = 0; k < 10; k++) {
            int primary = 49 - k;
            assertThat(placements.get(k).primary().host()).isEqualTo("h%02d".formatted(primary));
            assertThat(placements.get(k).alternates()).extracting(Destination::host).containsExactly(
                    "h%02d".formatted(primary - 1), "h%02d".formatted(primary - 2), "h%02d".formatted(primary - 3));
        }
    }

    @Test
    void aLongRequestRunsPastTheShortListOfEveryCell() {
        // 3 cells of 20 one-instance hosts; 45 instances need hosts from deep in each cell's ranking.
        for (int i = 0; i < 60; i++) {
            projection.on(new HostRegistered("h%02d".formatted(i), "cell" + (i % 3), new Resources(4, 2000 + i, 10)));
        }
        List<String> instances = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            instances.add("i" + i);
        }

        List<Placement> placements = scheduler.select(instances, RequestSpec.of(new Resources(1, 1500, 1)), 3);

        assertThat(placements).extracting(placement -> placement.primary().host()).doesNotHaveDuplicates()
                .hasSize(45).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 45)
                        .mapToObj(k -> "h%02d".formatted(59 - k)).toList());
    }

    @Test
    void sameHostPlacesNextToTheNamedInstanceAndDifferentHostAwayFromIt() {
        projection.on(new HostRegistered("a", "cell1", new Resources(8, 8192, 100)));
        projection.on(new HostRegistered("b", "cell1", new Resources(8, 4096, 100)));
        projection.on(new HostResourcesClaimed("b", "cell1", "web-1", new Resources(1, 512, 1)));
        Resources tiny = new Resources(1, 512, 1);

        RequestSpec near = new RequestSpec(tiny, null, null, null, null, null, HostHints.of(Set.of("web-1"), null));
        RequestSpec away = new RequestSpec(tiny, null, null, null, null, null, HostHints.of(null, Set.of("web-1")));
        FilterScheduler hinted = new FilterScheduler(states, List.of(new RamFilter(), new SameHostFilter(),
                new DifferentHostFilter()), new FreeRamWeigher());

        assertThat(hinted.select(List.of("i1"), near, 3)).singleElement()
                .satisfies(placement -> assertThat(placement.candidates()).containsExactly(new Destination("b", "cell1")));
        assertThat(hinted.select(List.of("i2"), away, 3)).singleElement()
                .satisfies(placement -> assertThat(placement.candidates()).containsExactly(new Destination("a", "cell1")));

        projection.on(new HostResourcesReleased("b", "cell1", "web-1", new Resources(1, 512, 1)));
        assertThat(hinted.select(List.of("i3"), near, 3)).as("the named instance is gone: no host has it").isEmpty();
    }

    @Test
    void softAffinityPacksTheGroupUntilItsHostIsFullThenGoesOn() {
        for (String host : List.of("a", "b", "c")) {
            projection.on(new HostRegistered(host, "cell1", new Resources(2, 8192, 100)));
        }
        FilterScheduler soft = new FilterScheduler(states, List.of(new VcpuFilter()), Weighing.spread());
        RequestSpec request = new RequestSpec(new Resources(1, 512, 1), null, null, null, null,
                new GroupHint("g", ServerGroupPolicy.SOFT_AFFINITY, 1));

        List<Placement> placements = soft.select(List.of("i1", "i2", "i3"), request, 0);

        assertThat(placements).extracting(placement -> placement.primary().host()).containsExactly("a", "a", "b");
    }

    @Test
    void softAntiAffinitySpreadsTheGroupThenSharesHosts() {
        for (String host : List.of("a", "b")) {
            projection.on(new HostRegistered(host, "cell1", new Resources(8, 8192, 100)));
        }
        FilterScheduler soft = new FilterScheduler(states, List.of(new VcpuFilter()), Weighing.pack());
        RequestSpec request = new RequestSpec(new Resources(1, 512, 1), null, null, null, null,
                new GroupHint("g", ServerGroupPolicy.SOFT_ANTI_AFFINITY, 1));

        List<Placement> placements = soft.select(List.of("i1", "i2", "i3"), request, 0);

        assertThat(placements).extracting(placement -> placement.primary().host()).containsExactly("a", "b", "a");
    }
}
