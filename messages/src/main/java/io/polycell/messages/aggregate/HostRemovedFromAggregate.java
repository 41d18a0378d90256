package io.polycell.messages.aggregate;

import java.util.Map;
import org.axonframework.serialization.Revision;

/** A host left an aggregate; the aggregate's name, zone and metadata as they are now, for the scheduler. */
@Revision("1")
public record HostRemovedFromAggregate(String aggregateId, String host, String name, String availabilityZone,
                                       Map<String, String> metadata) {
}
