package io.polycell.messages.aggregate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a compute host out of an aggregate. */
public record RemoveHostFromAggregate(@TargetAggregateIdentifier String aggregateId, String host) {
}
