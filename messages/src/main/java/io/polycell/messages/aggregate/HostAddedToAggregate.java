package io.polycell.messages.aggregate;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A host joined an aggregate. Carries the aggregate's name, zone and metadata as they are now, so a
 * scheduler can keep per-host aggregate metadata from this event alone.
 */
@Revision("1")
public record HostAddedToAggregate(String aggregateId, String host, String name, String availabilityZone,
                                   Map<String, String> metadata) {
}
