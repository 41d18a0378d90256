package io.polycell.messages.host;

import java.time.Instant;

/**
 * A host's compute service as an operator sees it: the answer to the service commands, and what the
 * host view holds. {@code down} is the heartbeat verdict, {@code forcedDown} the operator's; either
 * makes the service down.
 *
 * @param updatedAt when the service last changed (registration, inventory, liveness or an operator's
 *     change); claims do not count
 */
public record HostServiceStatus(String host, String cell, boolean disabled, String disabledReason,
                                boolean forcedDown, boolean down, Instant updatedAt) {

    /** Nova's service status: {@code enabled} or {@code disabled}. */
    public String status() {
        return disabled ? "disabled" : "enabled";
    }

    /** Nova's service state: {@code down} when the heartbeats stopped or an operator forced it. */
    public String state() {
        return down || forcedDown ? "down" : "up";
    }
}
