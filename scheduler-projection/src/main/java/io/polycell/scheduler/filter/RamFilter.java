package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts with at least the requested RAM free. */
public final class RamFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return host.freeRamMb() >= request.resources().ramMb();
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return hosts.freeRamMb(slot) >= request.resources().ramMb();
    }
}
