package io.polycell.messages.aggregate;

import java.util.Map;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * An aggregate's metadata changed; {@code metadata} is the whole resulting map (removed keys are
 * absent) and {@code hosts} every host it applies to, so the scheduler can replace what it knew.
 */
@Revision("1")
public record AggregateMetadataSet(String aggregateId, String name, String availabilityZone,
                                   Map<String, String> metadata, Set<String> hosts) {
}
