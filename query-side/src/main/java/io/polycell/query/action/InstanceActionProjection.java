package io.polycell.query.action;

import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceLocked;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.InstanceUnlocked;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nova's instance actions and their events, from a cell's instance events: what was asked of a
 * server, by whom, and how each step on the host ended. The create action's request id is derived
 * from the event that placed the instance, so a replay rebuilds the same ids.
 */
@ProcessingGroup(InstanceActionProjection.GROUP)
public final class InstanceActionProjection {

    public static final String GROUP = "instance-action-view";
    static final String BUILD_EVENT = "compute__do_build_and_run_instance";
    static final String SCHEDULE_EVENT = "conductor_schedule_and_build_instances";

    private final JdbcTemplate jdbc;

    public InstanceActionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InstanceCreated event, EventMessage<?> message) {
        String requestId = createRequestId(event.instanceId());
        action(requestId, event.instanceId(), "create", event.spec().userId(), event.spec().projectId(),
                event.spec().createdAt());
        startEvent(requestId, BUILD_EVENT, message.getTimestamp());
    }

    @EventHandler
    void on(FailedInstanceCreated event, EventMessage<?> message) {
        String requestId = createRequestId(event.instanceId());
        action(requestId, event.instanceId(), "create", event.spec().userId(), event.spec().projectId(),
                event.spec().createdAt());
        startEvent(requestId, SCHEDULE_EVENT, event.spec().createdAt());
        finishEvent(requestId, SCHEDULE_EVENT, message.getTimestamp(), false, event.fault().message());
    }

    @EventHandler
    void on(InstanceSpawned event, EventMessage<?> message) {
        finishEvent(createRequestId(event.instanceId()), BUILD_EVENT, message.getTimestamp(), true, null);
    }

    @EventHandler
    void on(InstanceSpawnFailed event, EventMessage<?> message) {
        finishEvent(createRequestId(event.instanceId()), BUILD_EVENT, message.getTimestamp(), false,
                event.fault().message());
    }

    @EventHandler
    void on(ServerActionStarted event, EventMessage<?> message) {
        action(event.requestId(), event.instanceId(), event.action().apiName(), event.userId(), event.projectId(),
                message.getTimestamp());
        startEvent(event.requestId(), eventName(event.action().apiName()), message.getTimestamp());
    }

    @EventHandler
    void on(ServerActionCompleted event, EventMessage<?> message) {
        finishEvent(event.requestId(), eventName(event.action().apiName()), message.getTimestamp(), true, null);
    }

    @EventHandler
    void on(ServerActionFailed event, EventMessage<?> message) {
        finishEvent(event.requestId(), eventName(event.action().apiName()), message.getTimestamp(), false,
                event.message());
    }

    @EventHandler
    void on(InstanceLocked event, EventMessage<?> message) {
        action(event.requestId(), event.instanceId(), "lock", event.userId(), event.projectId(), message.getTimestamp());
    }

    @EventHandler
    void on(InstanceUnlocked event, EventMessage<?> message) {
        action(event.requestId(), event.instanceId(), "unlock", event.userId(), event.projectId(),
                message.getTimestamp());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM instance_action");
    }

    /** The request id of an instance's create action. */
    public static String createRequestId(String instanceId) {
        return "req-" + instanceId;
    }

    /** Nova's event name for a compute manager step, such as {@code compute_stop_instance}. */
    static String eventName(String action) {
        return "compute_" + action + "_instance";
    }

    private void action(String requestId, String instanceId, String action, String userId, String projectId,
                        Instant start) {
        jdbc.update("INSERT INTO instance_action (request_id, instance_id, action, user_id, project_id, start_time) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING", requestId, instanceId, action,
                userId, projectId, Timestamp.from(start));
    }

    private void startEvent(String requestId, String event, Instant start) {
        jdbc.update("INSERT INTO instance_action_event (request_id, event, start_time) VALUES (?, ?, ?) "
                + "ON CONFLICT (request_id, event) DO NOTHING", requestId, event, Timestamp.from(start));
    }

    private void finishEvent(String requestId, String event, Instant finish, boolean success, String traceback) {
        jdbc.update("UPDATE instance_action_event SET finish_time = ?, result = ?, traceback = ? "
                        + "WHERE request_id = ? AND event = ?", Timestamp.from(finish), success ? "Success" : "Error",
                traceback, requestId, event);
        if (!success) {
            jdbc.update("UPDATE instance_action SET message = 'Error' WHERE request_id = ?", requestId);
        }
    }
}
