package io.polycell.messages.host;

import io.polycell.messages.common.Resources;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent reports its host's capacity; nothing is recorded unless it changed.
 */
public record ReportHostInventory(@TargetAggregateIdentifier String host, String cell, Resources capacity) {
}
