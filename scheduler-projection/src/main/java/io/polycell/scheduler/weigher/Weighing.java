package io.polycell.scheduler.weigher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The weighers of a scheduler and their multipliers. {@link #spread()} is Nova's default (free
 * resources count for a host, its instance count against it); {@link #pack()} fills hosts up first.
 */
public record Weighing(List<Weighted> weighers) {

    /** The soft group weighers' multiplier: more than the four resource weighers can add up to. */
    private static final double SOFT_GROUP = 10.0;

    private static final Map<Class<?>, String> NAMES = Map.of(FreeRamWeigher.class, "ram",
            FreeVcpuWeigher.class, "cpu", FreeDiskWeigher.class, "disk", InstanceCountWeigher.class, "instances",
            ServerGroupSoftAffinityWeigher.class, "soft-affinity",
            ServerGroupSoftAntiAffinityWeigher.class, "soft-anti-affinity");

    /** One weigher and its multiplier. */
    public record Weighted(HostWeigher weigher, double multiplier) {
    }

    public Weighing {
        weighers = List.copyOf(weighers);
    }

    /**
     * Free resources for a host, its instance count against it; a soft server group's weigher counts
     * more than all of those together, so its policy wins whenever the hosts can honour it.
     */
    public static Weighing spread() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), 1.0), new Weighted(new FreeVcpuWeigher(), 1.0),
                new Weighted(new FreeDiskWeigher(), 1.0), new Weighted(new InstanceCountWeigher(), -1.0),
                new Weighted(new ServerGroupSoftAffinityWeigher(), SOFT_GROUP),
                new Weighted(new ServerGroupSoftAntiAffinityWeigher(), SOFT_GROUP)));
    }

    public static Weighing pack() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), -1.0), new Weighted(new FreeVcpuWeigher(), -1.0),
                new Weighted(new FreeDiskWeigher(), -1.0), new Weighted(new InstanceCountWeigher(), 1.0),
                new Weighted(new ServerGroupSoftAffinityWeigher(), SOFT_GROUP),
                new Weighted(new ServerGroupSoftAntiAffinityWeigher(), SOFT_GROUP)));
    }


    /**
     * The same weighers with some multipliers replaced, by the weighers' names as operators set them:
     * {@code ram}, {@code cpu}, {@code disk}, {@code instances}, {@code soft-affinity},
     * {@code soft-anti-affinity}. An unknown name is refused, so a typo does not go unnoticed.
     */
    public Weighing withMultipliers(Map<String, Double> multipliers) {
        for (String name : multipliers.keySet()) {
            if (!NAMES.containsValue(name)) {
                throw new IllegalArgumentException("No weigher is called " + name + "; the weighers are "
                        + String.join(", ", NAMES.values()));
            }
        }
        List<Weighted> changed = new ArrayList<>();
        for (Weighted weighted : weighers) {
            Double multiplier = multipliers.get(NAMES.get(weighted.weigher().getClass()));
            changed.add(multiplier == null ? weighted : new Weighted(weighted.weigher(), multiplier));
        }
        return new Weighing(changed);
    }

    /** Only the free RAM weigher, as Nova's scheduler ships by default. */
    public static Weighing freeRam() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), 1.0)));
    }
}
