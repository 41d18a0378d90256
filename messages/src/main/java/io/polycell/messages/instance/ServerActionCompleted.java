package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * An action on a server is done: its new states.
 */
@Revision("1")
public record ServerActionCompleted(String instanceId, String requestId, ServerAction action, VmState vmState,
                                    PowerState powerState) {
}
