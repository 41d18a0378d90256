package io.polycell.messages.flavor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes one extra spec from a flavor; refused with NOT_FOUND when the flavor has no such key. */
public record DeleteFlavorExtraSpec(@TargetAggregateIdentifier String flavorId, String key) {
}
