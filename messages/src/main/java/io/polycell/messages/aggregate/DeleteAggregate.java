package io.polycell.messages.aggregate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes an aggregate that has no hosts left. */
public record DeleteAggregate(@TargetAggregateIdentifier String aggregateId) {
}
