package io.polycell.messages.host;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A host's agent stopped sending heartbeats: the host is down and takes no new instances.
 */
@Revision("1")
public record HostWentDown(String host, String cell, Instant lastSeen) {
}
