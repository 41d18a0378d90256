package io.polycell.infra.bench;

import ch.qos.logback.classic.Level;
import io.polycell.infra.SchedulerFeed;
import io.polycell.infra.SchedulerSnapshots;
import io.polycell.infra.postgres.EmbeddedPostgresServer;
import io.polycell.infra.store.AxonSerialization;
import io.polycell.infra.store.StoreRuntime;
import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.scheduler.HostStates;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long a new scheduler replica takes to catch up from a real store: PostgreSQL (embedded), the
 * JDBC event store and serializer the system uses, and the replica's own feed ({@link SchedulerFeed}).
 * It writes HOSTS host registrations and EVENTS claims and releases (two claims for every release,
 * so hosts end up with instances), then starts RUNS fresh replicas one after the other and times
 * each from start until caught up, with the heap in use afterwards.
 *
 * <pre>
 *   java -Xmx2g -cp "infra/target/classes:$(cat cp.txt)" io.polycell.infra.bench.CatchUpFromStoreBenchmark \
 *       10000 1000000 3     # HOSTS EVENTS RUNS
 * </pre>
 * Prints progress while writing, one line per run, and a final {@code RESULT key=value ...} line.
 */
public final class CatchUpFromStoreBenchmark {

    private static final Resources SMALL = new Resources(2, 4096, 40);
    private static final int WRITE_BATCH = 2_000;

    private CatchUpFromStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dataDir = Files.createTempDirectory("polycell-catch-up-");
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0,
                List.of("bench"));
             StoreRuntime store = StoreRuntime.open("bench", "api", postgres.jdbcUrl("bench"), postgres.user(), 4,
                     wiring -> { })) {
            store.start();
            long writeStart = System.nanoTime();
            write(store, hosts, events);
            System.out.printf(Locale.ROOT, "Wrote %,d host registrations and %,d claim and release events in %.1f s%n",
                    hosts, events, (System.nanoTime() - writeStart) / 1e9);
            List<Double> seconds = new ArrayList<>();
            long retained = 0;
            for (int run = 1; run <= runs; run++) {
                HostStates states = new HostStates();
                long start = System.nanoTime();
                TrackingEventProcessor feed = SchedulerFeed.start("catch-up-" + run, states,
                        Map.of("bench", store.eventStore()));
                while (!SchedulerFeed.caughtUp(feed)) {
                    Thread.sleep(10);
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                feed.shutDown();
                seconds.add(elapsed);
                retained = retainedBytes();
                System.out.printf(Locale.ROOT, "Run %d: caught up on %,d hosts and %,d events in %.2f s "
                                + "(%,.0f events/s); heap in use after GC %.1f MB%n", run, states.size(),
                        hosts + events, elapsed, (hosts + events) / elapsed, retained / 1e6);
                if (states.size() != hosts) {
                    throw new IllegalStateException("Expected " + hosts + " hosts, found " + states.size());
                }
            }
            double fromSnapshot = fromSnapshot(store, hosts, events);
            seconds.sort(Double::compare);
            System.out.printf(Locale.ROOT, "RESULT hosts=%d events=%d runs=%d best_s=%.2f median_s=%.2f "
                    + "heap_after_gc_mb=%.1f from_snapshot_s=%.2f%n", hosts, events, runs, seconds.get(0),
                    seconds.get(seconds.size() / 2), retained / 1e6, fromSnapshot);
        }
    }

    /**
     * A replica that saves a snapshot at the last event, then 10% more events, then a new replica that
     * starts from the snapshot: the time from reading the snapshot until caught up.
     */
    private static double fromSnapshot(StoreRuntime store, int hosts, int events) throws Exception {
        SchedulerSnapshots snapshots = new SchedulerSnapshots(store.jdbc(), AxonSerialization.serializer(),
                Clock.systemUTC());
        ExecutorService writer = Executors.newSingleThreadExecutor();
        TrackingEventProcessor saving = SchedulerFeed.start("snapshotting", new HostStates(),
                Map.of("bench", store.eventStore()), null,
                new SchedulerFeed.Snapshotting(snapshots, hosts + events, writer, 0));
        while (!SchedulerFeed.caughtUp(saving)) {
            Thread.sleep(10);
        }
        saving.shutDown();
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.MINUTES);
        int more = events / 10;
        appendMore(store, hosts, more);
        long start = System.nanoTime();
        SchedulerSnapshots.Restored restored = snapshots.latest().orElseThrow();
        HostStates states = new HostStates();
        states.restore(restored.states());
        double loaded = (System.nanoTime() - start) / 1e9;
        TrackingEventProcessor feed = SchedulerFeed.start("from-snapshot", states, Map.of("bench", store.eventStore()),
                restored.position(), null);
        while (!SchedulerFeed.caughtUp(feed)) {
            Thread.sleep(10);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        feed.shutDown();
        System.out.printf(Locale.ROOT, "From a snapshot of %,d hosts after %,d events: read and restored in %.2f s, "
                + "caught up on %,d more events in %.2f s in all%n", restored.states().hosts().size(), restored.events(),
                loaded, more, elapsed);
        return elapsed;
    }

    /** Claims on the first hosts after the snapshot, the part a restored replica replays. */
    private static void appendMore(StoreRuntime store, int hosts, int more) {
        long[] sequences = new long[hosts];
        store.jdbc().query("SELECT aggregateIdentifier, max(sequenceNumber) FROM DomainEventEntry "
                + "GROUP BY aggregateIdentifier", (java.sql.ResultSet rs) -> {
                    int h = Integer.parseInt(rs.getString(1).substring("host-".length()));
                    sequences[h] = rs.getLong(2) + 1;
                });
        List<EventMessage<?>> batch = new ArrayList<>(WRITE_BATCH);
        for (int i = 0; i < more; i++) {
            int h = i % hosts;
            batch.add(event(h, sequences, new HostResourcesClaimed(host(h), "cell1", UUID.randomUUID().toString(),
                    SMALL)));
            flushIfFull(store, batch);
        }
        if (!batch.isEmpty()) {
            store.eventStore().publish(batch);
        }
    }

    /**
     * Registrations first, then per host in turn: claims of new instances, and a release of an older
     * one after every third claim, until {@code events} are written.
     */
    private static void write(StoreRuntime store, int hosts, int events) {
        List<EventMessage<?>> batch = new ArrayList<>(WRITE_BATCH);
        long[] sequences = new long[hosts];
        List<List<String>> claimed = new ArrayList<>(hosts);
        for (int h = 0; h < hosts; h++) {
            claimed.add(new ArrayList<>());
            batch.add(event(h, sequences, new HostRegistered(host(h), "cell1", new Resources(64, 262144, 4000))));
            flushIfFull(store, batch);
        }
        int written = 0;
        int nextReport = events / 10;
        for (int step = 0; written < events; step++) {
            int h = step % hosts;
            List<String> onHost = claimed.get(h);
            Object payload;
            if (onHost.size() >= 3 && step / hosts % 3 == 2) {
                payload = new HostResourcesReleased(host(h), "cell1", onHost.remove(0), SMALL);
            } else {
                String instance = UUID.randomUUID().toString();
                onHost.add(instance);
                payload = new HostResourcesClaimed(host(h), "cell1", instance, SMALL);
            }
            batch.add(event(h, sequences, payload));
            flushIfFull(store, batch);
            if (++written >= nextReport) {
                System.out.printf(Locale.ROOT, "  written %,d of %,d events%n", written, events);
                nextReport += events / 10;
            }
        }
        if (!batch.isEmpty()) {
            store.eventStore().publish(batch);
        }
    }

    private static DomainEventMessage<?> event(int h, long[] sequences, Object payload) {
        return new GenericDomainEventMessage<>("Host", host(h), sequences[h]++, payload);
    }

    private static void flushIfFull(StoreRuntime store, List<EventMessage<?>> batch) {
        if (batch.size() >= WRITE_BATCH) {
            store.eventStore().publish(batch);
            batch.clear();
        }
    }

    private static String host(int h) {
        return "host-" + h;
    }

    private static long retainedBytes() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
