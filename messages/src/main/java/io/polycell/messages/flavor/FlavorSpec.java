package io.polycell.messages.flavor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flavor as the API and the hosts need it: the size of a server, and its extra specs (Nova's
 * {@code os-extra_specs}: free-form keys the scheduler and the drivers read, such as
 * {@code aggregate_instance_extra_specs:ssd} or {@code trait:HW_CPU_X86_AVX2}). A server's spec holds
 * the flavor as it was when the server was accepted, extra specs included.
 *
 * @param extraSpecs the extra specs, sorted by key; empty for flavors recorded before they existed
 */
public record FlavorSpec(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb,
                         int swapMb, double rxtxFactor, boolean isPublic, Map<String, String> extraSpecs) {

    public FlavorSpec {
        extraSpecs = extraSpecs == null || extraSpecs.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(extraSpecs));
    }

    /** A flavor without extra specs, as every flavor starts. */
    public FlavorSpec(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb, int swapMb,
                      double rxtxFactor, boolean isPublic) {
        this(id, name, vcpus, ramMb, diskGb, ephemeralGb, swapMb, rxtxFactor, isPublic, Map.of());
    }

    /** The same flavor with these extra specs in place of its own. */
    public FlavorSpec withExtraSpecs(Map<String, String> newExtraSpecs) {
        return new FlavorSpec(id, name, vcpus, ramMb, diskGb, ephemeralGb, swapMb, rxtxFactor, isPublic, newExtraSpecs);
    }
}
