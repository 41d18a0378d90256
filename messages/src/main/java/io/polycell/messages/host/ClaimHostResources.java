package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reserves resources on a host for an instance; refused when they do not fit.
 */
public record ClaimHostResources(@TargetAggregateIdentifier String host, String instanceId, Resources amount) {
}
