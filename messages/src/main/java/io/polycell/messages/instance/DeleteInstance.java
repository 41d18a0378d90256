package io.polycell.messages.instance;

import io.polycell.messages.common.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user deletes a server that lives in this cell.
 */
public record DeleteInstance(@TargetAggregateIdentifier String instanceId, Requester requester) {
}
