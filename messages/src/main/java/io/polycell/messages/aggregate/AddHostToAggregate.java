package io.polycell.messages.aggregate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a compute host into an aggregate (and so into the aggregate's zone, if it has one). */
public record AddHostToAggregate(@TargetAggregateIdentifier String aggregateId, String host) {
}
