package io.polycell.command.action;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RunServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import jakarta.inject.Inject;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cell conductor's task for a server action: hand it to the host's agent and wait for the
 * report. A host that does not answer in time fails the action, which clears the task state: a server
 * is never left stuck in "powering-off" because its host went away.
 */
public class ServerActionSaga {

    static final String ACTION_TIMEOUT = "action-timeout";
    private static final Logger log = LoggerFactory.getLogger(ServerActionSaga.class);

    @JsonProperty
    private String instanceId;
    @JsonProperty
    private String requestId;
    @JsonProperty
    private String host;
    @JsonProperty
    private String deadlineId;

    private transient CommandRouter router;
    private transient ConductorSettings settings;
    private transient DeadlineManager deadlines;
    private transient CellIdentity cell;

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

    @Inject
    public void setCell(CellIdentity cell) {
        this.cell = cell;
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(ServerActionStarted event) {
        instanceId = event.instanceId();
        requestId = event.requestId();
        host = event.host();
        deadlineId = deadlines.schedule(settings.actionDeadline(), ACTION_TIMEOUT);
        router.toHost(cell.name(), new RunServerAction(host, instanceId, requestId, event.action(), event.hard(),
                event.spec())).exceptionally(failure -> {
                    log.warn("Could not hand {} of instance {} to host {}: {}; the deadline will fail it",
                            event.action().apiName(), instanceId, host, failure.getMessage());
                    return null;
                });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(ServerActionCompleted event) {
        deadlines.cancelSchedule(ACTION_TIMEOUT, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(ServerActionFailed event) {
        deadlines.cancelSchedule(ACTION_TIMEOUT, deadlineId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "instanceId")
    void on(InstanceDeletionStarted event) {
        deadlines.cancelSchedule(ACTION_TIMEOUT, deadlineId);
    }

    @DeadlineHandler(deadlineName = ACTION_TIMEOUT)
    void onTimeout() {
        log.warn("Host {} did not finish request {} on instance {} within {}; failing it", host, requestId, instanceId,
                settings.actionDeadline());
        router.toCell(cell.name(), new RecordServerActionResult(instanceId, requestId, host, null,
                "Timed out after " + settings.actionDeadline().toSeconds() + " s waiting for host " + host));
    }
}
