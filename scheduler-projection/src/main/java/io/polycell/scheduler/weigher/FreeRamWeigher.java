package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;

/** Prefers the host with the most free RAM, which spreads instances over hosts. */
public final class FreeRamWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.freeRamMb();
    }

    @Override
    public double weigh(HostColumns hosts, int slot) {
        return hosts.freeRamMb(slot);
    }
}
