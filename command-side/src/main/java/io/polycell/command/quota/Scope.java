package io.polycell.command.quota;

import io.polycell.messages.quota.QuotaResource;
import java.util.Map;

/**
 * One level a claim must fit in, the project or the user in it: the limits in force there and what
 * is in use there.
 */
record Scope(Map<QuotaResource, Integer> limits, Usage used) {

    int limit(QuotaResource resource) {
        return limits.get(resource);
    }

    /** How much more of {@code resource} fits; {@link Long#MAX_VALUE} when unlimited. */
    long room(QuotaResource resource) {
        int limit = limit(resource);
        return limit < 0 ? Long.MAX_VALUE : Math.max(0, limit - used.of(resource));
    }

    /** Whether {@code more} of {@code resource} would take this level past its limit. */
    boolean exceededBy(QuotaResource resource, long more) {
        int limit = limit(resource);
        return limit >= 0 && used.of(resource) + more > limit;
    }
}
