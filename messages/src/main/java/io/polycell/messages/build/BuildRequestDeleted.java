package io.polycell.messages.build;

import org.axonframework.serialization.Revision;

/**
 * The build request is gone because its instance exists in a cell.
 */
@Revision("1")
public record BuildRequestDeleted(String instanceId) {
}
