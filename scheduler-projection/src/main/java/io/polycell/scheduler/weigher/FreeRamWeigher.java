package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostState;

/** Prefers the host with the most free RAM, which spreads instances over hosts. */
public final class FreeRamWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.freeRamMb();
    }
}
