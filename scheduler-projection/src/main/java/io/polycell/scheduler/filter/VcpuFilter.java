package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts with at least the requested vCPUs free. */
public final class VcpuFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return host.freeVcpus() >= request.resources().vcpus();
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return hosts.freeVcpus(slot) >= request.resources().vcpus();
    }
}
