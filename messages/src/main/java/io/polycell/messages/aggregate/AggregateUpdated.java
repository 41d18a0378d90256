package io.polycell.messages.aggregate;

import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An aggregate was renamed or moved to another zone. Carries the whole resulting aggregate, so a
 * consumer (the scheduler's zone filter) never has to remember earlier events to know a host's zone.
 */
@Revision("1")
public record AggregateUpdated(String aggregateId, String name, String availabilityZone,
                               Map<String, String> metadata, Set<String> hosts) {
}
