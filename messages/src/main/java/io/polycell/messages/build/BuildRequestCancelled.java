package io.polycell.messages.build;

import org.axonframework.serialization.Revision;

/**
 * The server was deleted before it reached a cell.
 */
@Revision("1")
public record BuildRequestCancelled(String instanceId, String projectId) {
}
