package io.polycell.messages.host;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The cell stopped hearing from a host's agent.
 */
public record MarkHostDown(@TargetAggregateIdentifier String host, Instant lastSeen) {
}
