package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports that the guest could not be spawned.
 */
public record RecordSpawnFailure(@TargetAggregateIdentifier String instanceId, String host, String reason) {
}
