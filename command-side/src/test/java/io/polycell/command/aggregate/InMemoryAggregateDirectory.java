package io.polycell.command.aggregate;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/** The directory as the other aggregates left it, stated by each test. */
public final class InMemoryAggregateDirectory implements AggregateDirectory {

    private record Entry(String name, String zone, Set<String> hosts) {
    }

    private final Map<String, Entry> aggregates = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Another aggregate (by uuid) exists with this name, zone (or null) and hosts. */
    public InMemoryAggregateDirectory with(String aggregateId, String name, String zone, String... hosts) {
        aggregates.put(aggregateId, new Entry(name, zone, Set.of(hosts)));
        return this;
    }

    @Override
    public Optional<String> aggregateWithId(long id) {
        return Optional.empty();
    }

    @Override
    public Optional<String> aggregateNamed(String name) {
        return aggregates.entrySet().stream().filter(e -> e.getValue().name().equals(name)).map(Map.Entry::getKey)
                .findFirst();
    }

    @Override
    public boolean zoneHasHosts(String zone) {
        return aggregates.values().stream().anyMatch(entry -> zone.equals(entry.zone()) && !entry.hosts().isEmpty());
    }

    @Override
    public Set<String> zonesHolding(Collection<String> hosts, String exceptAggregateId) {
        Set<String> zones = new TreeSet<>();
        aggregates.forEach((id, entry) -> {
            if (!id.equals(exceptAggregateId) && entry.zone() != null
                    && entry.hosts().stream().anyMatch(hosts::contains)) {
                zones.add(entry.zone());
            }
        });
        return zones;
    }

    @Override
    public long nextAggregateId() {
        return ids.incrementAndGet();
    }
}
