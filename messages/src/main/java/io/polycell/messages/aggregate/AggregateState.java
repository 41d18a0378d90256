package io.polycell.messages.aggregate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What an aggregate command answers: the aggregate as that command left it ({@code aggregateId} is its
 * uuid, {@code id} Nova's integer id). Nova's create, update and action calls answer with the
 * aggregate, and the command side must not ask a view for it.
 */
public record AggregateState(String aggregateId, long id, String name, String availabilityZone,
                             Map<String, String> metadata, Set<String> hosts, Instant createdAt,
                             Instant updatedAt) {
}
