package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * An action on a server failed on its host; the server keeps the state it had.
 */
@Revision("1")
public record ServerActionFailed(String instanceId, String requestId, ServerAction action, String message) {
}
