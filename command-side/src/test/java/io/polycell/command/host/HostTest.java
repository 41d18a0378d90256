package io.polycell.command.host;

import io.polycell.command.support.Refusals;
import io.polycell.messages.common.Resources;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.ClaimHostResources;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.DisableHostService;
import io.polycell.messages.host.EnableHostService;
import io.polycell.messages.host.ForceHostDown;
import io.polycell.messages.host.HostCameUp;
import io.polycell.messages.host.HostForcedDown;
import io.polycell.messages.host.HostServiceDisabled;
import io.polycell.messages.host.HostServiceEnabled;
import io.polycell.messages.host.HostServiceStatus;
import io.polycell.messages.host.HostOrphansChanged;
import io.polycell.messages.host.HostWentDown;
import io.polycell.messages.host.MarkHostDown;
import io.polycell.messages.host.MarkHostUp;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.instance.PowerState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.host.ReportHostInventory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
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
    void aChangedAllocationPolicyIsRecordedEvenWithTheSameHardware() {
        AllocationPolicy overcommit = new AllocationPolicy(4.0, 1.5, 1.0, new Resources(0, 512, 0));
        fixture.given(registered)
                .when(new ReportHostInventory("h1", "cell1", CAPACITY, overcommit))
                .expectEvents(new HostInventoryChanged("h1", "cell1", CAPACITY, overcommit));
    }

    @Test
    void changedTraitsAreRecordedAndTheSameTraitsInAnotherOrderAreNot() {
        Map<String, String> fake = Map.of("hypervisor_type", "fake");
        HostRegistered withTraits = new HostRegistered("h1", "cell1", CAPACITY, AllocationPolicy.NONE, fake,
                Set.of("COMPUTE_NODE", "HW_CPU_X86_AVX2"));
        fixture.given(withTraits)
                .when(new ReportHostInventory("h1", "cell1", CAPACITY, AllocationPolicy.NONE, fake,
                        new LinkedHashSet<>(List.of("HW_CPU_X86_AVX2", "COMPUTE_NODE"))))
                .expectNoEvents();
        fixture.given(withTraits)
                .when(new ReportHostInventory("h1", "cell1", CAPACITY, AllocationPolicy.NONE, fake,
                        Set.of("COMPUTE_NODE")))
                .expectEvents(new HostInventoryChanged("h1", "cell1", CAPACITY, AllocationPolicy.NONE, fake,
                        Set.of("COMPUTE_NODE")));
    }

    @Test
    void anAllocationRatioSellsMoreThanTheHardware() {
        // 2 physical CPUs at 4.0 are 8 vCPUs to sell: the eighth 1-vCPU claim fits, the ninth does not.
        AllocationPolicy cpuOvercommit = new AllocationPolicy(4.0, 16.0, 16.0, null);
        List<Object> sevenClaims = new ArrayList<>();
        sevenClaims.add(new HostRegistered("h1", "cell1", CAPACITY, cpuOvercommit));
        for (int i = 1; i <= 7; i++) {
            sevenClaims.add(new HostResourcesClaimed("h1", "cell1", "i" + i, TINY));
        }
        fixture.given(sevenClaims)
                .when(new ClaimHostResources("h1", "i8", TINY))
                .expectEvents(new HostResourcesClaimed("h1", "cell1", "i8", TINY));
        sevenClaims.add(new HostResourcesClaimed("h1", "cell1", "i8", TINY));
        fixture.given(sevenClaims)
                .when(new ClaimHostResources("h1", "i9", TINY))
                .expectNoEvents()
                .expectException(PolycellException.class);
    }

    @Test
    void reservedRamIsNeverSold() {
        // 1024 MB with 512 kept for the host: one 512 MB claim fits, a second does not.
        HostRegistered withReservation = new HostRegistered("h1", "cell1", CAPACITY,
                new AllocationPolicy(1.0, 1.0, 1.0, new Resources(0, 512, 0)));
        fixture.given(withReservation)
                .when(new ClaimHostResources("h1", "i1", TINY))
                .expectEvents(new HostResourcesClaimed("h1", "cell1", "i1", TINY));
        fixture.given(withReservation, new HostResourcesClaimed("h1", "cell1", "i1", TINY))
                .when(new ClaimHostResources("h1", "i2", TINY))
                .expectNoEvents()
                .expectException(PolycellException.class);
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

    @Test
    void disablingAnEnabledHostRecordsTheReasonAndAnswersTheService() {
        fixture.given(registered)
                .when(new DisableHostService("h1", "maintenance"))
                .expectEvents(new HostServiceDisabled("h1", "cell1", "maintenance"))
                .expectResultMessagePayloadMatching(service(status -> status.disabled()
                        && "maintenance".equals(status.disabledReason()) && status.status().equals("disabled")
                        && status.updatedAt() != null));
    }

    @Test
    void disablingAnAlreadyDisabledHostRecordsNothingAndKeepsTheFirstReason() {
        fixture.given(registered, new HostServiceDisabled("h1", "cell1", "maintenance"))
                .when(new DisableHostService("h1", "another reason"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(service(status -> "maintenance".equals(status.disabledReason())));
    }

    @Test
    void enablingADisabledHostClearsItsReason() {
        fixture.given(registered, new HostServiceDisabled("h1", "cell1", "maintenance"))
                .when(new EnableHostService("h1"))
                .expectEvents(new HostServiceEnabled("h1", "cell1"))
                .expectResultMessagePayloadMatching(service(status -> !status.disabled()
                        && status.disabledReason() == null && status.status().equals("enabled")));
    }

    @Test
    void enablingAnEnabledHostRecordsNothing() {
        fixture.given(registered)
                .when(new EnableHostService("h1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aForcedDownHostIsDownWhileItsHeartbeatsSayUp() {
        fixture.given(registered)
                .when(new ForceHostDown("h1", true))
                .expectEvents(new HostForcedDown("h1", "cell1", true))
                .expectResultMessagePayloadMatching(service(status -> status.forcedDown() && !status.down()
                        && status.state().equals("down")));
    }

    @Test
    void forcingDownIsRecordedOnlyWhenItChanges() {
        fixture.given(registered, new HostForcedDown("h1", "cell1", true))
                .when(new ForceHostDown("h1", true))
                .expectNoEvents();
        fixture.given(registered, new HostForcedDown("h1", "cell1", true))
                .when(new ForceHostDown("h1", false))
                .expectEvents(new HostForcedDown("h1", "cell1", false))
                .expectResultMessagePayloadMatching(service(status -> status.state().equals("up")));
        fixture.given(registered)
                .when(new ForceHostDown("h1", false))
                .expectNoEvents();
    }

    @Test
    void aHostWhoseHeartbeatsStoppedIsDownWithoutBeingForced() {
        fixture.given(registered, new HostWentDown("h1", "cell1", Instant.parse("2026-11-21T10:00:00Z")))
                .when(new DisableHostService("h1", null))
                .expectEvents(new HostServiceDisabled("h1", "cell1", null))
                .expectResultMessagePayloadMatching(service(status -> status.down() && !status.forcedDown()
                        && status.state().equals("down") && status.disabledReason() == null));
    }

    @Test
    void anUnknownHostCannotBeDisabled() {
        fixture.givenNoPriorActivity()
                .when(new DisableHostService("nowhere", "maintenance"))
                .expectException(AggregateNotFoundException.class);
    }

    private static Matcher<HostServiceStatus> service(Predicate<HostServiceStatus> expected) {
        return Matchers.predicate(expected);
    }
}
