package io.polycell.messages.instance;

/** What is happening to an instance right now, as Nova's {@code OS-EXT-STS:task_state} shows it. */
public enum TaskState {
    /** The super-conductor is looking for a host. */
    SCHEDULING("scheduling"),
    /** The host's agent is creating the guest. */
    SPAWNING("spawning"),
    /** The host's agent is destroying the guest. */
    DELETING("deleting");

    private final String apiName;

    TaskState(String apiName) {
        this.apiName = apiName;
    }

    /** The lower-case name Nova uses in {@code OS-EXT-STS:task_state}. */
    public String apiName() {
        return apiName;
    }
}
