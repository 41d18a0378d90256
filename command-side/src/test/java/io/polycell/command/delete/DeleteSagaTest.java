package io.polycell.command.delete;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.instance.CompleteInstanceDeletion;
import io.polycell.messages.instance.DestroyGuest;
import io.polycell.messages.instance.GuestDestroyed;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeleteSagaTest {

    private static final String ID = "i-1";
    private final SagaTestFixture<DeleteSaga> fixture = new SagaTestFixture<>(DeleteSaga.class);
    private RecordingStores stores;

    @BeforeEach
    void setUp() {
        stores = new RecordingStores("api", "cell2");
        stores.on("cell2", HostCommandNames.of(DestroyGuest.class, "h7"), DestroyGuest.class, command -> null)
                .accept("cell2", ReleaseHostResources.class).accept("cell2", CompleteInstanceDeletion.class);
        fixture.registerResource(stores.router());
        fixture.registerResource(new CellIdentity("cell2"));
    }

    @Test
    void asksTheHostsAgentToDestroyTheGuest() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new InstanceDeletionStarted(ID, "h7"))
                .expectActiveSagas(1);

        assertThat(stores.payloadsSentTo("cell2")).containsExactly(new DestroyGuest("h7", ID));
    }

    @Test
    void givesTheHostItsResourcesBackBeforeFinishingTheDelete() {
        fixture.givenAPublished(new InstanceDeletionStarted(ID, "h7"))
                .whenPublishingA(new GuestDestroyed(ID, "h7"))
                .expectActiveSagas(1);

        assertThat(stores.payloadsSentTo("cell2")).containsExactly(new DestroyGuest("h7", ID),
                new ReleaseHostResources("h7", ID), new CompleteInstanceDeletion(ID));
    }

    @Test
    void aStoreThatDoesNotAnswerTheReleaseLeavesTheDeleteUnfinished() {
        RecordingStores refusing = new RecordingStores("api", "cell2");
        refusing.on("cell2", HostCommandNames.of(DestroyGuest.class, "h7"), DestroyGuest.class, command -> null)
                .on("cell2", ReleaseHostResources.class, command -> {
                    throw new IllegalStateException("cell2's store does not answer");
                })
                .accept("cell2", CompleteInstanceDeletion.class);
        SagaTestFixture<DeleteSaga> failing = new SagaTestFixture<>(DeleteSaga.class);
        failing.registerResource(refusing.router());
        failing.registerResource(new CellIdentity("cell2"));

        failing.givenAPublished(new InstanceDeletionStarted(ID, "h7"))
                .whenPublishingA(new GuestDestroyed(ID, "h7"))
                .expectActiveSagas(1);
        assertThat(refusing.payloadsSentTo("cell2")).doesNotContain(new CompleteInstanceDeletion(ID));
    }

    @Test
    void endsOnceTheInstanceIsDeleted() {
        fixture.givenAPublished(new InstanceDeletionStarted(ID, "h7"))
                .andThenAPublished(new GuestDestroyed(ID, "h7"))
                .whenPublishingA(new InstanceDeleted(ID, "h7", Specs.NOW))
                .expectActiveSagas(0);
    }
}
