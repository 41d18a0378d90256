package io.polycell.scheduler.filter;

import io.polycell.scheduler.HostColumns;
import io.polycell.scheduler.RequestSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric filters of a scheduler (compute, RAM, vCPU, disk, instances per host) fused into one
 * check over the columns. Each still has its class, its rule and its test; fused, a pass over 100,000
 * hosts reads a few arrays instead of making half a million calls through an interface the JIT
 * cannot inline. The other filters are left to be called one by one.
 */
public final class NumericChecks {

    private final boolean accepting;
    private final boolean ram;
    private final boolean vcpus;
    private final boolean disk;
    private final int maxInstances;
    private final List<HostFilter> others;

    private NumericChecks(boolean accepting, boolean ram, boolean vcpus, boolean disk, int maxInstances,
                          List<HostFilter> others) {
        this.accepting = accepting;
        this.ram = ram;
        this.vcpus = vcpus;
        this.disk = disk;
        this.maxInstances = maxInstances;
        this.others = List.copyOf(others);
    }

    /** Splits {@code filters} into the fused numeric check and the rest, keeping the rest's order. */
    public static NumericChecks of(List<HostFilter> filters) {
        boolean accepting = false;
        boolean ram = false;
        boolean vcpus = false;
        boolean disk = false;
        int maxInstances = Integer.MAX_VALUE;
        List<HostFilter> others = new ArrayList<>();
        for (HostFilter filter : filters) {
            if (filter instanceof ComputeFilter) {
                accepting = true;
            } else if (filter instanceof RamFilter) {
                ram = true;
            } else if (filter instanceof VcpuFilter) {
                vcpus = true;
            } else if (filter instanceof DiskFilter) {
                disk = true;
            } else if (filter instanceof NumInstancesFilter instances) {
                maxInstances = Math.min(maxInstances, instances.maxInstancesPerHost());
            } else {
                others.add(filter);
            }
        }
        return new NumericChecks(accepting, ram, vcpus, disk, maxInstances, others);
    }

    /** Whether the host in {@code slot} passes every fused numeric filter. */
    public boolean passes(HostColumns hosts, int slot, RequestSpec request) {
        return (!accepting || hosts.accepting(slot))
                && (!ram || hosts.freeRamMb(slot) >= request.resources().ramMb())
                && (!vcpus || hosts.freeVcpus(slot) >= request.resources().vcpus())
                && (!disk || hosts.freeDiskGb(slot) >= request.resources().diskGb())
                && hosts.instances(slot) < maxInstances;
    }

    /** The filters not fused here. */
    public List<HostFilter> others() {
        return others;
    }
}
