package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.serialization.Revision;

/**
 * A compute host's capacity changed.
 */
@Revision("1")
public record HostInventoryChanged(String host, String cell, Resources capacity) {
}
