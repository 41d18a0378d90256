package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports a guest's power state that changed behind Polycell's back (power-state
 * sync).
 */
public record RecordPowerState(@TargetAggregateIdentifier String instanceId, String host, PowerState powerState) {
}
