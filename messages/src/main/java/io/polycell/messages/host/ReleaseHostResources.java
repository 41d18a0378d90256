package io.polycell.messages.host;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an instance's resources on a host back; harmless when already released.
 */
public record ReleaseHostResources(@TargetAggregateIdentifier String host, String instanceId) {
}
