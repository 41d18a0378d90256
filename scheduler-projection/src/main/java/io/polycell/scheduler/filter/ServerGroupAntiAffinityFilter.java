package io.polycell.scheduler.filter;

import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes, for an anti-affinity group, hosts with fewer of its members than max_server_per_host. */
public final class ServerGroupAntiAffinityFilter implements HostFilter {

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        if (request.group() == null || request.group().policy() != ServerGroupPolicy.ANTI_AFFINITY) {
            return true;
        }
        return request.groupMembersOn(host.host()) < request.group().maxServerPerHost();
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        if (request.group() == null || request.group().policy() != ServerGroupPolicy.ANTI_AFFINITY) {
            return true;
        }
        return request.groupMembersOn(hosts.host(slot)) < request.group().maxServerPerHost();
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.group() != null && request.group().policy() == ServerGroupPolicy.ANTI_AFFINITY;
    }
}
