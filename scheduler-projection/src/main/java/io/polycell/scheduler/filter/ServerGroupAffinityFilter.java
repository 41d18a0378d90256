package io.polycell.scheduler.filter;

import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes, for an affinity group that already has members, only the host they run on. */
public final class ServerGroupAffinityFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        if (request.group() == null || request.group().policy() != ServerGroupPolicy.AFFINITY
                || request.groupMembersPerHost().isEmpty()) {
            return true;
        }
        return request.groupMembersOn(host.host()) > 0;
    }
}
