package io.polycell.query.aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One host aggregate as the API shows it. */
public record AggregateRow(long id, String uuid, String name, String availabilityZone, Map<String, String> metadata,
                           List<String> hosts, Instant createdAt, Instant updatedAt) {
}
