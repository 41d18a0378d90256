package io.polycell.messages.host;

import io.polycell.messages.instance.PowerState;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A compute agent tells its host's aggregate which guests the hypervisor runs; the answer names the
 * instances claimed on the host. Records nothing unless the set of orphans changed.
 */
public record SyncHostGuests(@TargetAggregateIdentifier String host, Map<String, PowerState> guests) {
}
