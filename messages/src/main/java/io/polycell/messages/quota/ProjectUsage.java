package io.polycell.messages.quota;

import java.util.Map;
import java.util.Set;

/**
 * What a project's quota counts: totals per resource for the project and for each user with usage,
 * and which servers and server groups make them up. Both the live quota and a recount from the
 * events answer in this form, so two of them compare with {@code equals}.
 */
public record ProjectUsage(String projectId, Map<QuotaResource, Long> inUse,
                           Map<String, Map<QuotaResource, Long>> inUseByUser, Set<String> servers,
                           Set<String> serverGroups) {

    public ProjectUsage {
        inUse = Map.copyOf(inUse);
        inUseByUser = Map.copyOf(inUseByUser);
        servers = Set.copyOf(servers);
        serverGroups = Set.copyOf(serverGroups);
    }
}
