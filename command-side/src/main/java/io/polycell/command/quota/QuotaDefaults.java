package io.polycell.command.quota;

import io.polycell.messages.quota.QuotaResource;
import java.util.EnumMap;
import java.util.Map;

/**
 * The limits of every project that has not been given its own: Nova's defaults unless the operator
 * configured others ({@code polycell.quota.defaults.*}). -1 means unlimited.
 */
public final class QuotaDefaults {

    private final Map<QuotaResource, Integer> limits;

    private QuotaDefaults(Map<QuotaResource, Integer> limits) {
        for (QuotaResource resource : QuotaResource.values()) {
            Integer limit = limits.get(resource);
            if (limit == null || limit < -1) {
                throw new IllegalArgumentException("The default quota for " + resource.wireName()
                        + " must be -1 (unlimited) or more, got " + limit);
            }
        }
        this.limits = Map.copyOf(limits);
    }

    /** Nova's defaults, field for field. */
    public static QuotaDefaults nova() {
        Map<QuotaResource, Integer> limits = new EnumMap<>(QuotaResource.class);
        limits.put(QuotaResource.CORES, 20);
        limits.put(QuotaResource.FIXED_IPS, -1);
        limits.put(QuotaResource.FLOATING_IPS, -1);
        limits.put(QuotaResource.INJECTED_FILE_CONTENT_BYTES, 10240);
        limits.put(QuotaResource.INJECTED_FILE_PATH_BYTES, 255);
        limits.put(QuotaResource.INJECTED_FILES, 5);
        limits.put(QuotaResource.INSTANCES, 10);
        limits.put(QuotaResource.KEY_PAIRS, 100);
        limits.put(QuotaResource.METADATA_ITEMS, 128);
        limits.put(QuotaResource.RAM, 51200);
        limits.put(QuotaResource.SECURITY_GROUP_RULES, -1);
        limits.put(QuotaResource.SECURITY_GROUPS, -1);
        limits.put(QuotaResource.SERVER_GROUP_MEMBERS, 10);
        limits.put(QuotaResource.SERVER_GROUPS, 10);
        return new QuotaDefaults(limits);
    }

    /** These defaults with some replaced; a null value keeps the default. */
    public QuotaDefaults with(Map<QuotaResource, Integer> replaced) {
        Map<QuotaResource, Integer> merged = new EnumMap<>(limits);
        replaced.forEach((resource, limit) -> {
            if (limit != null) {
                merged.put(resource, limit);
            }
        });
        return new QuotaDefaults(merged);
    }

    public int limit(QuotaResource resource) {
        return limits.get(resource);
    }

    /** Every default, by resource. */
    public Map<QuotaResource, Integer> limits() {
        return limits;
    }
}
