package io.polycell.scheduler.filter;

import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.HostColumns;
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

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        if (request.group() == null || request.group().policy() != ServerGroupPolicy.AFFINITY
                || request.groupMembersPerHost().isEmpty()) {
            return true;
        }
        return request.groupMembersOn(hosts.host(slot)) > 0;
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.group() != null && request.group().policy() == ServerGroupPolicy.AFFINITY;
    }
}
