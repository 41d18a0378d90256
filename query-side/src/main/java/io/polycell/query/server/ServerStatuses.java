package io.polycell.query.server;

import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The vm and task states a Nova status filter selects (the status of a row is
 * {@link VmState#statusOf}). A task with a status of its own (REBOOT, REBUILD, ...) shows it;
 * any other task leaves the vm state's.
 */
public final class ServerStatuses {

    /** Every status Nova knows; those Polycell never shows (RESIZE, SHELVED, ...) simply match nothing. */
    public static final Set<String> KNOWN = Set.of("ACTIVE", "BUILD", "REBUILD", "REBOOT", "HARD_REBOOT", "PASSWORD",
            "RESIZE", "VERIFY_RESIZE", "REVERT_RESIZE", "MIGRATING", "SHUTOFF", "SUSPENDED", "PAUSED", "RESCUE",
            "ERROR", "DELETED", "SOFT_DELETED", "SHELVED", "SHELVED_OFFLOADED");

    private ServerStatuses() {
    }

    /** The tasks that show {@code status} whatever the vm state. */
    public static List<String> tasksShowing(String status) {
        return Arrays.stream(TaskState.values()).filter(task -> status.equals(task.status()))
                .map(TaskState::apiName).toList();
    }

    /** The tasks that show a status of their own. */
    public static List<String> tasksWithAStatus() {
        return Arrays.stream(TaskState.values()).filter(task -> task.status() != null).map(TaskState::apiName)
                .toList();
    }

    /** The vm states that show {@code status} when no task shows its own. */
    public static List<String> vmStatesShowing(String status) {
        return Arrays.stream(VmState.values()).filter(state -> status.equals(state.status()))
                .map(VmState::apiName).toList();
    }
}
