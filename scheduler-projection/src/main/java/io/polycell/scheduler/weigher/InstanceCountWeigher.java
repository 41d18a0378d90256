package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostState;

/** Scores a host by how many instances it runs; with a negative multiplier, emptier hosts win. */
public final class InstanceCountWeigher implements HostWeigher {

    @Override
    public double weigh(HostState host) {
        return host.instances();
    }
}
