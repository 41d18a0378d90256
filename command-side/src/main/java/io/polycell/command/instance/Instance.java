package io.polycell.command.instance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

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
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.RecordGuestDestroyed;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.RecordSpawnFailure;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An instance in its cell's store: its states and the rules for moving between them. Reports from
 * the host are idempotent and ignored once they no longer apply (a late "spawned" for a server being
 * deleted changes nothing).
 */
public class Instance {

    /** Nova's fault code for a build that failed on the host or found no host. */
    static final int BUILD_FAULT_CODE = 500;

    @AggregateIdentifier
    private String instanceId;
    private String projectId;
    private String host;
    private VmState vmState;
    private TaskState taskState;

    private Instance() {
    }

    @CommandHandler
    Instance(CreateInstance command) {
        apply(new InstanceCreated(command.instanceId(), command.cell(), command.host(), command.spec()));
    }

    @CommandHandler
    Instance(CreateFailedInstance command) {
        apply(new FailedInstanceCreated(command.instanceId(), command.cell(), command.spec(), command.fault()));
    }

    @CommandHandler
    void handle(RecordInstanceSpawned command, Clock clock) {
        if (vmState == VmState.BUILDING && taskState == TaskState.SPAWNING) {
            apply(new InstanceSpawned(instanceId, command.host(), command.powerState(), now(clock)));
        }
    }

    @CommandHandler
    void handle(RecordSpawnFailure command, Clock clock) {
        if (vmState == VmState.BUILDING && taskState == TaskState.SPAWNING) {
            apply(new InstanceSpawnFailed(instanceId, command.host(),
                    new Fault(BUILD_FAULT_CODE, command.reason(), null, now(clock))));
        }
    }

    @CommandHandler
    void handle(DeleteInstance command, Clock clock) {
        boolean visible = command.requester().admin() || command.requester().projectId().equals(projectId);
        if (!visible || vmState == VmState.DELETED) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance " + instanceId + " could not be found.");
        }
        if (taskState == TaskState.DELETING) {
            return;
        }
        if (host == null) {
            apply(new InstanceDeleted(instanceId, null, now(clock)));
        } else {
            apply(new InstanceDeletionStarted(instanceId, host));
        }
    }

    @CommandHandler
    void handle(RecordGuestDestroyed command, Clock clock) {
        if (taskState == TaskState.DELETING) {
            apply(new InstanceDeleted(instanceId, host, now(clock)));
        }
    }

    private static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @EventSourcingHandler
    void on(InstanceCreated event) {
        instanceId = event.instanceId();
        projectId = event.spec().projectId();
        host = event.host();
        vmState = VmState.BUILDING;
        taskState = TaskState.SPAWNING;
    }

    @EventSourcingHandler
    void on(FailedInstanceCreated event) {
        instanceId = event.instanceId();
        projectId = event.spec().projectId();
        vmState = VmState.ERROR;
    }

    @EventSourcingHandler
    void on(InstanceSpawned event) {
        vmState = VmState.ACTIVE;
        taskState = null;
    }

    @EventSourcingHandler
    void on(InstanceSpawnFailed event) {
        vmState = VmState.ERROR;
        taskState = null;
    }

    @EventSourcingHandler
    void on(InstanceDeletionStarted event) {
        taskState = TaskState.DELETING;
    }

    @EventSourcingHandler
    void on(InstanceDeleted event) {
        vmState = VmState.DELETED;
        taskState = null;
    }
}
