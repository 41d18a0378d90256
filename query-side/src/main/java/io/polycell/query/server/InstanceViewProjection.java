package io.polycell.query.server;

import io.polycell.messages.common.Fault;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceMetadataChanged;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.InstancePowerStateChanged;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cell-local view of instances ({@code instance_view}), built from the cell's events only. Every
 * write is idempotent, so a replay from the start rebuilds the same table.
 */
@ProcessingGroup(InstanceViewProjection.GROUP)
public final class InstanceViewProjection {

    public static final String GROUP = "instance-view";

    private final JdbcTemplate jdbc;

    public InstanceViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InstanceCreated event, @Timestamp Instant at) {
        insert(event.spec(), event.cell(), event.host(), VmState.BUILDING, TaskState.SPAWNING, null, at);
    }

    @EventHandler
    void on(FailedInstanceCreated event, @Timestamp Instant at) {
        insert(event.spec(), event.cell(), null, VmState.ERROR, null, event.fault(), at);
    }

    @EventHandler
    void on(InstanceSpawned event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET vm_state = ?, task_state = NULL, power_state = ?, launched_at = ?, "
                        + "updated_at = ? WHERE instance_id = ?", VmState.ACTIVE.apiName(), event.powerState().code(),
                ts(event.launchedAt()), ts(at), event.instanceId());
    }

    @EventHandler
    void on(InstanceSpawnFailed event, @Timestamp Instant at) {
        Fault fault = event.fault();
        jdbc.update("UPDATE instance_view SET vm_state = ?, task_state = NULL, fault_code = ?, fault_message = ?, "
                        + "fault_details = ?, fault_created = ?, updated_at = ? WHERE instance_id = ?",
                VmState.ERROR.apiName(), fault.code(), fault.message(), fault.details(), ts(fault.created()), ts(at),
                event.instanceId());
    }

    @EventHandler
    void on(InstanceDeletionStarted event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET task_state = ?, updated_at = ? WHERE instance_id = ?",
                TaskState.DELETING.apiName(), ts(at), event.instanceId());
    }

    @EventHandler
    void on(InstanceDeleted event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET vm_state = ?, task_state = NULL, power_state = ?, deleted_at = ?, "
                        + "updated_at = ? WHERE instance_id = ?", VmState.DELETED.apiName(), PowerState.NOSTATE.code(),
                ts(event.deletedAt()), ts(at), event.instanceId());
    }

    @EventHandler
    void on(ServerActionStarted event, @Timestamp Instant at) {
        String rebuildImage = event.action() == ServerAction.REBUILD ? event.spec().image().id() : null;
        jdbc.update("UPDATE instance_view SET task_state = ?, rebuild_image_id = ?, updated_at = ? WHERE instance_id = ?",
                event.taskState().apiName(), rebuildImage, ts(at), event.instanceId());
    }

    @EventHandler
    void on(ServerActionCompleted event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET vm_state = ?, power_state = ?, task_state = NULL, "
                        + "image_id = COALESCE(rebuild_image_id, image_id), rebuild_image_id = NULL, updated_at = ? "
                        + "WHERE instance_id = ?", event.vmState().apiName(), event.powerState().code(), ts(at),
                event.instanceId());
    }

    @EventHandler
    void on(ServerActionFailed event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET task_state = NULL, rebuild_image_id = NULL, updated_at = ? "
                + "WHERE instance_id = ?", ts(at), event.instanceId());
    }

    @EventHandler
    void on(InstancePowerStateChanged event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET vm_state = ?, power_state = ?, updated_at = ? WHERE instance_id = ?",
                event.vmState().apiName(), event.powerState().code(), ts(at), event.instanceId());
    }

    @EventHandler
    void on(InstanceMetadataChanged event, @Timestamp Instant at) {
        jdbc.update("UPDATE instance_view SET metadata = ?, updated_at = ? WHERE instance_id = ?",
                JsonText.write(event.metadata()), ts(at), event.instanceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM instance_view");
    }

    private void insert(InstanceSpec spec, String cell, String host, VmState vmState, TaskState taskState,
                        Fault fault, Instant at) {
        jdbc.update("INSERT INTO instance_view (instance_id, name, project_id, user_id, cell, host, flavor_id, image_id, "
                        + "metadata, vm_state, task_state, power_state, fault_code, fault_message, fault_details, "
                        + "fault_created, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (instance_id) DO NOTHING",
                spec.instanceId(), spec.name(), spec.projectId(), spec.userId(), cell, host, spec.flavor().id(),
                spec.image().id(), JsonText.write(spec.metadata()), vmState.apiName(),
                taskState == null ? null : taskState.apiName(), PowerState.NOSTATE.code(),
                fault == null ? null : fault.code(), fault == null ? null : fault.message(),
                fault == null ? null : fault.details(), fault == null ? null : ts(fault.created()),
                ts(spec.createdAt()), ts(at));
    }

    static java.sql.Timestamp ts(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
