package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * What the scheduler knows of one host: where it is, what it has, what is claimed on it, and what
 * this scheduler has just proposed for it but not yet seen claimed ({@code pending}). Immutable: each
 * change replaces the value, so a scheduling pass reads a consistent host without locks.
 */
public record HostState(String host, String cell, Resources capacity, Resources used, Resources pending,
                        int instances, boolean up, Map<String, Map<String, String>> attributes) {

    static final Resources NOTHING = new Resources(0, 0, 0);
    /** What the compute agent reports about its host: hypervisor type, architecture, traits. */
    public static final String COMPUTE = "compute";
    /** What the host's aggregates say: availability zone and metadata. */
    public static final String AGGREGATES = "aggregates";
    /** What operators set: service disabled, forced down. */
    public static final String OPERATOR = "operator";

    /** An attribute from one producer's namespace, or null. */
    public String attribute(String namespace, String key) {
        Map<String, String> values = attributes.get(namespace);
        return values == null ? null : values.get(key);
    }

    /** Every attribute of one namespace. */
    public Map<String, String> namespace(String namespace) {
        return attributes.getOrDefault(namespace, Map.of());
    }

    HostState withNamespace(String namespace, Map<String, String> values) {
        Map<String, Map<String, String>> changed = new HashMap<>(attributes);
        changed.put(namespace, Map.copyOf(values));
        return new HostState(host, cell, capacity, used, pending, instances, up, Map.copyOf(changed));
    }

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
        return new HostState(host, cell, newCapacity, used, pending, instances, up, attributes);
    }

    HostState withUp(boolean isUp) {
        return new HostState(host, cell, capacity, used, pending, instances, isUp, attributes);
    }

    HostState claimed(Resources amount) {
        return new HostState(host, cell, capacity, add(used, amount, 1), pending, instances + 1, up, attributes);
    }

    HostState released(Resources amount) {
        return new HostState(host, cell, capacity, add(used, amount, -1), pending, instances - 1, up, attributes);
    }

    HostState reserved(Resources amount) {
        return new HostState(host, cell, capacity, used, add(pending, amount, 1), instances, up, attributes);
    }

    HostState unreserved(Resources amount) {
        return new HostState(host, cell, capacity, used, add(pending, amount, -1), instances, up, attributes);
    }

    private static Resources add(Resources base, Resources amount, int sign) {
        return new Resources(base.vcpus() + sign * amount.vcpus(), base.ramMb() + sign * amount.ramMb(),
                base.diskGb() + sign * amount.diskGb());
    }
}
