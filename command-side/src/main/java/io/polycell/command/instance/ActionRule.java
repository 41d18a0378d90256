package io.polycell.command.instance;

import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Nova's rules for each server action that the host carries out: the vm states it may start from,
 * the task state while it runs, and the vm state it ends in.
 */
enum ActionRule {
    STOP(ServerAction.STOP, false, EnumSet.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF, VmState.STOPPED),
    START(ServerAction.START, false, EnumSet.of(VmState.STOPPED), TaskState.POWERING_ON, VmState.ACTIVE),
    SOFT_REBOOT(ServerAction.REBOOT, false, EnumSet.of(VmState.ACTIVE), TaskState.REBOOTING, VmState.ACTIVE),
    HARD_REBOOT(ServerAction.REBOOT, true, EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED,
            VmState.SUSPENDED, VmState.ERROR), TaskState.REBOOTING_HARD, VmState.ACTIVE),
    PAUSE(ServerAction.PAUSE, false, EnumSet.of(VmState.ACTIVE), TaskState.PAUSING, VmState.PAUSED),
    UNPAUSE(ServerAction.UNPAUSE, false, EnumSet.of(VmState.PAUSED), TaskState.UNPAUSING, VmState.ACTIVE),
    SUSPEND(ServerAction.SUSPEND, false, EnumSet.of(VmState.ACTIVE), TaskState.SUSPENDING, VmState.SUSPENDED),
    RESUME(ServerAction.RESUME, false, EnumSet.of(VmState.SUSPENDED), TaskState.RESUMING, VmState.ACTIVE),
    REBUILD(ServerAction.REBUILD, false, EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR),
            TaskState.REBUILDING, VmState.ACTIVE);

    private final ServerAction action;
    private final boolean hard;
    private final Set<VmState> allowedFrom;
    private final TaskState taskState;
    private final VmState result;

    ActionRule(ServerAction action, boolean hard, Set<VmState> allowedFrom, TaskState taskState, VmState result) {
        this.action = action;
        this.hard = hard;
        this.allowedFrom = allowedFrom;
        this.taskState = taskState;
        this.result = result;
    }

    static ActionRule of(ServerAction action, boolean hard) {
        for (ActionRule rule : values()) {
            if (rule.action == action && (rule.action != ServerAction.REBOOT || rule.hard == hard)) {
                return rule;
            }
        }
        throw new IllegalArgumentException(action + " is not carried out by a host");
    }

    boolean allows(VmState state) {
        return allowedFrom.contains(state);
    }

    TaskState taskState() {
        return taskState;
    }

    VmState result() {
        return result;
    }
}
