package io.polycell.messages.host;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator declares a host down whatever its heartbeats say (Nova's forced_down, used when fencing a
 * host before evacuating it), or lifts that; answered with the host's {@link HostServiceStatus}.
 */
public record ForceHostDown(@TargetAggregateIdentifier String host, boolean forcedDown) {
}
