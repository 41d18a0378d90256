package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.serialization.Revision;

/**
 * A compute host joined its cell with this capacity.
 */
@Revision("1")
public record HostRegistered(String host, String cell, Resources capacity) {
}
