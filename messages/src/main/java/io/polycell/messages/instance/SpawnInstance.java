package io.polycell.messages.instance;

/**
 * Tells one host's agent to spawn a guest; it carries the whole spec so the agent reads nothing.
 */
public record SpawnInstance(String host, String instanceId, InstanceSpec spec) implements HostCommand {
}
