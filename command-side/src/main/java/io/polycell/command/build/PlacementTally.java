package io.polycell.command.build;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the super-conductor's placements went since this process started, for operators: claims a host
 * refused because another placement had taken its room first (several scheduler replicas, or a
 * replica behind the streams), servers placed only after such a refusal, and servers sent to cell0
 * because no host would take them. Many refusals mean the replicas pick the same hosts.
 */
public final class PlacementTally {

    private final AtomicLong placed = new AtomicLong();
    private final AtomicLong claimsRefused = new AtomicLong();
    private final AtomicLong placedAfterRefusal = new AtomicLong();
    private final AtomicLong noValidHost = new AtomicLong();

    void placed(int refusalsBefore) {
        placed.incrementAndGet();
        if (refusalsBefore > 0) {
            placedAfterRefusal.incrementAndGet();
        }
    }

    void claimRefused() {
        claimsRefused.incrementAndGet();
    }

    void noValidHost() {
        noValidHost.incrementAndGet();
    }

    /** The counts by name, as {@code /health} shows them. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("servers_placed", placed.get());
        counts.put("claims_refused", claimsRefused.get());
        counts.put("servers_placed_after_a_refused_claim", placedAfterRefusal.get());
        counts.put("servers_with_no_valid_host", noValidHost.get());
        return counts;
    }
}
