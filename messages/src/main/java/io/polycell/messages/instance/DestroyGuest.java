package io.polycell.messages.instance;

/**
 * Tells one host's agent to destroy an instance's guest.
 */
public record DestroyGuest(String host, String instanceId) implements HostCommand {
}
