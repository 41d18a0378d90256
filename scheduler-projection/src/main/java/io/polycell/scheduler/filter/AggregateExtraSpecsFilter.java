package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;
import java.util.Map;

/**
 * Passes hosts whose aggregates' metadata match every scoped flavor extra spec
 * ({@code aggregate_instance_extra_specs:key=value}; a comma-separated metadata value matches any of
 * its parts, as in Nova).
 */
public final class AggregateExtraSpecsFilter implements HostFilter {

    static final String SCOPE = "aggregate_instance_extra_specs:";

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        for (Map.Entry<String, String> spec : request.flavorExtraSpecs().entrySet()) {
            if (!spec.getKey().startsWith(SCOPE)) {
                continue;
            }
            String metadata = host.attribute(HostState.AGGREGATES, spec.getKey().substring(SCOPE.length()));
            if (metadata == null || !matchesAny(metadata, spec.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(String metadata, String wanted) {
        for (String value : metadata.split(",")) {
            if (value.trim().equals(wanted.trim())) {
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
            if (key.startsWith(SCOPE)) {
                return true;
            }
        }
        return false;
    }
}
