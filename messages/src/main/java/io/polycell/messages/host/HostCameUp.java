package io.polycell.messages.host;

import org.axonframework.serialization.Revision;

/**
 * A host's agent is heard from again after being down.
 */
@Revision("1")
public record HostCameUp(String host, String cell) {
}
