package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;

/** Scores a host by how many instances it runs; with a negative multiplier, emptier hosts win. */
public final class InstanceCountWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.instances();
    }

    @Override
    public double weigh(HostColumns hosts, int slot) {
        return hosts.instances(slot);
    }
}
