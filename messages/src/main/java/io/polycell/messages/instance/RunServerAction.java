package io.polycell.messages.instance;

/**
 * Tells one host's agent to carry out an action on a guest; for a rebuild the spec carries the new
 * image.
 */
public record RunServerAction(String host, String instanceId, String requestId, ServerAction action, boolean hard,
                              InstanceSpec spec) implements HostCommand {
}
