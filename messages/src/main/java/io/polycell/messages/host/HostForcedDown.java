package io.polycell.messages.host;

import org.axonframework.serialization.Revision;

/**
 * An operator declared a host down regardless of its heartbeats ({@code forcedDown} true), or lifted
 * that (false).
 */
@Revision("1")
public record HostForcedDown(String host, String cell, boolean forcedDown) {
}
