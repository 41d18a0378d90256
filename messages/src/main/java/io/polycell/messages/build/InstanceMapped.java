package io.polycell.messages.build;

import org.axonframework.serialization.Revision;

/**
 * The instance lives in this cell from now on; instances never move between cells.
 */
@Revision("1")
public record InstanceMapped(String instanceId, String cell, String projectId) {
}
