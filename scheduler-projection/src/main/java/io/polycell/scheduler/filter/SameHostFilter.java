package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes, for a {@code same_host} hint, only hosts that run at least one of the instances named. */
public final class SameHostFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return request.hints().sameHost().isEmpty() || request.hints().sameHosts().contains(host.host());
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return request.hints().sameHost().isEmpty() || request.hints().sameHosts().contains(hosts.host(slot));
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return !request.hints().sameHost().isEmpty();
    }
}
