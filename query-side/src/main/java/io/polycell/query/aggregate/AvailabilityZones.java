package io.polycell.query.aggregate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

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

    /**
     * One compute host of a zone and its service.
     *
     * @param up whether its agent is heard from (Nova's {@code available})
     * @param enabled whether its service takes new servers (Nova's {@code active})
     * @param updatedAt its service's last report, or null for a host an aggregate names but no cell
     *                  has registered
     */
    public record ZoneHost(String host, boolean up, boolean enabled, Instant updatedAt) {

        static ZoneHost unregistered(String host) {
            return new ZoneHost(host, false, true, null);
        }
    }

    /**
     * Every zone with its hosts, by zone name. A host named by an aggregate but never registered by a
     * cell is listed as down: an admin may add a host before its agent first reports.
     */
    public Map<String, List<ZoneHost>> hostsByZone() {
        Map<String, ZoneHost> known = new LinkedHashMap<>();
        computeHosts.all().forEach(host -> known.putIfAbsent(host.host(), host));
        Map<String, String> zoned = aggregates.zoneByHost();
        Map<String, List<ZoneHost>> zones = new TreeMap<>();
        zoned.forEach((host, zone) -> zones.computeIfAbsent(zone, z -> new ArrayList<>())
                .add(known.getOrDefault(host, ZoneHost.unregistered(host))));
        new TreeMap<>(known).forEach((host, state) -> {
            if (!zoned.containsKey(host)) {
                zones.computeIfAbsent(DEFAULT_ZONE, z -> new ArrayList<>()).add(state);
            }
        });
        return zones;
    }

    /**
     * The zone of each compute host as of now, its zoned aggregate's or the default: read once, so a
     * listing of many hosts costs one query.
     */
    public UnaryOperator<String> zoneOfHost() {
        Map<String, String> zoned = aggregates.zoneByHost();
        return host -> zoned.getOrDefault(host, DEFAULT_ZONE);
    }

    /** Nova counts a zone available while any of its services is enabled, whether or not it is up. */
    public static boolean available(List<ZoneHost> hosts) {
        return hosts.stream().anyMatch(ZoneHost::enabled);
    }
}
