package io.polycell.messages.quota;

import java.util.Map;

/**
 * A project's quota (or one user's in it, {@code userId} not null) as Nova's quota sets and limits
 * show it: the limit in force for every resource (-1 for unlimited) and what is in use.
 */
public record QuotaReport(String projectId, String userId, Map<QuotaResource, Integer> limits,
                          Map<QuotaResource, Long> inUse) {

    public QuotaReport {
        limits = Map.copyOf(limits);
        inUse = Map.copyOf(inUse);
    }

    public int limit(QuotaResource resource) {
        return limits.get(resource);
    }

    public long inUse(QuotaResource resource) {
        return inUse.getOrDefault(resource, 0L);
    }
}
