package io.polycell.messages.aggregate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a host aggregate. Nova shows two identities: {@code id}, the integer the API addresses, and
 * the uuid, here {@code aggregateId}. The uuid identifies the aggregate in the event store, where
 * identifiers are unique over every kind of aggregate, so an integer would collide with a flavor id.
 * Both are chosen by the caller so that the aggregate stays deterministic.
 */
public record CreateAggregate(@TargetAggregateIdentifier String aggregateId, long id, String name,
                              String availabilityZone) {
}
