package io.polycell.scheduler.bench;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.scheduler.FilterScheduler;
import io.polycell.scheduler.HostStateProjection;
import io.polycell.scheduler.HostStates;
import io.polycell.scheduler.Placement;
import io.polycell.scheduler.RequestSpec;
import io.polycell.scheduler.filter.AggregateExtraSpecsFilter;
import io.polycell.scheduler.filter.AvailabilityZoneFilter;
import io.polycell.scheduler.filter.ComputeFilter;
import io.polycell.scheduler.filter.DiskFilter;
import io.polycell.scheduler.filter.ImagePropertiesFilter;
import io.polycell.scheduler.filter.NumInstancesFilter;
import io.polycell.scheduler.filter.RamFilter;
import io.polycell.scheduler.filter.RequiredTraitsFilter;
import io.polycell.scheduler.filter.VcpuFilter;
import io.polycell.scheduler.weigher.Weighing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Select destinations for 1 and 10 instances over 1k, 10k and 100k hosts with the default filters
 * and weighers (spread), from host states built by the projection with a realistic mix of used hosts,
 * each with traits (all SSE4.2, half AVX2, a tenth a GPU). The request names no trait ({@code plain},
 * so the traits filter is skipped) or requires AVX2 and forbids the GPU ({@code traits}). Each call's
 * reservations are dropped afterwards, so every call sees the same cloud. Sample time mode gives the
 * percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class SelectDestinationsBenchmark {

    @Param({"1000", "10000", "100000"})
    public int hosts;

    @Param({"1", "10"})
    public int instances;

    /**
     * {@code plain}: resources only; {@code image}: also the image's properties, as every boot of a
     * built-in image asks (architecture and distribution); {@code traits}: a required and a forbidden trait.
     */
    @Param({"plain", "image", "traits"})
    public String request;

    private FilterScheduler scheduler;
    private RequestSpec asked;
    private List<String> ids;
    private long sequence;

    @Setup(Level.Trial)
    public void buildCloud() {
        HostStates states = new HostStates();
        HostStateProjection projection = new HostStateProjection(states);
        feed(projection, hosts, new Random(42));
        giveTraits(projection, hosts);
        scheduler = new FilterScheduler(states, List.of(new ComputeFilter(), new AvailabilityZoneFilter(),
                new AggregateExtraSpecsFilter(), new ImagePropertiesFilter(), new RequiredTraitsFilter(),
                new NumInstancesFilter(500),
                new RamFilter(), new VcpuFilter(), new DiskFilter()), Weighing.spread());
        Resources size = new Resources(2, 4096, 40);
        asked = switch (request) {
            case "traits" -> new RequestSpec(size, null, Map.of("trait:HW_CPU_X86_AVX2", "required",
                    "trait:CUSTOM_GPU", "forbidden"), null, null);
            case "image" -> new RequestSpec(size, null, null, Map.of("architecture", "x86_64", "os_distro", "cirros"),
                    null);
            default -> RequestSpec.of(size);
        };
        ids = new ArrayList<>();
    }

    /** Registers {@code count} hosts in 10 cells and claims between none and half of each. */
    static void feed(HostStateProjection projection, int count, Random random) {
        for (int i = 0; i < count; i++) {
            String host = "host-" + i;
            String cell = "cell" + (i % 10);
            projection.on(new HostRegistered(host, cell, new Resources(64, 262144, 4000)));
            int used = random.nextInt(16);
            for (int c = 0; c < used; c++) {
                projection.on(new HostResourcesClaimed(host, cell, host + "-vm-" + c, new Resources(2, 8192, 40)));
            }
        }
    }

    /**
     * The hosts' agents report their capabilities and traits, as an inventory change after they
     * registered; a few hosts run several architectures, as a QEMU host under TCG does.
     */
    private static void giveTraits(HostStateProjection projection, int count) {
        for (int i = 0; i < count; i++) {
            Set<String> traits = new HashSet<>(Set.of("COMPUTE_NODE", "HW_CPU_X86_SSE42"));
            if (i % 2 == 0) {
                traits.add("HW_CPU_X86_AVX2");
            }
            if (i % 10 == 0) {
                traits.add("CUSTOM_GPU");
            }
            String architectures = i % 20 == 0 ? "aarch64,x86_64" : "x86_64";
            projection.on(new HostInventoryChanged("host-" + i, "cell" + (i % 10), new Resources(64, 262144, 4000),
                    AllocationPolicy.NONE, Map.of("architecture", architectures, "hypervisor_type", "qemu"), traits));
        }
    }

    @Benchmark
    public List<Placement> selectDestinations() {
        ids.clear();
        for (int i = 0; i < instances; i++) {
            ids.add("req-" + (sequence++));
        }
        List<Placement> placements = scheduler.select(ids, asked, 3);
        for (String id : ids) {
            scheduler.forget(id);
        }
        return placements;
    }
}
