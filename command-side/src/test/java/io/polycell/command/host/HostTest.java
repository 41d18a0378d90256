package io.polycell.command.host;

import io.polycell.command.support.Refusals;
import io.polycell.messages.common.Resources;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.host.ClaimHostResources;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostOrphansChanged;
import io.polycell.messages.host.HostWentDown;
import io.polycell.messages.host.MarkHostDown;
import io.polycell.messages.host.MarkHostUp;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.instance.PowerState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.host.ReportHostInventory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class HostTest {

    private static final Resources CAPACITY = new Resources(2, 1024, 10);
    private static final Resources TINY = new Resources(1, 512, 1);
    private final AggregateTestFixture<Host> fixture = new AggregateTestFixture<>(Host.class);
    private final HostRegistered registered = new HostRegistered("h1", "cell1", CAPACITY);

    @Test
    void theFirstInventoryReportRegistersTheHost() {
        fixture.givenNoPriorActivity()
                .when(new ReportHostInventory("h1", "cell1", CAPACITY))
                .expectEvents(registered);
    }

    @Test
    void anUnchangedInventoryReportRecordsNothing() {
        fixture.given(registered)
                .when(new ReportHostInventory("h1", "cell1", CAPACITY))
                .expectNoEvents();
    }

    @Test
    void aChangedInventoryIsRecorded() {
        Resources bigger = new Resources(4, 2048, 10);
        fixture.given(registered)
                .when(new ReportHostInventory("h1", "cell1", bigger))
                .expectEvents(new HostInventoryChanged("h1", "cell1", bigger));
    }

    @Test
    void aClaimThatFitsIsGranted() {
        fixture.given(registered)
                .when(new ClaimHostResources("h1", "i1", TINY))
                .expectEvents(new HostResourcesClaimed("h1", "cell1", "i1", TINY));
    }

    @Test
    void aClaimBeyondCapacityIsRefused() {
        fixture.given(registered, new HostResourcesClaimed("h1", "cell1", "i1", TINY),
                        new HostResourcesClaimed("h1", "cell1", "i2", TINY))
                .when(new ClaimHostResources("h1", "i3", TINY))
                .expectNoEvents()
                .expectException(Refusals.refusedWith(ErrorCode.HOST_CAPACITY_EXCEEDED));
    }

    @Test
    void aClaimIsRefusedWhenAnyOneResourceIsShort() {
        fixture.given(registered)
                .when(new ClaimHostResources("h1", "i1", new Resources(1, 256, 11)))
                .expectException(PolycellException.class);
    }

    @Test
    void aRepeatedClaimForTheSameInstanceIsGrantedOnce() {
        fixture.given(registered, new HostResourcesClaimed("h1", "cell1", "i1", TINY))
                .when(new ClaimHostResources("h1", "i1", TINY))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aReleaseGivesTheCapacityBack() {
        fixture.given(registered, new HostResourcesClaimed("h1", "cell1", "i1", TINY),
                        new HostResourcesClaimed("h1", "cell1", "i2", TINY),
                        new HostResourcesReleased("h1", "cell1", "i1", TINY))
                .when(new ClaimHostResources("h1", "i3", TINY))
                .expectEvents(new HostResourcesClaimed("h1", "cell1", "i3", TINY));
    }

    @Test
    void releasingWhatIsNotClaimedDoesNothing() {
        fixture.given(registered, new HostResourcesClaimed("h1", "cell1", "i1", TINY),
                        new HostResourcesReleased("h1", "cell1", "i1", TINY))
                .when(new ReleaseHostResources("h1", "i1"))
                .expectNoEvents();
    }

    @Test
    void guestsNoClaimOwnsAreRecordedAsOrphansOnceAndClaimsAreAnswered() {
        fixture.given(registered, new HostResourcesClaimed("h1", "cell1", "i1", TINY))
                .when(new SyncHostGuests("h1", Map.of("i1", PowerState.RUNNING, "stray", PowerState.RUNNING)))
                .expectEvents(new HostOrphansChanged("h1", "cell1", Set.of("stray")))
                .expectResultMessagePayload(new ClaimedInstances(Set.of("i1")));
    }

    @Test
    void theSameOrphansSeenAgainRecordNothing() {
        fixture.given(registered, new HostOrphansChanged("h1", "cell1", Set.of("stray")))
                .when(new SyncHostGuests("h1", Map.of("stray", PowerState.RUNNING)))
                .expectNoEvents();
    }

    @Test
    void orphansThatWentAwayAreCleared() {
        fixture.given(registered, new HostOrphansChanged("h1", "cell1", Set.of("stray")))
                .when(new SyncHostGuests("h1", Map.of()))
                .expectEvents(new HostOrphansChanged("h1", "cell1", Set.of()));
    }

    @Test
    void aSilentHostGoesDownOnceAndComesUpOnce() {
        Instant seen = Instant.parse("2026-11-21T10:00:00Z");
        fixture.given(registered)
                .when(new MarkHostDown("h1", seen))
                .expectEvents(new HostWentDown("h1", "cell1", seen));
        fixture.given(registered, new HostWentDown("h1", "cell1", seen))
                .when(new MarkHostDown("h1", seen))
                .expectNoEvents();
        fixture.given(registered, new HostWentDown("h1", "cell1", seen))
                .when(new MarkHostUp("h1"))
                .expectEvents(new HostCameUp("h1", "cell1"));
        fixture.given(registered)
                .when(new MarkHostUp("h1"))
                .expectNoEvents();
    }
}
