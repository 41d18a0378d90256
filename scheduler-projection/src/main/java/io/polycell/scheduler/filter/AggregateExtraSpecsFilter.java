package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;
import java.util.Map;

/**
 * Passes hosts whose aggregates' metadata match every flavor extra spec in this filter's scope
 * ({@code aggregate_instance_extra_specs:key}, or a key with no scope at all, as in Nova), with Nova's
 * operators ({@link ExtraSpecMatch}); a comma-separated metadata value matches if any of its parts does.
 */
public final class AggregateExtraSpecsFilter implements HostFilter {

    static final String SCOPE = "aggregate_instance_extra_specs:";

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        for (Map.Entry<String, String> spec : request.flavorExtraSpecs().entrySet()) {
            String key = metadataKey(spec.getKey());
            if (key == null) {
                continue;
            }
            String metadata = host.attribute(HostState.AGGREGATES, key);
            if (metadata == null || !matchesAny(metadata, spec.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** The aggregate metadata key an extra spec asks about, or null for a spec of another scope. */
    static String metadataKey(String extraSpec) {
        if (extraSpec.startsWith(SCOPE)) {
            return extraSpec.substring(SCOPE.length());
        }
        return extraSpec.contains(":") ? null : extraSpec;
    }

    private static boolean matchesAny(String metadata, String requested) {
        for (String value : metadata.split(",")) {
            if (ExtraSpecMatch.matches(value.trim(), requested.trim())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return request.flavorExtraSpecs().isEmpty() || passes(hosts.state(slot), request);
    }

    /** Only extra specs in this filter's scope: a flavor with other extra specs (traits, hw:) skips it. */
    @Override
    public boolean appliesTo(RequestSpec request) {
        for (String key : request.flavorExtraSpecs().keySet()) {
            if (metadataKey(key) != null) {
                return true;
            }
        }
        return false;
    }
}
