package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts in the requested availability zone; hosts in no aggregate zone are in "nova". */
public final class AvailabilityZoneFilter implements HostFilter {

    static final String DEFAULT_ZONE = "nova";

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        if (request.availabilityZone() == null) {
            return true;
        }
        String zone = host.attribute(HostState.AGGREGATES, "availability_zone");
        return request.availabilityZone().equals(zone == null ? DEFAULT_ZONE : zone);
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return request.availabilityZone() == null || passes(hosts.state(slot), request);
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.availabilityZone() != null;
    }
}
