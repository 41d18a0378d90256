package io.polycell.messages.host;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator takes a host out of scheduling (Nova's service disable); answered with the host's
 * {@link HostServiceStatus}. A host already disabled keeps its first reason.
 */
public record DisableHostService(@TargetAggregateIdentifier String host, String reason) {
}
