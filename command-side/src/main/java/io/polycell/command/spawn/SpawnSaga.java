package io.polycell.command.spawn;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.messages.host.ReleaseHostResources;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.RecordSpawnFailure;
import io.polycell.messages.instance.SpawnInstance;
import jakarta.inject.Inject;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell conductor's spawn task: send the whole spec to the host's agent and wait for its report.
 * A host that does not answer in time fails the build; a failed build gives the host its resources
 * back. Nothing is ever left in BUILD past the deadline.
 */
public class SpawnSaga {

    static final String SPAWN_TIMEOUT = "spawn-timeout";
    private static final Logger log = LoggerFactory.getLogger(SpawnSaga.class);

    @JsonProperty
    private String instanceId;
    @JsonProperty
    private String cell;
    @JsonProperty
    private String host;
    @JsonProperty
    private String deadlineId;

    private transient CommandRouter router;
    private transient ConductorSettings settings;
    private transient DeadlineManager deadlines;

    @Inject
    public void setRouter(CommandRouter router) {
        this.router = router;
    }

    @Inject
    public void setSettings(ConductorSettings settings) {
        this.settings = settings;
    }

    @Inject
    public void setDeadlines(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceCreated event) {
        instanceId = event.instanceId();
        cell = event.cell();
        host = event.host();
        deadlineId = deadlines.schedule(settings.spawnDeadline(), SPAWN_TIMEOUT);
        router.toHost(cell, new SpawnInstance(host, instanceId, event.spec())).exceptionally(failure -> {
            log.warn("Could not hand instance {} to host {}: {}; the spawn deadline will fail it", instanceId, host,
                    failure.getMessage());
            return null;
        });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceSpawned event) {
        deadlines.cancelSchedule(SPAWN_TIMEOUT, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceSpawnFailed event) {
        deadlines.cancelSchedule(SPAWN_TIMEOUT, deadlineId);
        router.toCell(cell, new ReleaseHostResources(host, instanceId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceDeletionStarted event) {
        deadlines.cancelSchedule(SPAWN_TIMEOUT, deadlineId);
    }

    @DeadlineHandler(deadlineName = SPAWN_TIMEOUT)
    void onSpawnTimeout() {
        log.warn("Host {} did not spawn instance {} within {}; failing the build", host, instanceId,
                settings.spawnDeadline());
        router.toCell(cell, new RecordSpawnFailure(instanceId, host,
                "Timed out after " + settings.spawnDeadline().toSeconds() + " s waiting for host " + host
                        + " to spawn the instance"));
    }
}
