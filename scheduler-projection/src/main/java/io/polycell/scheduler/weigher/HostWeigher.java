package io.polycell.scheduler.weigher;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/**
 * Scores a host that passed every filter. Scores are normalized across the candidate hosts of a
 * request and multiplied by the weigher's multiplier (negative to prefer the lowest), as in Nova;
 * the highest sum wins.
 */
public interface HostWeigher {

    double weigh(HostState host);

    /** The same score over the scheduler's columns, for a pass over every host. */
    default double weigh(HostColumns hosts, int slot) {
        return weigh(hosts.state(slot));
    }

    /** The score for one request; only weighers that depend on the request (server groups) override it. */
    default double weigh(HostColumns hosts, int slot, RequestSpec request) {
        return weigh(hosts, slot);
    }

    /** Whether this weigher tells hosts apart for {@code request}; a pass skips the ones that do not. */
    default boolean appliesTo(RequestSpec request) {
        return true;
    }
}
