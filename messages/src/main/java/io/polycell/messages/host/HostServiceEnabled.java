package io.polycell.messages.host;

import org.axonframework.serialization.Revision;

/**
 * An operator put a disabled host back into scheduling; its disabled reason is gone.
 */
@Revision("1")
public record HostServiceEnabled(String host, String cell) {
}
