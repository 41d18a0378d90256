package io.polycell.messages.build;

import io.polycell.messages.common.Requester;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A user deletes a server: cancels its build request, or tells the caller which cell holds it.
 */
public record DeleteServer(@TargetAggregateIdentifier String instanceId, Requester requester) {
}
