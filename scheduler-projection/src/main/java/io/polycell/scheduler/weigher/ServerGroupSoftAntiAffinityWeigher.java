package io.polycell.scheduler.weigher;

import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/**
 * For a soft-anti-affinity group, scores a host down by how many of the group's members it runs, so
 * members spread over hosts while there are hosts without one, and share hosts only after that.
 */
public final class ServerGroupSoftAntiAffinityWeigher implements HostWeigher {

    /** Without a request there is no group to count. */
    @Override
    public double weigh(HostState host) {
        return 0;
    }

    @Override
    public double weigh(HostColumns hosts, int slot, RequestSpec request) {
        return -request.groupMembersOn(hosts.host(slot));
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.group() != null && request.group().policy() == ServerGroupPolicy.SOFT_ANTI_AFFINITY;
    }
}
