package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The server is locked: only admins may act on it until it is unlocked.
 */
@Revision("1")
public record InstanceLocked(String instanceId, String requestId, String userId, String projectId) {
}
