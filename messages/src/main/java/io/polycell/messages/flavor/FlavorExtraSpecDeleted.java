package io.polycell.messages.flavor;

import org.axonframework.serialization.Revision;

/** One extra spec was removed from a flavor. */
@Revision("1")
public record FlavorExtraSpecDeleted(String flavorId, String key) {
}
