package io.polycell.messages.instance;

/**
 * A command for exactly one compute host. It travels under a host-qualified command name (see
 * {@link HostCommandNames}), so the cell's bus delivers it to that host's agent and to no other.
 */
public interface HostCommand {

    /** The host whose agent must handle this command. */
    String host();
}
