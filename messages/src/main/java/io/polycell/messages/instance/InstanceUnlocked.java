package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The server is unlocked.
 */
@Revision("1")
public record InstanceUnlocked(String instanceId, String requestId, String userId, String projectId) {
}
