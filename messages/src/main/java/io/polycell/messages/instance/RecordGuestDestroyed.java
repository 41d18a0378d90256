package io.polycell.messages.instance;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports that the guest is gone.
 */
public record RecordGuestDestroyed(@TargetAggregateIdentifier String instanceId, String host) {
}
