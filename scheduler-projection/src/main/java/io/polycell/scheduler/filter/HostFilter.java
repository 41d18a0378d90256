package io.polycell.scheduler.filter;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.HostState;

/** One rule a host must pass to be considered for a request. */
public interface HostFilter {

    boolean passes(HostState host, Resources request);
}
