package io.polycell.scheduler.filter;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.HostState;

/** Passes hosts with at least the requested vCPUs free. */
public final class VcpuFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, Resources request) {
        return host.freeVcpus() >= request.vcpus();
    }
}
