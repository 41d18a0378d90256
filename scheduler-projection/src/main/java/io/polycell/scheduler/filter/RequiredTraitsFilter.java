package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;
import io.polycell.scheduler.Traits;

/** Passes hosts whose agent reports every trait the request requires and none it forbids. */
public final class RequiredTraitsFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return request.traits().satisfiedBy(Traits.parse(host.attribute(HostState.COMPUTE, Traits.ATTRIBUTE)));
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return request.traits().satisfiedBy(hosts.traits(slot));
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.traits().any();
    }
}
