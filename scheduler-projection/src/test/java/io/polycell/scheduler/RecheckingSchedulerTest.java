package io.polycell.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import io.polycell.scheduler.weigher.FreeRamWeigher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecheckingSchedulerTest {

    private static final Resources TINY = new Resources(1, 512, 1);
    private final HostStates states = new HostStates();
    private final HostStateProjection projection = new HostStateProjection(states);
    private final FilterScheduler replica = new FilterScheduler(states,
            List.of(new ComputeFilter(), new RamFilter(), new VcpuFilter(), new DiskFilter()), new FreeRamWeigher());
    private final AtomicInteger waits = new AtomicInteger();

    @BeforeEach
    void aFullHost() {
        projection.on(new HostRegistered("a", "cell1", new Resources(2, 1024, 10)));
        projection.on(new HostResourcesClaimed("a", "cell1", "i1", TINY));
        projection.on(new HostResourcesClaimed("a", "cell1", "i2", TINY));
    }

    @Test
    void aReleaseTheFeedHadNotReadYetIsFoundBeforeSayingNoHost() {
        Scheduler scheduler = new RecheckingScheduler(replica, within -> {
            waits.incrementAndGet();
            projection.on(new HostResourcesReleased("a", "cell1", "i1", TINY));
            return true;
        }, Duration.ofSeconds(1));

        List<Placement> placed = scheduler.select(List.of("i3"), RequestSpec.of(TINY), 0);

        assertThat(placed).extracting(placement -> placement.primary().host()).containsExactly("a");
        assertThat(waits).hasValue(1);
    }

    @Test
    void aCloudThatIsReallyFullIsRefusedAfterOneLook() {
        Scheduler scheduler = new RecheckingScheduler(replica, within -> {
            waits.incrementAndGet();
            return true;
        }, Duration.ofSeconds(1));

        assertThat(scheduler.select(List.of("i3"), RequestSpec.of(TINY), 0)).isEmpty();
        assertThat(waits).hasValue(1);
    }

    @Test
    void aPlacementFoundAtOnceDoesNotWait() {
        projection.on(new HostRegistered("b", "cell1", new Resources(2, 1024, 10)));
        Scheduler scheduler = new RecheckingScheduler(replica, within -> {
            waits.incrementAndGet();
            return true;
        }, Duration.ofSeconds(1));

        assertThat(scheduler.select(List.of("i3"), RequestSpec.of(TINY), 0)).hasSize(1);
        assertThat(waits).hasValue(0);
    }

    @Test
    void aPartOfABatchPlacedBeforeTheLookIsNotReservedTwice() {
        projection.on(new HostRegistered("b", "cell1", new Resources(1, 512, 10)));
        Scheduler scheduler = new RecheckingScheduler(replica, within -> {
            projection.on(new HostResourcesReleased("a", "cell1", "i1", TINY));
            return true;
        }, Duration.ofSeconds(1));

        List<Placement> placed = scheduler.select(List.of("i3", "i4"), RequestSpec.of(TINY), 0);

        assertThat(placed).extracting(placement -> placement.primary().host())
                .containsExactlyInAnyOrder("a", "b");
    }
}
