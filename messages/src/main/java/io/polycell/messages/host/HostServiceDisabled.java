package io.polycell.messages.host;

import org.axonframework.serialization.Revision;

/**
 * An operator took a host out of scheduling; {@code reason} may be null.
 */
@Revision("1")
public record HostServiceDisabled(String host, String cell, String reason) {
}
