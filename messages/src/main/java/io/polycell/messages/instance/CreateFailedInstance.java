package io.polycell.messages.instance;

import io.polycell.messages.common.Fault;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records an instance that could not be built (in cell0), in ERROR with its fault.
 */
public record CreateFailedInstance(@TargetAggregateIdentifier String instanceId, String cell, InstanceSpec spec,
                                   Fault fault) {
}
