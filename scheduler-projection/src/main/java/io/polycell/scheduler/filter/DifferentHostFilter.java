package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes, for a {@code different_host} hint, only hosts that run none of the instances named. */
public final class DifferentHostFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return !request.hints().differentHosts().contains(host.host());
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return !request.hints().differentHosts().contains(hosts.host(slot));
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return !request.hints().differentHosts().isEmpty();
    }
}
