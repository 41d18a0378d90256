package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import java.util.Map;

/** Host states for filter and weigher tests. */
public final class Hosts {

    private Hosts() {
    }

    public static HostState host(String name, Resources capacity) {
        return new HostState(name, "cell1", capacity, HostState.NOTHING, HostState.NOTHING, 0, true, Map.of());
    }

    public static HostState withAttributes(String name, Map<String, Map<String, String>> attributes) {
        return new HostState(name, "cell1", new Resources(8, 8192, 100), HostState.NOTHING, HostState.NOTHING, 0, true,
                attributes);
    }

    public static HostState withInstances(String name, int instances) {
        return new HostState(name, "cell1", new Resources(8, 8192, 100), HostState.NOTHING, HostState.NOTHING,
                instances, true, Map.of());
    }

    public static HostState used(String name, Resources capacity, Resources used) {
        return new HostState(name, "cell1", capacity, used, HostState.NOTHING, 0, true, Map.of());
    }

    /** Columns holding these hosts in slots 0, 1, ... in the order given. */
    public static HostColumns columns(HostState... hosts) {
        HostColumns columns = new HostColumns();
        for (HostState host : hosts) {
            columns.write(host);
        }
        return columns;
    }
}
