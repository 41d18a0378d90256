package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts whose agent is up and whose service is enabled and not forced down. */
public final class ComputeFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return host.up() && !"true".equals(host.attribute(HostState.OPERATOR, "disabled"))
                && !"true".equals(host.attribute(HostState.OPERATOR, "forced_down"));
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return hosts.accepting(slot);
    }
}
