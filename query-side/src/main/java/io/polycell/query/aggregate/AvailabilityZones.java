package io.polycell.query.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nova's availability zones: a compute host is in the zone of its zoned aggregate, or in the default
 * zone {@value #DEFAULT_ZONE}; a zone exists only while it has hosts. The internal zone of the
 * control services is the API's business, not here.
 */
public final class AvailabilityZones {

    /** Nova's {@code default_availability_zone}. */
    public static final String DEFAULT_ZONE = "nova";

    private final AggregateViewProjection aggregates;
    private final ComputeHosts computeHosts;

    public AvailabilityZones(AggregateViewProjection aggregates, ComputeHosts computeHosts) {
        this.aggregates = aggregates;
        this.computeHosts = computeHosts;
    }

    /** One compute host of a zone and whether its agent is up. */
    public record ZoneHost(String host, boolean up) {
    }

    /**
     * Every zone with its hosts, by zone name. A host named by an aggregate but never registered by a
     * cell is listed as down: an admin may add a host before its agent first reports.
     */
    public Map<String, List<ZoneHost>> hostsByZone() {
        Map<String, Boolean> known = computeHosts.upByHost();
        Map<String, String> zoned = aggregates.zoneByHost();
        Map<String, List<ZoneHost>> zones = new TreeMap<>();
        zoned.forEach((host, zone) -> zones.computeIfAbsent(zone, z -> new ArrayList<>())
                .add(new ZoneHost(host, known.getOrDefault(host, false))));
        new TreeMap<>(known).forEach((host, up) -> {
            if (!zoned.containsKey(host)) {
                zones.computeIfAbsent(DEFAULT_ZONE, z -> new ArrayList<>()).add(new ZoneHost(host, up));
            }
        });
        return zones;
    }
}
