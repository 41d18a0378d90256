package io.polycell.messages.instance;

/** The actions users take on a server, with the names Nova records in its instance actions. */
public enum ServerAction {
    /** {@code os-stop}: shut the guest off. */
    STOP("stop"),
    /** {@code os-start}: start a stopped guest. */
    START("start"),
    /** {@code reboot}, SOFT or HARD. */
    REBOOT("reboot"),
    /** {@code pause}: freeze the guest in memory. */
    PAUSE("pause"),
    /** {@code unpause}. */
    UNPAUSE("unpause"),
    /** {@code suspend}: save the guest's memory and stop it. */
    SUSPEND("suspend"),
    /** {@code resume} a suspended guest. */
    RESUME("resume"),
    /** {@code rebuild}: recreate the guest from a new image on the same host. */
    REBUILD("rebuild"),
    /** {@code lock}: only admins may act on the server. */
    LOCK("lock"),
    /** {@code unlock}. */
    UNLOCK("unlock");

    private final String apiName;

    ServerAction(String apiName) {
        this.apiName = apiName;
    }

    /** The name in API bodies' error messages and in instance actions. */
    public String apiName() {
        return apiName;
    }
}
