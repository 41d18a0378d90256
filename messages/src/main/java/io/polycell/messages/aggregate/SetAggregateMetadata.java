package io.polycell.messages.aggregate;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges metadata into an aggregate; a key with a null value is removed. The key
 * {@code availability_zone} moves the aggregate (and its hosts) to that zone.
 */
public record SetAggregateMetadata(@TargetAggregateIdentifier String aggregateId, Map<String, String> metadata) {
}
