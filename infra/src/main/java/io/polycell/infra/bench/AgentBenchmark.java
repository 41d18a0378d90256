package io.polycell.infra.bench;

import ch.qos.logback.classic.Level;
import io.polycell.compute.agent.AgentSettings;
import io.polycell.compute.agent.ComputeAgent;
import io.polycell.compute.driver.FakeDriver;
import io.polycell.compute.link.LocalCellLink;
import io.polycell.messages.common.Resources;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.ReportHostHeartbeat;
import io.polycell.messages.host.ReportHostInventory;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.SpawnInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.NoOpCallback;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compute agent on the fake driver taking N spawns at once (1,000 by default), on an
 * asynchronous in-memory command bus standing in for its cell: how fast it works them off and what
 * it costs in memory. The cell's side only counts the reports, so the figures are the agent's own.
 *
 * <p>Run: {@code java -cp infra/target/polycell.jar -Dloader.main=io.polycell.infra.bench.AgentBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [N] [rounds]}
 */
public final class AgentBenchmark {

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int spawns = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "agent benchmark: %d spawns per round, %d rounds (first is warm-up)%n",
                spawns, rounds);
        double[] perSecond = new double[rounds];
        long[] retained = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            Result result = round(spawns);
            perSecond[round] = result.spawnsPerSecond();
            retained[round] = result.retainedBytes();
            System.out.printf(Locale.ROOT, "round %d: %d spawns reported in %d ms = %.0f spawns/s, p99 %.2f ms; "
                            + "heap retained with %d guests: %.1f MB (%.0f bytes per guest)%n", round + 1, spawns,
                    result.elapsed().toMillis(), result.spawnsPerSecond(), result.p99Millis(), spawns,
                    result.retainedBytes() / 1e6, (double) result.retainedBytes() / spawns);
        }
        double[] measured = Arrays.copyOfRange(perSecond, Math.min(1, rounds - 1), rounds);
        System.out.printf(Locale.ROOT, "RESULT spawns=%d spawns_per_s_mean=%.0f retained_mb_last=%.1f%n", spawns,
                Arrays.stream(measured).average().orElse(0), retained[rounds - 1] / 1e6);
    }

    private record Result(Duration elapsed, double spawnsPerSecond, double p99Millis, long retainedBytes) {
    }

    private static Result round(int spawns) throws InterruptedException {
        ExecutorService busThreads = Executors.newFixedThreadPool(4);
        CommandBus bus = AsynchronousCommandBus.builder().executor(busThreads).build();
        CountDownLatch reported = new CountDownLatch(spawns);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[spawns];
        int[] next = {0};
        bus.subscribe(RecordInstanceSpawned.class.getName(), message -> {
            RecordInstanceSpawned spawned = (RecordInstanceSpawned) message.getPayload();
            long latency = System.nanoTime() - sentAt.get(spawned.instanceId());
            synchronized (latencies) {
                latencies[next[0]++] = latency;
            }
            reported.countDown();
            return null;
        });
        bus.subscribe(ReportHostInventory.class.getName(), message -> null);
        bus.subscribe(ReportHostHeartbeat.class.getName(), message -> null);
        bus.subscribe(SyncHostGuests.class.getName(), message -> new ClaimedInstances(Set.of()));
        long before = usedHeapAfterGc();
        FakeDriver driver = new FakeDriver(new Resources(100_000, 100_000_000, 1_000_000), Duration.ZERO);
        ComputeAgent agent = new ComputeAgent("bench-host", "bench-cell", driver, new LocalCellLink(bus),
                AgentSettings.defaults());
        agent.start();
        String name = HostCommandNames.of(SpawnInstance.class, "bench-host");
        long start = System.nanoTime();
        for (int i = 0; i < spawns; i++) {
            InstanceSpec spec = spec();
            sentAt.put(spec.instanceId(), System.nanoTime());
            bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(
                    new SpawnInstance("bench-host", spec.instanceId(), spec)), name), NoOpCallback.INSTANCE);
        }
        if (!reported.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Only " + (spawns - reported.getCount()) + " spawns reported in time");
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        sentAt.clear();
        long retained = usedHeapAfterGc() - before;
        agent.close();
        busThreads.shutdown();
        Arrays.sort(latencies);
        double p99 = latencies[(int) Math.ceil(spawns * 0.99) - 1] / 1e6;
        return new Result(elapsed, spawns / (elapsed.toNanos() / 1e9), p99, retained);
    }

    private static InstanceSpec spec() {
        String id = UUID.randomUUID().toString();
        return new InstanceSpec(id, "bench-" + id.substring(0, 8), "bench", "bench",
                new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true),
                new ImageSpec("c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61", "cirros", 0, 0, 1L, "qcow2", Map.of()), Map.of(),
                Instant.now());
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
