package io.polycell.messages.flavor;

import org.axonframework.serialization.Revision;

/**
 * A flavor can no longer be used for new servers.
 */
@Revision("1")
public record FlavorDeleted(String flavorId) {
}
