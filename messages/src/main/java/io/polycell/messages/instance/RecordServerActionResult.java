package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports how an action ended: the guest's power state, or why it failed.
 */
public record RecordServerActionResult(@TargetAggregateIdentifier String instanceId, String requestId, String host,
                                       PowerState powerState, String error) {
}
