package io.polycell.messages.host;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The cell hears from a host's agent again.
 */
public record MarkHostUp(@TargetAggregateIdentifier String host) {
}
