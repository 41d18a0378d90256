package io.polycell.scheduler.weigher;

import java.util.List;

/**
 * The weighers of a scheduler and their multipliers. {@link #spread()} is Nova's default (free
 * resources count for a host, its instance count against it); {@link #pack()} fills hosts up first.
 */
public record Weighing(List<Weighted> weighers) {

    /** One weigher and its multiplier. */
    public record Weighted(HostWeigher weigher, double multiplier) {
    }

    public Weighing {
        weighers = List.copyOf(weighers);
    }

    public static Weighing spread() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), 1.0), new Weighted(new FreeVcpuWeigher(), 1.0),
                new Weighted(new FreeDiskWeigher(), 1.0), new Weighted(new InstanceCountWeigher(), -1.0)));
    }

    public static Weighing pack() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), -1.0), new Weighted(new FreeVcpuWeigher(), -1.0),
                new Weighted(new FreeDiskWeigher(), -1.0), new Weighted(new InstanceCountWeigher(), 1.0)));
    }

    /** Only the free RAM weigher, as Nova's scheduler ships by default. */
    public static Weighing freeRam() {
        return new Weighing(List.of(new Weighted(new FreeRamWeigher(), 1.0)));
    }
}
