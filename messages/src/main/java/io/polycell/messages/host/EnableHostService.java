package io.polycell.messages.host;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator puts a disabled host back into scheduling; answered with the host's
 * {@link HostServiceStatus}.
 */
public record EnableHostService(@TargetAggregateIdentifier String host) {
}
