package io.polycell.messages.build;

import io.polycell.messages.common.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the API tier which cell holds a server, for routing an action; refused for a server the
 * requester may not see.
 */
public record LocateServer(@TargetAggregateIdentifier String instanceId, Requester requester) {
}
