package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * An action on a server was accepted: its task state is set and the host's agent is asked to carry it
 * out.
 */
@Revision("1")
public record ServerActionStarted(String instanceId, String requestId, ServerAction action, boolean hard, String host,
                                  TaskState taskState, String userId, String projectId, InstanceSpec spec) {
}
