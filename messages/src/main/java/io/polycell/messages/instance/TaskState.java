package io.polycell.messages.instance;

/** What is happening to an instance right now, as Nova's {@code OS-EXT-STS:task_state} shows it. */
public enum TaskState {
    /** The super-conductor is looking for a host. */
    SCHEDULING("scheduling"),
    /** The host's agent is creating the guest. */
    SPAWNING("spawning"),
    /** The host's agent is destroying the guest. */
    DELETING("deleting"),
    /** The guest is being shut off. */
    POWERING_OFF("powering-off"),
    /** The guest is being started. */
    POWERING_ON("powering-on"),
    /** The guest is rebooting gracefully. */
    REBOOTING("rebooting", "REBOOT"),
    /** The guest is being reset. */
    REBOOTING_HARD("rebooting_hard", "HARD_REBOOT"),
    /** The guest is being paused. */
    PAUSING("pausing"),
    /** The guest is being unpaused. */
    UNPAUSING("unpausing"),
    /** The guest is being suspended. */
    SUSPENDING("suspending"),
    /** The guest is being resumed. */
    RESUMING("resuming"),
    /** The guest is being recreated from a new image. */
    REBUILDING("rebuilding", "REBUILD");

    private final String apiName;
    private final String status;

    TaskState(String apiName) {
        this(apiName, null);
    }

    TaskState(String apiName, String status) {
        this.apiName = apiName;
        this.status = status;
    }

    /** Nova's API name of this task state. */
    public static TaskState ofApiName(String apiName) {
        for (TaskState state : values()) {
            if (state.apiName.equals(apiName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("No task state " + apiName);
    }

    /** The {@code status} a server shows while this task runs, or null when its vm state decides. */
    public String status() {
        return status;
    }

    /** The lower-case name Nova uses in {@code OS-EXT-STS:task_state}. */
    public String apiName() {
        return apiName;
    }
}
