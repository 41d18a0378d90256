package io.polycell.command.aggregate;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command side's own lookup of every aggregate's name, zone and hosts: what a single aggregate
 * cannot know when it checks a set-wide rule (unique names, one zone per host). Kept in step with the
 * aggregates' events in the same transaction, never read from a query-side view.
 */
public interface AggregateDirectory {

    /** The uuid of the aggregate with Nova's integer id {@code id}, if it exists. */
    Optional<String> aggregateWithId(long id);

    /** The uuid of the aggregate that holds {@code name} now, if any. */
    Optional<String> aggregateNamed(String name);

    /** The zones of the aggregates other than {@code exceptAggregateId} that hold any of {@code hosts}. */
    Set<String> zonesHolding(Collection<String> hosts, String exceptAggregateId);

    /** The availability zone of the aggregate that gives {@code host} one, if any (one at most). */
    default Optional<String> zoneOf(String host) {
        return zonesHolding(List.of(host), "").stream().findFirst();
    }

    /** Whether an aggregate with at least one host has {@code zone} as its availability zone. */
    boolean zoneHasHosts(String zone);

    /** A new aggregate id: Nova's ids are integers that are never reused. */
    long nextAggregateId();
}
