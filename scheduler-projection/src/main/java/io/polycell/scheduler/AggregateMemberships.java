package io.polycell.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which aggregates each host is in, with their zones and metadata, from the API tier's aggregate
 * events. It becomes the {@code aggregates} namespace of a host's state: the zone, and each metadata
 * key with the values of all the host's aggregates joined by commas (as Nova merges them).
 */
final class AggregateMemberships {

    private record Aggregate(String availabilityZone, Map<String, String> metadata, Set<String> hosts) {
    }

    private final Map<String, Aggregate> aggregates = new HashMap<>();

    /** Records an aggregate's state after a change; returns the hosts whose namespace changes. */
    Set<String> update(String aggregateId, String availabilityZone, Map<String, String> metadata, Set<String> hosts) {
        Aggregate before = aggregates.get(aggregateId);
        aggregates.put(aggregateId, new Aggregate(availabilityZone, metadata == null ? Map.of() : Map.copyOf(metadata),
                Set.copyOf(hosts)));
        Set<String> touched = new HashSet<>(hosts);
        if (before != null) {
            touched.addAll(before.hosts());
        }
        return touched;
    }

    /** Every aggregate, for a snapshot. */
    List<HostStatesSnapshot.AggregateEntry> export() {
        List<HostStatesSnapshot.AggregateEntry> entries = new ArrayList<>();
        aggregates.forEach((id, aggregate) -> entries.add(new HostStatesSnapshot.AggregateEntry(id,
                aggregate.availabilityZone(), aggregate.metadata(), aggregate.hosts())));
        return entries;
    }

    /** Takes the aggregates of a snapshot; only on an empty instance. */
    void restore(List<HostStatesSnapshot.AggregateEntry> entries) {
        for (HostStatesSnapshot.AggregateEntry entry : entries) {
            aggregates.put(entry.aggregateId(), new Aggregate(entry.availabilityZone(),
                    entry.metadata() == null ? Map.of() : Map.copyOf(entry.metadata()), Set.copyOf(entry.hosts())));
        }
    }

    Set<String> hostsOf(String aggregateId) {
        Aggregate aggregate = aggregates.get(aggregateId);
        return aggregate == null ? Set.of() : aggregate.hosts();
    }

    /** The {@code aggregates} namespace of {@code host}. */
    Map<String, String> namespaceOf(String host) {
        Map<String, Set<String>> merged = new TreeMap<>();
        String zone = null;
        for (Aggregate aggregate : aggregates.values()) {
            if (!aggregate.hosts().contains(host)) {
                continue;
            }
            if (aggregate.availabilityZone() != null) {
                zone = aggregate.availabilityZone();
            }
            aggregate.metadata().forEach((key, value) -> merged.computeIfAbsent(key, k -> new TreeSet<>()).add(value));
        }
        Map<String, String> namespace = new HashMap<>();
        merged.forEach((key, values) -> namespace.put(key, String.join(",", values)));
        if (zone != null) {
            namespace.put("availability_zone", zone);
        }
        return namespace;
    }
}
