package io.polycell.messages.flavor;

import org.axonframework.serialization.Revision;

/**
 * A flavor became available for new servers.
 */
@Revision("1")
public record FlavorCreated(String flavorId, FlavorSpec spec) {
}
