package io.polycell.scheduler;

import io.polycell.messages.common.Resources;

/**
 * What the scheduler knows of one host: where it is, what it has, what is claimed on it, and what
 * this scheduler has just proposed for it but not yet seen claimed ({@code pending}). Immutable: each
 * change replaces the value, so a scheduling pass reads a consistent host without locks.
 */
public record HostState(String host, String cell, Resources capacity, Resources used, Resources pending,
                        int instances, boolean up) {

    static final Resources NOTHING = new Resources(0, 0, 0);

    public int freeVcpus() {
        return capacity.vcpus() - used.vcpus() - pending.vcpus();
    }

    public int freeRamMb() {
        return capacity.ramMb() - used.ramMb() - pending.ramMb();
    }

    public int freeDiskGb() {
        return capacity.diskGb() - used.diskGb() - pending.diskGb();
    }

    HostState withCapacity(Resources newCapacity) {
        return new HostState(host, cell, newCapacity, used, pending, instances, up);
    }

    HostState withUp(boolean isUp) {
        return new HostState(host, cell, capacity, used, pending, instances, isUp);
    }

    HostState claimed(Resources amount) {
        return new HostState(host, cell, capacity, add(used, amount, 1), pending, instances + 1, up);
    }

    HostState released(Resources amount) {
        return new HostState(host, cell, capacity, add(used, amount, -1), pending, instances - 1, up);
    }

    HostState reserved(Resources amount) {
        return new HostState(host, cell, capacity, used, add(pending, amount, 1), instances, up);
    }

    HostState unreserved(Resources amount) {
        return new HostState(host, cell, capacity, used, add(pending, amount, -1), instances, up);
    }

    private static Resources add(Resources base, Resources amount, int sign) {
        return new Resources(base.vcpus() + sign * amount.vcpus(), base.ramMb() + sign * amount.ramMb(),
                base.diskGb() + sign * amount.diskGb());
    }
}
