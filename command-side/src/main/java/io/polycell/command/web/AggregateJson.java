package io.polycell.command.web;

import io.polycell.messages.aggregate.AggregateState;
import io.polycell.messages.common.ApiVersion;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An aggregate as Nova's create, update and action calls answer it. Nova's create drops hosts and
 * metadata from its answer "to maintain the same API result as before", so there are two shapes.
 */
final class AggregateJson {

    /** Nova's timestamps: UTC without an offset, to the microsecond. */
    private static final DateTimeFormatter NOVA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    /** The microversion from which aggregates show their uuid. */
    private static final int UUID_VERSION = 41;

    private AggregateJson() {
    }

    static Map<String, Object> created(AggregateState aggregate, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", aggregate.id());
        json.put("name", aggregate.name());
        json.put("created_at", time(aggregate.createdAt()));
        json.put("updated_at", time(aggregate.updatedAt()));
        json.put("deleted_at", null);
        json.put("deleted", false);
        json.put("availability_zone", aggregate.availabilityZone());
        if (version.atLeast(UUID_VERSION)) {
            json.put("uuid", aggregate.aggregateId());
        }
        return Map.of("aggregate", json);
    }

    static Map<String, Object> full(AggregateState aggregate, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("availability_zone", aggregate.availabilityZone());
        json.put("created_at", time(aggregate.createdAt()));
        json.put("deleted", false);
        json.put("deleted_at", null);
        json.put("hosts", aggregate.hosts());
        json.put("id", aggregate.id());
        json.put("metadata", aggregate.metadata());
        json.put("name", aggregate.name());
        json.put("updated_at", time(aggregate.updatedAt()));
        if (version.atLeast(UUID_VERSION)) {
            json.put("uuid", aggregate.aggregateId());
        }
        return Map.of("aggregate", json);
    }

    private static String time(Instant instant) {
        return instant == null ? null : NOVA_TIME.format(instant);
    }
}
