package io.polycell.scheduler.filter;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.HostState;

/** Passes hosts whose agent is up (heard from within the cell's down time). */
public final class ComputeFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, Resources request) {
        return host.up();
    }
}
