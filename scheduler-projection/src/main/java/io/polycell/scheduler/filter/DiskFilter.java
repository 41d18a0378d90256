package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts with at least the requested disk free. */
public final class DiskFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return host.freeDiskGb() >= request.resources().diskGb();
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return hosts.freeDiskGb(slot) >= request.resources().diskGb();
    }
}
