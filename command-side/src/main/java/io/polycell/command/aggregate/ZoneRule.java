package io.polycell.command.aggregate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A host is in one availability zone at most (Nova's {@code is_safe_to_update_az}): metadata that
 * names a zone may only apply to hosts that are in no other aggregate of a different zone, and a zone
 * is never unset or empty. Aggregates without a zone share hosts freely.
 */
final class ZoneRule {

    static final String ZONE_KEY = "availability_zone";

    private ZoneRule() {
    }

    /**
     * Refuses {@code metadata} for {@code hosts} of aggregate {@code aggregateId} (Nova's {@code novaId})
     * when it would put one of them in a second zone; metadata without the zone key is always safe.
     */
    static void check(String aggregateId, long novaId, String aggregateName, Map<String, String> metadata,
                      Collection<String> hosts, AggregateDirectory directory, AggregateAction action) {
        if (!metadata.containsKey(ZONE_KEY)) {
            return;
        }
        String zone = metadata.get(ZONE_KEY);
        if (zone == null || zone.isEmpty()) {
            throw action.refuse(novaId, "Aggregate " + aggregateName
                    + " does not support empty named availability zone");
        }
        if (hosts.isEmpty()) {
            return;
        }
        List<String> conflicting = directory.zonesHolding(hosts, aggregateId).stream()
                .filter(other -> !other.equals(zone)).sorted().toList();
        if (!conflicting.isEmpty()) {
            throw action.refuse(novaId, "One or more hosts already in availability zone(s) "
                    + conflicting.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ", "[", "]")));
        }
    }
}
