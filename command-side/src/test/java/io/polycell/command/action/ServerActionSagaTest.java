package io.polycell.command.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RunServerAction;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.time.Duration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerActionSagaTest {

    private static final String ID = "i-1";
    private static final ConductorSettings SETTINGS = new ConductorSettings(Duration.ofSeconds(90),
            Duration.ofSeconds(45));
    private final SagaTestFixture<ServerActionSaga> fixture = new SagaTestFixture<>(ServerActionSaga.class);
    private final ServerActionStarted started = new ServerActionStarted(ID, "r1", ServerAction.PAUSE, false, "h1",
            TaskState.PAUSING, "alice", "tenant-a", Specs.instance(ID));
    private RecordingStores stores;

    @BeforeEach
    void setUp() {
        stores = new RecordingStores("api", "cell1");
        stores.on("cell1", HostCommandNames.of(RunServerAction.class, "h1"), RunServerAction.class, command -> null)
                .accept("cell1", RecordServerActionResult.class);
        fixture.registerResource(stores.router());
        fixture.registerResource(SETTINGS);
        fixture.registerResource(new CellIdentity("cell1"));
    }

    @Test
    void handsTheActionToTheHostsAgentWithADeadline() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started)
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(SETTINGS.actionDeadline(), ServerActionSaga.ACTION_TIMEOUT);

        assertThat(stores.payloadsSentTo("cell1"))
                .containsExactly(new RunServerAction("h1", ID, "r1", ServerAction.PAUSE, false, Specs.instance(ID)));
    }

    @Test
    void endsWhenTheActionCompletes() {
        fixture.givenAPublished(started)
                .whenPublishingA(new ServerActionCompleted(ID, "r1", ServerAction.PAUSE, VmState.PAUSED, PowerState.PAUSED))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSilentHostFailsTheActionAtTheDeadline() {
        fixture.givenAPublished(started)
                .whenTimeElapses(SETTINGS.actionDeadline().plus(Duration.ofSeconds(1)));

        assertThat(stores.payloadsSentTo("cell1")).anyMatch(command -> command instanceof RecordServerActionResult result
                && result.requestId().equals("r1") && result.error() != null && result.error().contains("Timed out"));
    }
}
