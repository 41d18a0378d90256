package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports that the guest runs.
 */
public record RecordInstanceSpawned(@TargetAggregateIdentifier String instanceId, String host, PowerState powerState) {
}
