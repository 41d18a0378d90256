package io.polycell.messages.instance;

/** An instance's stable state, as Nova's {@code OS-EXT-STS:vm_state} shows it. */
public enum VmState {
    /** Accepted or placed, not yet running on its host. */
    BUILDING("building", "BUILD"),
    /** The guest runs. */
    ACTIVE("active", "ACTIVE"),
    /** The guest is shut off; it can be started again. */
    STOPPED("stopped", "SHUTOFF"),
    /** The guest is frozen in memory. */
    PAUSED("paused", "PAUSED"),
    /** The guest's memory is saved and it does not run. */
    SUSPENDED("suspended", "SUSPENDED"),
    /** The build or an action failed; the server's fault says why. */
    ERROR("error", "ERROR"),
    /** The server is gone; kept for history only. */
    DELETED("deleted", "DELETED");

    private final String apiName;
    private final String status;

    VmState(String apiName, String status) {
        this.apiName = apiName;
        this.status = status;
    }

    /** The lower-case name Nova uses in {@code OS-EXT-STS:vm_state}. */
    public String apiName() {
        return apiName;
    }

    /** The user-facing {@code status} of a server in this state when no task runs. */
    public String status() {
        return status;
    }

    /**
     * Nova's {@code status} of a server in {@code vmState} with {@code taskState} (API names, the task
     * null for none): the task's own status when it has one (REBOOT, REBUILD, ...), else the vm state's.
     */
    public static String statusOf(String vmState, String taskState) {
        if (taskState != null) {
            String duringTask = TaskState.ofApiName(taskState).status();
            if (duringTask != null) {
                return duringTask;
            }
        }
        for (VmState state : values()) {
            if (state.apiName.equals(vmState)) {
                return state.status;
            }
        }
        return "UNKNOWN";
    }
}
