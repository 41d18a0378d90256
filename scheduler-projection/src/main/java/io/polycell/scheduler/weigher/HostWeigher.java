package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostState;

/** Scores a host that passed every filter; the highest score wins. */
public interface HostWeigher {

    double weigh(HostState host);
}
