package io.polycell.scheduler.weigher;

import java.util.List;

/**
 * The weighers of a scheduler and their multipliers. {@link #spread()} is Nova's default (free
 * resources count for a host, its instance count against it); {@link #pack()} fills hosts up first.
 */
public record Weighing(List<Weighted> weighers) {

    /** The soft group weighers' multiplier: more than the four resource weighers can add up to. */
    private static final double SOFT_GROUP = 10.0;

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


    /** Only the free RAM weigher, as Nova's scheduler ships by default. */
    public static Weighing freeRam() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), 1.0)));
    }
}
