package io.polycell.scheduler.weigher;

import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/**
 * For a soft-affinity group, scores a host by how many of the group's members it runs, so members
 * gather on one host while it has room and go elsewhere when it has not.
 */
public final class ServerGroupSoftAffinityWeigher implements HostWeigher {

    /** Without a request there is no group to count. */
    @Override
    public double weigh(HostState host) {
        return 0;
    }

    @Override
    public double weigh(HostColumns hosts, int slot, RequestSpec request) {
        return request.groupMembersOn(hosts.host(slot));
    }

    @Override
    public boolean appliesTo(RequestSpec request) {
        return request.group() != null && request.group().policy() == ServerGroupPolicy.SOFT_AFFINITY;
    }
}
