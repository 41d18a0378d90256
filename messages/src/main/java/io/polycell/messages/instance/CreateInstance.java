package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates the instance in the cell of the host whose resources were claimed for it.
 */
public record CreateInstance(@TargetAggregateIdentifier String instanceId, String cell, String host, InstanceSpec spec) {
}
