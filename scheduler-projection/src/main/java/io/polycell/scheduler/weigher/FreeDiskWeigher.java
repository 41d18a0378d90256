package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;

/** Prefers the host with the most free disk. */
public final class FreeDiskWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.freeDiskGb();
    }

    @Override
    public double weigh(HostColumns hosts, int slot) {
        return hosts.freeDiskGb(slot);
    }
}
