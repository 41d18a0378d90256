package io.polycell.messages.aggregate;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renames an aggregate and/or changes its zone, as Nova's PUT does: a null name keeps the name, and
 * {@code zone} holds {@code availability_zone} (possibly with a null value, which Nova refuses) only
 * when the request named it.
 */
public record UpdateAggregate(@TargetAggregateIdentifier String aggregateId, String name,
                              Map<String, String> zone) {
}
