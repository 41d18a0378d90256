package io.polycell.messages.instance;

/** The guest's power state as the hypervisor reports it, with Nova's numeric codes. */
public enum PowerState {
    /** No guest, or its state is unknown. */
    NOSTATE(0),
    /** The guest runs. */
    RUNNING(1),
    /** The guest is paused in memory. */
    PAUSED(3),
    /** The guest is shut off. */
    SHUTDOWN(4),
    /** The guest crashed. */
    CRASHED(6),
    /** The guest is suspended to disk. */
    SUSPENDED(7);

    private final int code;

    PowerState(int code) {
        this.code = code;
    }

    /** The number Nova shows in {@code OS-EXT-STS:power_state}. */
    public int code() {
        return code;
    }
}
