package io.polycell.messages.host;

import java.util.Set;

/**
 * The instances a host's claims belong to: the ones its agent must find guests for.
 */
public record ClaimedInstances(Set<String> instanceIds) {
}
