package io.polycell.messages.quota;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a project's quota counts: totals per resource for the project and for each user with usage,
 * which servers, server groups and key pairs make them up, and how many members each user has in each
 * server group (what {@code server_group_members} limits). Both the live quota and a recount from the
 * events answer in this form, so two of them compare with {@code equals}. Key pairs are named by their
 * ids only: they count per user, and Nova shows none in use in a project's totals.
 *
 * @param serverGroupMembers members by server group, then by user; groups and users with none left out
 */
public record ProjectUsage(String projectId, Map<QuotaResource, Long> inUse,
                           Map<String, Map<QuotaResource, Long>> inUseByUser, Set<String> servers,
                           Set<String> serverGroups, Set<String> keyPairs,
                           Map<String, Map<String, Integer>> serverGroupMembers) {

    public ProjectUsage {
        inUse = Map.copyOf(inUse);
        inUseByUser = Map.copyOf(inUseByUser);
        servers = Set.copyOf(servers);
        serverGroups = Set.copyOf(serverGroups);
        keyPairs = keyPairs == null ? Set.of() : Set.copyOf(keyPairs);
        Map<String, Map<String, Integer>> members = new HashMap<>();
        if (serverGroupMembers != null) {
            serverGroupMembers.forEach((group, byUser) -> {
                Map<String, Integer> counted = new HashMap<>(byUser);
                counted.values().removeIf(count -> count == 0);
                if (!counted.isEmpty()) {
                    members.put(group, Map.copyOf(counted));
                }
            });
        }
        serverGroupMembers = Map.copyOf(members);
    }

    /** A usage without key pairs or group members. */
    public ProjectUsage(String projectId, Map<QuotaResource, Long> inUse,
                        Map<String, Map<QuotaResource, Long>> inUseByUser, Set<String> servers,
                        Set<String> serverGroups) {
        this(projectId, inUse, inUseByUser, servers, serverGroups, Set.of(), Map.of());
    }

    /** The same usage with these key pairs counted. */
    public ProjectUsage withKeyPairs(Set<String> counted) {
        return new ProjectUsage(projectId, inUse, inUseByUser, servers, serverGroups, counted, serverGroupMembers);
    }

    /** The same usage with these members counted, by server group, then by user. */
    public ProjectUsage withServerGroupMembers(Map<String, Map<String, Integer>> counted) {
        return new ProjectUsage(projectId, inUse, inUseByUser, servers, serverGroups, keyPairs, counted);
    }
}
