package io.polycell.command.instance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.polycell.messages.common.Fault;
import io.polycell.messages.common.Requester;
import io.polycell.messages.instance.DeleteServerMetadataItem;
import io.polycell.messages.instance.InstanceLocked;
import io.polycell.messages.instance.InstanceMetadataChanged;
import io.polycell.messages.instance.InstancePowerStateChanged;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.InstanceUnlocked;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordPowerState;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RequestServerAction;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.CreateFailedInstance;
import io.polycell.messages.instance.CreateInstance;
import io.polycell.messages.instance.CompleteInstanceDeletion;
import io.polycell.messages.instance.DeleteInstance;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.GuestDestroyed;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.RecordGuestDestroyed;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.RecordSpawnFailure;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.UpdateServerMetadata;
import io.polycell.messages.instance.VmState;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
    /** The vm states in which Nova lets a server's metadata change (and only with no task under way). */
    static final Set<VmState> METADATA_STATES = EnumSet.of(VmState.ACTIVE, VmState.PAUSED, VmState.SUSPENDED,
            VmState.STOPPED);

    @AggregateIdentifier
    private String instanceId;
    private String projectId;
    private String host;
    private InstanceSpec spec;
    private VmState vmState;
    private TaskState taskState;
    private PowerState powerState = PowerState.NOSTATE;
    private boolean locked;
    private boolean guestDestroyed;
    private ActionInFlight inFlight;

    /** The host action under way, so that only its own report can finish it. */
    private record ActionInFlight(String requestId, ServerAction action, ActionRule rule, InstanceSpec spec) {
    }

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
        if (!visibleTo(command.requester()) || vmState == VmState.DELETED) {
            throw notFound();
        }
        if (locked && !command.requester().admin()) {
            throw new PolycellException(ErrorCode.CONFLICT, "Instance " + instanceId + " is locked");
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
    void handle(RequestServerAction command) {
        Requester requester = command.requester();
        if (!visibleTo(requester) || vmState == VmState.DELETED) {
            throw notFound();
        }
        ServerAction action = command.action();
        if (locked && !requester.admin() && action != ServerAction.UNLOCK) {
            throw new PolycellException(ErrorCode.CONFLICT, "Instance " + instanceId + " is locked");
        }
        if (action == ServerAction.LOCK || action == ServerAction.UNLOCK) {
            lockOrUnlock(command);
            return;
        }
        ActionRule rule = ActionRule.of(action, command.hard());
        if (taskState != null) {
            throw refused(action, "task_state " + taskState.apiName());
        }
        if (host == null || !rule.allows(vmState)) {
            throw refused(action, "vm_state " + vmState.apiName());
        }
        InstanceSpec target = action == ServerAction.REBUILD ? spec.withImage(command.image()) : spec;
        apply(new ServerActionStarted(instanceId, command.requestId(), action, command.hard(), host, rule.taskState(),
                requester.userId(), requester.projectId(), target));
    }

    /**
     * Nova's rules for a metadata change, in its order: the server must be visible, unlocked (for
     * anyone but an admin) and in a settled state; then the result must stay within the requester's
     * {@code metadata_items} limit (Nova's 403 names only the limit).
     */
    @CommandHandler
    Map<String, String> handle(UpdateServerMetadata command) {
        requireMetadataChangeable(command.requester(), "update metadata");
        Map<String, String> result = new LinkedHashMap<>(command.replaceAll() ? Map.of() : metadata());
        result.putAll(command.items());
        if (command.limit() >= 0 && result.size() > command.limit()) {
            throw new PolycellException(ErrorCode.FORBIDDEN, "Maximum number of metadata items exceeds "
                    + command.limit());
        }
        if (!result.equals(metadata())) {
            apply(new InstanceMetadataChanged(instanceId, result));
        }
        return result;
    }

    /** An item the server does not have is a 404, before its state is looked at, as in Nova. */
    @CommandHandler
    void handle(DeleteServerMetadataItem command) {
        if (!visibleTo(command.requester()) || vmState == VmState.DELETED) {
            throw notFound();
        }
        if (!metadata().containsKey(command.key())) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Metadata item was not found");
        }
        requireMetadataChangeable(command.requester(), "delete metadata");
        Map<String, String> result = new LinkedHashMap<>(metadata());
        result.remove(command.key());
        apply(new InstanceMetadataChanged(instanceId, result));
    }

    private void requireMetadataChangeable(Requester requester, String action) {
        if (!visibleTo(requester) || vmState == VmState.DELETED) {
            throw notFound();
        }
        if (locked && !requester.admin()) {
            throw new PolycellException(ErrorCode.CONFLICT, "Instance " + instanceId + " is locked");
        }
        if (host == null || !METADATA_STATES.contains(vmState)) {
            throw refused(action, "vm_state " + vmState.apiName());
        }
        if (taskState != null) {
            throw refused(action, "task_state " + taskState.apiName());
        }
    }

    private Map<String, String> metadata() {
        return spec.metadata() == null ? Map.of() : spec.metadata();
    }

    private void lockOrUnlock(RequestServerAction command) {
        Requester requester = command.requester();
        if (command.action() == ServerAction.LOCK && !locked) {
            apply(new InstanceLocked(instanceId, command.requestId(), requester.userId(), requester.projectId()));
        } else if (command.action() == ServerAction.UNLOCK && locked) {
            apply(new InstanceUnlocked(instanceId, command.requestId(), requester.userId(), requester.projectId()));
        }
    }

    @CommandHandler
    void handle(RecordServerActionResult command) {
        if (inFlight == null || !inFlight.requestId().equals(command.requestId())) {
            return;
        }
        if (command.error() != null) {
            apply(new ServerActionFailed(instanceId, command.requestId(), inFlight.action(), command.error()));
        } else {
            apply(new ServerActionCompleted(instanceId, command.requestId(), inFlight.action(), inFlight.rule().result(),
                    command.powerState()));
        }
    }

    /**
     * Power-state sync: the guest changed behind Polycell's back. As in Nova, a guest found shut off
     * or gone while the server is ACTIVE (or paused, suspended) makes the server stopped; a guest found
     * running while the server is stopped makes it active. Reports during an action are ignored: the
     * action's own report settles the state.
     */
    @CommandHandler
    void handle(RecordPowerState command, Clock clock) {
        if (vmState == VmState.BUILDING && taskState == TaskState.SPAWNING && host.equals(command.host())
                && command.powerState() == PowerState.RUNNING) {
            // The agent died after the guest started but before it said so: the guest runs, the build is done.
            apply(new InstanceSpawned(instanceId, host, PowerState.RUNNING, now(clock)));
            return;
        }
        if (vmState == VmState.DELETED || vmState == VmState.BUILDING || taskState != null
                || command.powerState() == powerState) {
            return;
        }
        VmState followed = switch (command.powerState()) {
            case SHUTDOWN, CRASHED, NOSTATE -> vmState == VmState.ERROR ? VmState.ERROR : VmState.STOPPED;
            case RUNNING -> vmState == VmState.STOPPED ? VmState.ACTIVE : vmState;
            case PAUSED -> VmState.PAUSED;
            case SUSPENDED -> VmState.SUSPENDED;
        };
        apply(new InstancePowerStateChanged(instanceId, command.powerState(), followed));
    }

    @CommandHandler
    void handle(RecordGuestDestroyed command) {
        if (taskState == TaskState.DELETING && !guestDestroyed) {
            apply(new GuestDestroyed(instanceId, host));
        }
    }

    @CommandHandler
    void handle(CompleteInstanceDeletion command, Clock clock) {
        if (taskState == TaskState.DELETING && guestDestroyed) {
            apply(new InstanceDeleted(instanceId, host, now(clock)));
        }
    }

    private boolean visibleTo(Requester requester) {
        return requester.admin() || requester.projectId().equals(projectId);
    }

    private PolycellException notFound() {
        return new PolycellException(ErrorCode.NOT_FOUND, "Instance " + instanceId + " could not be found.");
    }

    private PolycellException refused(ServerAction action, String state) {
        return refused(action.apiName(), state);
    }

    private PolycellException refused(String action, String state) {
        return new PolycellException(ErrorCode.CONFLICT,
                "Cannot '" + action + "' instance " + instanceId + " while it is in " + state);
    }

    private static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    @EventSourcingHandler
    void on(InstanceCreated event) {
        instanceId = event.instanceId();
        projectId = event.spec().projectId();
        spec = event.spec();
        host = event.host();
        vmState = VmState.BUILDING;
        taskState = TaskState.SPAWNING;
    }

    @EventSourcingHandler
    void on(FailedInstanceCreated event) {
        instanceId = event.instanceId();
        projectId = event.spec().projectId();
        spec = event.spec();
        vmState = VmState.ERROR;
    }

    @EventSourcingHandler
    void on(InstanceSpawned event) {
        vmState = VmState.ACTIVE;
        taskState = null;
        powerState = event.powerState();
    }

    @EventSourcingHandler
    void on(ServerActionStarted event) {
        taskState = event.taskState();
        inFlight = new ActionInFlight(event.requestId(), event.action(), ActionRule.of(event.action(), event.hard()),
                event.spec());
    }

    @EventSourcingHandler
    void on(ServerActionCompleted event) {
        vmState = event.vmState();
        powerState = event.powerState();
        spec = inFlight.spec();
        taskState = null;
        inFlight = null;
    }

    @EventSourcingHandler
    void on(ServerActionFailed event) {
        taskState = null;
        inFlight = null;
    }

    @EventSourcingHandler
    void on(InstanceMetadataChanged event) {
        spec = spec.withMetadata(event.metadata());
    }

    @EventSourcingHandler
    void on(InstanceLocked event) {
        locked = true;
    }

    @EventSourcingHandler
    void on(InstanceUnlocked event) {
        locked = false;
    }

    @EventSourcingHandler
    void on(InstancePowerStateChanged event) {
        powerState = event.powerState();
        vmState = event.vmState();
    }

    @EventSourcingHandler
    void on(InstanceSpawnFailed event) {
        vmState = VmState.ERROR;
        taskState = null;
    }

    @EventSourcingHandler
    void on(InstanceDeletionStarted event) {
        taskState = TaskState.DELETING;
        inFlight = null;
    }

    @EventSourcingHandler
    void on(GuestDestroyed event) {
        guestDestroyed = true;
    }

    @EventSourcingHandler
    void on(InstanceDeleted event) {
        vmState = VmState.DELETED;
        taskState = null;
    }
}
