package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** One rule a host must pass to be considered for a request. */
public interface HostFilter {

    boolean passes(HostState host, RequestSpec request);

    /**
     * The same rule over the scheduler's columns, for a pass over every host. Filters that only need
     * numbers, or that do not apply to the request, answer without touching the host's state record.
     */
    default boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return passes(hosts.state(slot), request);
    }

    /**
     * The rule as one pass over {@code hosts} applies it to {@code request}: a filter that can judge
     * whole groups of hosts at once (all hosts of one kind) does so here, before the pass, and answers
     * each host from that. By default the filter itself.
     */
    default HostFilter forPass(RequestSpec request, HostColumns hosts) {
        return this;
    }

    /** Whether this rule can refuse any host for {@code request}; a pass skips the filters that cannot. */
    default boolean appliesTo(RequestSpec request) {
        return true;
    }
}
