package io.polycell.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupMemberPlaced;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostWentDown;
import io.polycell.messages.instance.GroupHint;
import io.polycell.scheduler.filter.AvailabilityZoneFilter;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DifferentHostFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.ServerGroupAntiAffinityFilter;
import io.polycell.scheduler.weigher.Weighing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A replica started from a snapshot knows exactly what one that replayed every event knows. */
class HostStatesSnapshotTest {

    private final HostStates replayed = new HostStates();
    private final HostStateProjection projection = new HostStateProjection(replayed);

    @Test
    void restoredStatesEqualTheReplayedOnesHostByHost() {
        feed();

        HostStates restored = new HostStates();
        restored.restore(replayed.snapshot());

        assertThat(byHost(restored)).isEqualTo(byHost(replayed));
        assertThat(restored.hostOf("web-1")).isEqualTo("a");
        assertThat(restored.groupMembersPerHost("g")).isEqualTo(Map.of("b", 1));
        assertThat(restored.aggregateHosts("agg-1")).containsExactly("b");
    }

    @Test
    void aRestoredReplicaPlacesAsTheReplayedOneDoesAndGoesOnFromThere() {
        feed();
        HostStates restored = new HostStates();
        restored.restore(replayed.snapshot());
        RequestSpec request = new RequestSpec(new Resources(1, 512, 1), "az-1", null, null, null,
                new GroupHint("g", ServerGroupPolicy.ANTI_AFFINITY, 1), HostHints.of(null, Set.of("web-1")));

        assertThat(scheduler(restored).select(List.of("i1"), request, 3))
                .isEqualTo(scheduler(replayed).select(List.of("i1"), request, 3));

        new HostStateProjection(restored).on(new HostResourcesClaimed("c", "cell2", "web-2", new Resources(1, 512, 1)));
        assertThat(restored.get("c").orElseThrow().instances()).isEqualTo(1);
        assertThat(restored.hostOf("web-2")).isEqualTo("c");
    }

    @Test
    void aRestoredReplicaKnowsEachHostsTraits() {
        feed();
        HostStates restored = new HostStates();
        restored.restore(replayed.snapshot());
        RequestSpec avx2 = new RequestSpec(new Resources(1, 512, 1), null, Map.of("trait:HW_CPU_X86_AVX2", "required"),
                null, null);

        assertThat(scheduler(restored).select(List.of("i1"), avx2, 3)).singleElement()
                .satisfies(placement -> assertThat(placement.candidates()).containsExactly(new Destination("c", "cell2")));
    }

    @Test
    void onlyEmptyStatesTakeASnapshot() {
        feed();
        assertThatThrownBy(() -> replayed.restore(replayed.snapshot())).isInstanceOf(IllegalStateException.class);
    }

    private void feed() {
        projection.on(new HostRegistered("a", "cell1", new Resources(8, 16384, 100),
                new AllocationPolicy(2.0, 1.0, 1.0, new Resources(0, 1024, 0)), Map.of("architecture", "x86_64")));
        projection.on(new HostRegistered("b", "cell1", new Resources(8, 16384, 100)));
        projection.on(new HostRegistered("c", "cell2", new Resources(8, 16384, 100), AllocationPolicy.NONE, Map.of(),
                Set.of("COMPUTE_NODE", "HW_CPU_X86_AVX2")));
        projection.on(new HostRegistered("d", "cell2", new Resources(8, 16384, 100)));
        projection.on(new HostResourcesClaimed("a", "cell1", "web-1", new Resources(2, 2048, 10)));
        projection.on(new HostResourcesClaimed("b", "cell1", "db-1", new Resources(4, 4096, 20)));
        projection.on(new ServerGroupMemberPlaced("g", "db-1", "b"));
        projection.on(new AggregateMetadataSet("agg-1", "zone", "az-1", Map.of("availability_zone", "az-1",
                "ssd", "true"), Set.of("b")));
        projection.on(new HostWentDown("d", "cell2", Instant.EPOCH));
        projection.on(new HostForcedDown("c", "cell2", false));
    }

    private static Map<String, HostState> byHost(HostStates states) {
        return states.all().stream().collect(Collectors.toMap(HostState::host, Function.identity()));
    }

    private static FilterScheduler scheduler(HostStates states) {
        return new FilterScheduler(states, List.of(new ComputeFilter(), new AvailabilityZoneFilter(), new RamFilter(),
                new ServerGroupAntiAffinityFilter(), new DifferentHostFilter(), new RequiredTraitsFilter()),
                Weighing.spread());
    }
}
