package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;

/** Prefers the host with the most free vCPUs (spreads by CPU with a positive multiplier). */
public final class FreeVcpuWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.freeVcpus();
    }

    @Override
    public double weigh(HostColumns hosts, int slot) {
        return hosts.freeVcpus(slot);
    }
}
