package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** One rule a host must pass to be considered for a request. */
public interface HostFilter {

    boolean passes(HostState host, RequestSpec request);
}
