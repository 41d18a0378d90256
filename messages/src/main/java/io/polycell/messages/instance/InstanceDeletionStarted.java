package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The server is being deleted (task state deleting) and waits for its host to destroy the guest.
 */
@Revision("1")
public record InstanceDeletionStarted(String instanceId, String host) {
}
