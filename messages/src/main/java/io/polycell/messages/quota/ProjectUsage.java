package io.polycell.messages.quota;

import java.util.Map;
import java.util.Set;

/**
 * What a project's quota counts: totals per resource for the project and for each user with usage,
 * and which servers, server groups and key pairs make them up. Both the live quota and a recount
 * from the events answer in this form, so two of them compare with {@code equals}. Key pairs are
 * named by their ids only: they count per user, and Nova shows none in use in a project's totals.
 */
public record ProjectUsage(String projectId, Map<QuotaResource, Long> inUse,
                           Map<String, Map<QuotaResource, Long>> inUseByUser, Set<String> servers,
                           Set<String> serverGroups, Set<String> keyPairs) {

    public ProjectUsage {
        inUse = Map.copyOf(inUse);
        inUseByUser = Map.copyOf(inUseByUser);
        servers = Set.copyOf(servers);
        serverGroups = Set.copyOf(serverGroups);
        keyPairs = keyPairs == null ? Set.of() : Set.copyOf(keyPairs);
    }

    /** A usage without key pairs. */
    public ProjectUsage(String projectId, Map<QuotaResource, Long> inUse,
                        Map<String, Map<QuotaResource, Long>> inUseByUser, Set<String> servers,
                        Set<String> serverGroups) {
        this(projectId, inUse, inUseByUser, servers, serverGroups, Set.of());
    }

    /** The same usage with these key pairs counted. */
    public ProjectUsage withKeyPairs(Set<String> counted) {
        return new ProjectUsage(projectId, inUse, inUseByUser, servers, serverGroups, counted);
    }
}
