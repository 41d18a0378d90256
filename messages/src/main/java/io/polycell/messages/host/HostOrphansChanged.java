package io.polycell.messages.host;

import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * The hypervisor runs guests that no instance on this host owns (orphans), or no longer does (an empty
 * set).
 */
@Revision("1")
public record HostOrphansChanged(String host, String cell, Set<String> orphans) {
}
