package io.polycell.command.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.common.Fault;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordSpawnFailure;
import io.polycell.messages.instance.SpawnInstance;
import java.time.Duration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpawnSagaTest {

    private static final String ID = "i-1";
    private static final ConductorSettings SETTINGS = new ConductorSettings(Duration.ofSeconds(90),
            Duration.ofSeconds(45));
    private final SagaTestFixture<SpawnSaga> fixture = new SagaTestFixture<>(SpawnSaga.class);
    private final InstanceCreated created = new InstanceCreated(ID, "cell1", "h1", Specs.instance(ID));
    private RecordingStores stores;

    @BeforeEach
    void setUp() {
        stores = new RecordingStores("api", "cell1");
        stores.on("cell1", HostCommandNames.of(SpawnInstance.class, "h1"), SpawnInstance.class, command -> null)
                .accept("cell1", ReleaseHostResources.class)
                .accept("cell1", RecordSpawnFailure.class);
        fixture.registerResource(stores.router());
        fixture.registerResource(SETTINGS);
    }

    @Test
    void sendsTheWholeSpecToTheHostsAgentOnlyAndWaitsWithADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(SETTINGS.spawnDeadline(), SpawnSaga.SPAWN_TIMEOUT);

        assertThat(stores.sent()).containsExactly(new RecordingStores.Sent("cell1",
                HostCommandNames.of(SpawnInstance.class, "h1"), new SpawnInstance("h1", ID, Specs.instance(ID))));
    }

    @Test
    void endsWhenTheGuestRuns() {
        fixture.givenAPublished(created)
                .whenPublishingA(new InstanceSpawned(ID, "h1", PowerState.RUNNING, Specs.NOW))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFailedSpawnGivesTheHostItsResourcesBack() {
        fixture.givenAPublished(created)
                .whenPublishingA(new InstanceSpawnFailed(ID, "h1", new Fault(500, "boom", null, Specs.NOW)))
                .expectActiveSagas(0);

        assertThat(stores.payloadsSentTo("cell1")).contains(new ReleaseHostResources("h1", ID));
    }

    @Test
    void aHostThatNeverAnswersFailsTheBuildAtTheDeadline() {
        fixture.givenAPublished(created)
                .whenTimeElapses(SETTINGS.spawnDeadline().plus(Duration.ofSeconds(1)))
                .expectNoScheduledDeadlines();

        assertThat(stores.payloadsSentTo("cell1")).anyMatch(command -> command instanceof RecordSpawnFailure failure
                && failure.instanceId().equals(ID) && failure.reason().contains("Timed out"));
    }
}
