package io.polycell.messages.flavor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a flavor to the API tier's catalog.
 */
public record CreateFlavor(@TargetAggregateIdentifier String flavorId, FlavorSpec spec) {
}
