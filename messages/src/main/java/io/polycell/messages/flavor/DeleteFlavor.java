package io.polycell.messages.flavor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a flavor; servers already booted with it keep their copy of the spec.
 */
public record DeleteFlavor(@TargetAggregateIdentifier String flavorId) {
}
