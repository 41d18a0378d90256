package io.polycell.messages.aggregate;

import java.util.Map;
import org.axonframework.serialization.Revision;

/**
 * A host aggregate exists, still without hosts: {@code aggregateId} is its uuid, {@code id} Nova's
 * integer id. {@code metadata} already holds {@code availability_zone} when it was created in a zone.
 */
@Revision("1")
public record AggregateCreated(String aggregateId, long id, String name, String availabilityZone,
                               Map<String, String> metadata) {
}
