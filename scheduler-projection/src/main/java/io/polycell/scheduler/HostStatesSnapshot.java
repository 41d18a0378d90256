package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a replica's host states know, as plain data, so a new replica can start from it and
 * replay only the events after it. This replica's own reservations are not part of it: they belong
 * to proposals that either became claims (in the events) or expire.
 *
 * @param hosts every host's state
 * @param aggregates every aggregate's zone, metadata and hosts
 * @param groupMembers per server group, the host of each member
 * @param hostOfInstance the host each claimed instance is on
 */
public record HostStatesSnapshot(List<HostEntry> hosts, List<AggregateEntry> aggregates,
                                 Map<String, Map<String, String>> groupMembers, Map<String, String> hostOfInstance) {

    /** One host, as {@link HostState} holds it, without pending reservations. */
    public record HostEntry(String host, String cell, Resources capacity, Resources used, int instances, boolean up,
                            Map<String, Map<String, String>> attributes) {
    }

    /** One host aggregate as the scheduler follows it. */
    public record AggregateEntry(String aggregateId, String availabilityZone, Map<String, String> metadata,
                                 Set<String> hosts) {
    }
}
