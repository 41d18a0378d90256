package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.RequestSpec;

/** Passes hosts with fewer instances than the configured maximum per host (Nova's max_instances_per_host). */
public final class NumInstancesFilter implements HostFilter {

    private final int maxInstancesPerHost;

    public NumInstancesFilter(int maxInstancesPerHost) {
        if (maxInstancesPerHost < 1) {
            throw new IllegalArgumentException("max instances per host must be at least 1");
        }
        this.maxInstancesPerHost = maxInstancesPerHost;
    }

    public int maxInstancesPerHost() {
        return maxInstancesPerHost;
    }

    @Override
    public boolean passes(HostState host, RequestSpec request) {
        return host.instances() < maxInstancesPerHost;
    }

    @Override
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return hosts.instances(slot) < maxInstancesPerHost;
    }
}
