package io.polycell.command.instance;

import io.polycell.command.Specs;
import io.polycell.command.support.Refusals;
import io.polycell.messages.common.Fault;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.CreateFailedInstance;
import io.polycell.messages.instance.CreateInstance;
import io.polycell.messages.instance.DeleteInstance;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.CompleteInstanceDeletion;
import io.polycell.messages.instance.GuestDestroyed;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordGuestDestroyed;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.RecordSpawnFailure;
import java.time.Clock;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstanceTest {

    private static final String ID = "i-1";
    private final AggregateTestFixture<Instance> fixture = new AggregateTestFixture<>(Instance.class);
    private final InstanceCreated created = new InstanceCreated(ID, "cell1", "h1", Specs.instance(ID));
    private final InstanceSpawned spawned = new InstanceSpawned(ID, "h1", PowerState.RUNNING, Specs.NOW);

    @BeforeEach
    void fixClock() {
        fixture.registerInjectableResource(Clock.fixed(Specs.NOW, ZoneOffset.UTC));
    }

    @Test
    void anInstanceIsCreatedOnItsHost() {
        fixture.givenNoPriorActivity()
                .when(new CreateInstance(ID, "cell1", "h1", Specs.instance(ID)))
                .expectEvents(created);
    }

    @Test
    void anUnplaceableInstanceIsCreatedInError() {
        Fault fault = new Fault(500, "No valid host was found.", null, Specs.NOW);
        fixture.givenNoPriorActivity()
                .when(new CreateFailedInstance(ID, "cell0", Specs.instance(ID), fault))
                .expectEvents(new FailedInstanceCreated(ID, "cell0", Specs.instance(ID), fault));
    }

    @Test
    void theHostsSpawnReportMakesItActive() {
        fixture.given(created)
                .when(new RecordInstanceSpawned(ID, "h1", PowerState.RUNNING))
                .expectEvents(spawned);
    }

    @Test
    void aDuplicateSpawnReportChangesNothing() {
        fixture.given(created, spawned)
                .when(new RecordInstanceSpawned(ID, "h1", PowerState.RUNNING))
                .expectNoEvents();
    }

    @Test
    void aSpawnFailureIsAnErrorWithTheHostsReason() {
        fixture.given(created)
                .when(new RecordSpawnFailure(ID, "h1", "disk full"))
                .expectEvents(new InstanceSpawnFailed(ID, "h1", new Fault(500, "disk full", null, Specs.NOW)));
    }

    @Test
    void aLateSpawnReportForAServerBeingDeletedChangesNothing() {
        fixture.given(created, new InstanceDeletionStarted(ID, "h1"))
                .when(new RecordInstanceSpawned(ID, "h1", PowerState.RUNNING))
                .expectNoEvents();
    }

    @Test
    void deletingAPlacedServerWaitsForItsHost() {
        fixture.given(created, spawned)
                .when(new DeleteInstance(ID, Specs.OWNER))
                .expectEvents(new InstanceDeletionStarted(ID, "h1"));
    }

    @Test
    void theHostsReportSaysTheGuestIsGoneButTheServerStaysDeleting() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"))
                .when(new RecordGuestDestroyed(ID, "h1"))
                .expectEvents(new GuestDestroyed(ID, "h1"));
    }

    @Test
    void aRepeatedReportChangesNothing() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"), new GuestDestroyed(ID, "h1"))
                .when(new RecordGuestDestroyed(ID, "h1"))
                .expectNoEvents();
    }

    @Test
    void theConductorCompletesTheDeleteOnceTheGuestIsGone() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"), new GuestDestroyed(ID, "h1"))
                .when(new CompleteInstanceDeletion(ID))
                .expectEvents(new InstanceDeleted(ID, "h1", Specs.NOW));
    }

    @Test
    void theDeleteIsNotCompletedWhileTheGuestMayStillRun() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"))
                .when(new CompleteInstanceDeletion(ID))
                .expectNoEvents();
    }

    @Test
    void deletingAServerInCell0NeedsNoHost() {
        Fault fault = new Fault(500, "No valid host was found.", null, Specs.NOW);
        fixture.given(new FailedInstanceCreated(ID, "cell0", Specs.instance(ID), fault))
                .when(new DeleteInstance(ID, Specs.OWNER))
                .expectEvents(new InstanceDeleted(ID, null, Specs.NOW));
    }

    @Test
    void aSecondDeleteWhileDeletingChangesNothing() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"))
                .when(new DeleteInstance(ID, Specs.OWNER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherProjectCannotDeleteIt() {
        fixture.given(created, spawned)
                .when(new DeleteInstance(ID, Specs.STRANGER))
                .expectNoEvents()
                .expectException(Refusals.refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void aDeletedServerIsNotFound() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"), new InstanceDeleted(ID, "h1", Specs.NOW))
                .when(new DeleteInstance(ID, Specs.ADMIN))
                .expectException(PolycellException.class);
    }
}
