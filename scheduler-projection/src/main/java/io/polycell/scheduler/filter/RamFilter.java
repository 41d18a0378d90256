package io.polycell.scheduler.filter;

import io.polycell.messages.common.Resources;
import io.polycell.scheduler.HostState;

/** Passes hosts with at least the requested RAM free. */
public final class RamFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, Resources request) {
        return host.freeRamMb() >= request.ramMb();
    }
}
