package io.polycell.infra.bench;

import co.elastic.clients.elasticsearch.indices.stats.IndexStats;
import io.polycell.infra.Polycell;
import io.polycell.infra.PolycellApplication;
import io.polycell.messages.common.Requester;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.query.server.ListingPath;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.searchlight.index.SearchIndexFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Event-to-searchable lag of the search index while servers are booted at a fixed rate through the
 * HTTP API. Starts Polycell embedded (search on, cells cell1 and cell2 with enough fake hosts and
 * capacity, quotas unlimited, on a free port), offers {@code POST /v2.1/servers} at {@code --rate} per
 * second for {@code --duration} seconds (open loop: each POST is sent at its time whatever the answers
 * before it, with at most {@code --max-in-flight} unanswered), and measures, for every event whose
 * change is in a document the indexer writes, the time from the event's timestamp to the moment the
 * bulk request holding that document is acknowledged ({@code ServerIndexer.listen}). A listing after that
 * moment shows the change: it refreshes the index before searching.
 *
 * <p>A warm-up at the same rate comes first (not measured), then the measured window; after it the
 * benchmark waits for every accepted server to be ACTIVE or ERROR and for the indexer to reach the
 * stores' heads, and reports the POST rate achieved (202 answers per second), the rate at which servers
 * turned ACTIVE, the lag's percentiles, and one {@code RESULT key=value ...} line.
 *
 * <p>To tell where the lag comes from it also reports: per bulk request, the lag of its newest event
 * and the time since the bulk before (the indexer's cycle); the delivery of every event of the stores
 * to a tracking stream this benchmark opens at their heads (from the event's timestamp, so it includes
 * the wait for the event's transaction to commit); what Elasticsearch's own statistics say of the bulk
 * requests in the window; and one page of 1000 listed both ways right after the boots, while the API
 * tier still keeps their build requests.
 *
 * <pre>
 *   java -Xmx2g -cp infra/target/polycell.jar -Dloader.main=io.polycell.infra.bench.IndexLagBenchmark \
 *       org.springframework.boot.loader.launch.PropertiesLauncher --rate 200 --duration 30 \
 *       [--warmup 5] [--hosts 8] [--max-in-flight 256] [--drain 180] [--data-dir DIR]
 * </pre>
 * Without {@code --data-dir} the data lives in a temporary directory deleted afterwards.
 */
public final class IndexLagBenchmark {

    private static final String IMAGE = "c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61";
    private static final String FLAVOR = "1";
    private static final String TOKEN = "bench:bench";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROGRESS = Duration.ofSeconds(5);
    private static final List<String> CELLS = List.of("cell0", "cell1", "cell2");

    private final Settings settings;
    private final Polycell polycell;
    private final SearchIndexFeed feed;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).proxy(HttpClient.Builder.NO_PROXY).build();
    private final String base;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** The lag of every measured event, and of those since the last progress line. */
    private final Object lagLock = new Object();
    private LatencySamples lags = new LatencySamples();
    private LatencySamples recentLags = new LatencySamples();
    private long documents;
    private long bulks;
    /** Per bulk request: the lag of its newest event, and the time since the bulk before it. */
    private LatencySamples freshest = new LatencySamples();
    private LatencySamples betweenBulks = new LatencySamples();
    private long lastBulkNanos;
    /** Per event: from its timestamp to its delivery on a tracking stream of its store opened by this benchmark. */
    private final Object deliveryLock = new Object();
    private LatencySamples delivery = new LatencySamples();
    private volatile boolean watching = true;
    private volatile Instant measureFrom = Instant.MAX;

    private IndexLagBenchmark(Settings settings, Polycell polycell, String base) {
        this.settings = settings;
        this.polycell = polycell;
        this.base = base;
        this.feed = polycell.search().feed();
        if (feed == null) {
            throw new IllegalStateException("The search index is not set up");
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path dataDir = settings.dataDir() != null ? settings.dataDir()
                : Files.createTempDirectory("polycell-index-lag-bench-");
        System.out.printf(Locale.ROOT, "Index lag benchmark: %d boots/s offered for %d s (after %d s of warm-up), "
                        + "%d hosts per cell, at most %d POSTs unanswered; data in %s%n", settings.rate(),
                settings.duration(), settings.warmup(), settings.hosts(), settings.maxInFlight(), dataDir);
        long startNanos = System.nanoTime();
        int exit;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PolycellApplication.class)
                .run(springArgs(settings, dataDir))) {
            System.out.printf(Locale.ROOT, "Polycell up in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            exit = new IndexLagBenchmark(settings, context.getBean(Polycell.class), base).run();
        } finally {
            if (settings.dataDir() == null) {
                deleteRecursively(dataDir);
            }
        }
        System.out.flush();
        System.exit(exit);
    }

    private static String[] springArgs(Settings settings, Path dataDir) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--polycell.data-dir=" + dataDir,
                "--polycell.search.enabled=true", "--polycell.quota.defaults.instances=-1",
                "--polycell.quota.defaults.cores=-1", "--polycell.quota.defaults.ram=-1",
                "--polycell.scheduler.max-instances-per-host=100000", "--logging.level.root=WARN"));
        for (String cell : List.of("cell1", "cell2")) {
            String prefix = "--polycell.cells." + cell + ".";
            args.add(prefix + "hosts=" + settings.hosts());
            args.add(prefix + "vcpus=100000");
            args.add(prefix + "ram-mb=100000000");
            args.add(prefix + "disk-gb=100000000");
        }
        return args.toArray(String[]::new);
    }

    private int run() throws Exception {
        feed.indexer().listen(this::written);
        List<Thread> watchers = new ArrayList<>();
        for (String store : List.of(Polycell.API, "cell0", "cell1", "cell2")) {
            Thread watcher = new Thread(() -> watch(polycell.store(store).eventStore()), "bench-watch-" + store);
            watcher.setDaemon(true);
            watcher.start();
            watchers.add(watcher);
        }
        if (settings.warmup() > 0) {
            Round warm = offer("lag-warmup-" + run + "-", settings.warmup());
            awaitSettled(warm, "warm-up");
            awaitIndexHead();
        }
        IndexStats before = indexStats();
        measureFrom = Instant.now();
        synchronized (lagLock) {
            lags = new LatencySamples();
            recentLags = new LatencySamples();
            documents = 0;
            bulks = 0;
            freshest = new LatencySamples();
            betweenBulks = new LatencySamples();
            lastBulkNanos = 0;
        }
        synchronized (deliveryLock) {
            delivery = new LatencySamples();
        }
        Round round = offer("lag-" + run + "-", settings.duration());
        Settled settled = awaitSettled(round, "measured");
        awaitIndexHead();
        feed.indexer().listen(null);
        printIndexStats(before, indexStats());
        watching = false;
        for (Thread watcher : watchers) {
            watcher.join(2000);
        }
        AfterTheBurst after = listAfterTheBurst();
        return report(round, settled, after);
    }

    private record AfterTheBurst(long buildRequests, LatencySamples index, LatencySamples merge) {
    }

    /**
     * One page of 1000 right after the boots, while the API tier's build requests of the round are still
     * kept (they are purged two minutes after their cells took them over): from the index, and by merge.
     */
    private AfterTheBurst listAfterTheBurst() {
        ServerListing listing = polycell.listing();
        Requester admin = new Requester("admin", "admin", true);
        ServerQuery first = ServerQuery.page(null, null, 1000);
        Long buildRequests = polycell.apiJdbc().queryForObject("SELECT count(*) FROM build_request_view", Long.class);
        LatencySamples index = new LatencySamples();
        LatencySamples merge = new LatencySamples();
        int fallbacks = 0;
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            ServerPage page = listing.list(admin, first);
            long listed = System.nanoTime();
            listing.page(admin, first);
            long merged = System.nanoTime();
            if (page.path() != ListingPath.INDEX) {
                fallbacks++;
            }
            if (i >= 5) {
                index.add(listed - start);
                merge.add(merged - listed);
            }
        }
        System.out.printf(Locale.ROOT, "Listing the first 1000 servers after the boots, %,d build requests kept in the "
                + "API tier (%d of the index listings fell back to the merge):%n", buildRequests, fallbacks);
        System.out.println("  index  " + index.line());
        System.out.println("  merge  " + merge.line());
        return new AfterTheBurst(buildRequests == null ? 0 : buildRequests, index, merge);
    }

    private IndexStats indexStats() throws IOException {
        String alias = polycell.search().index().alias();
        return polycell.search().index().client().indices().stats(r -> r.index(alias)).all().primaries();
    }

    /** What Elasticsearch itself did for the index during the measured window. */
    private static void printIndexStats(IndexStats before,
                                        IndexStats after) {
        long bulks = after.bulk().totalOperations() - before.bulk().totalOperations();
        long bulkMillis = after.bulk().totalTimeInMillis() - before.bulk().totalTimeInMillis();
        long indexed = after.indexing().indexTotal() - before.indexing().indexTotal();
        long indexMillis = after.indexing().indexTimeInMillis() - before.indexing().indexTimeInMillis();
        long gets = after.get().total() - before.get().total();
        long getMillis = after.get().timeInMillis() - before.get().timeInMillis();
        long refreshes = after.refresh().total() - before.refresh().total();
        System.out.printf(Locale.ROOT, "Elasticsearch during the window: %,d bulk requests (%.1f ms each on average in "
                        + "the node), %,d documents indexed (%.2f ms each), %,d gets (%,d ms), %,d refreshes%n", bulks,
                bulks == 0 ? 0.0 : (double) bulkMillis / bulks, indexed, indexed == 0 ? 0.0 : (double) indexMillis / indexed,
                gets, getMillis, refreshes);
    }

    /** The indexer's listener: the lag of each event in the acknowledged bulk request, if measured. */
    private void written(int written, List<Instant> eventTimes) {
        Instant acknowledged = Instant.now();
        long now = System.nanoTime();
        Instant from = measureFrom;
        synchronized (lagLock) {
            bulks++;
            documents += written;
            long newest = Long.MAX_VALUE;
            for (Instant at : eventTimes) {
                if (!at.isBefore(from)) {
                    long lag = Duration.between(at, acknowledged).toNanos();
                    lags.add(lag);
                    recentLags.add(lag);
                    newest = Math.min(newest, lag);
                }
            }
            if (newest != Long.MAX_VALUE) {
                freshest.add(newest);
                if (lastBulkNanos != 0) {
                    betweenBulks.add(now - lastBulkNanos);
                }
                lastBulkNanos = now;
            }
        }
    }

    /**
     * Reads {@code store}'s events from its head as any tracking processor of the system would, and notes
     * for each measured event how long after its timestamp it was delivered: the part of the lag before
     * the indexer.
     */
    private void watch(EventStore store) {
        try (BlockingStream<TrackedEventMessage<?>> stream =
                     store.openStream(store.createHeadToken())) {
            while (watching) {
                if (stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                    Instant at = stream.nextAvailable().getTimestamp();
                    Instant now = Instant.now();
                    if (!at.isBefore(measureFrom)) {
                        synchronized (deliveryLock) {
                            delivery.add(Duration.between(at, now).toNanos());
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends {@code rate} boots per second for {@code seconds}, each at its time; returns when all are answered. */
    private Round offer(String prefix, int seconds) throws InterruptedException {
        int total = settings.rate() * seconds;
        Round round = new Round(prefix);
        Semaphore inFlight = new Semaphore(settings.maxInFlight());
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / settings.rate();
        long start = System.nanoTime();
        round.firstSent = start;
        round.firstSentAt = Instant.now();
        long nextProgress = start + PROGRESS.toNanos();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                round.heldBack.incrementAndGet();
                inFlight.acquire();
            }
            send(round, prefix + i, inFlight);
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS.toNanos();
                progress(round, start);
            }
        }
        round.lastSent = System.nanoTime();
        inFlight.acquire(settings.maxInFlight());
        inFlight.release(settings.maxInFlight());
        progress(round, start);
        return round;
    }

    private void send(Round round, String name, Semaphore inFlight) {
        String body = "{\"server\":{\"name\":\"" + name + "\",\"flavorRef\":\"" + FLAVOR + "\",\"imageRef\":\"" + IMAGE
                + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v2.1/servers")).timeout(REQUEST_TIMEOUT)
                .header("X-Auth-Token", TOKEN).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long sent = System.nanoTime();
        round.sent.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long answered = System.nanoTime();
            try {
                if (failure == null && response.statusCode() == 202) {
                    round.accepted(answered - sent, answered);
                } else {
                    round.failed(failure != null ? failure.toString()
                            : "HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private void progress(Round round, long start) {
        LatencySamples recent;
        synchronized (lagLock) {
            recent = recentLags;
            recentLags = new LatencySamples();
        }
        Settled now = settled(round);
        System.out.printf(Locale.ROOT, "  %5.1f s: %s sent %,d, 202 %,d, failed %d, held back %d; ACTIVE %,d; "
                        + "lag since last line p50 %.0f ms p99 %.0f ms (n=%d)%n", (System.nanoTime() - start) / 1e9,
                round.prefix, round.sent.get(), round.acceptedCount(), round.failures.get(), round.heldBack.get(),
                now.active(), recent.millis(50), recent.millis(99), recent.count());
    }

    /** Waits until every accepted server of the round is ACTIVE or ERROR, at most {@code --drain} seconds. */
    private Settled awaitSettled(Round round, String what) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(settings.drain());
        Settled now = settled(round);
        long nextProgress = start + PROGRESS.toNanos();
        while (now.active() + now.error() < round.acceptedCount() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            now = settled(round);
            if (System.nanoTime() > nextProgress) {
                nextProgress += PROGRESS.toNanos();
                progress(round, round.firstSent);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d accepted, %,d ACTIVE, %,d ERROR, %.1f s after the last POST%n", what,
                round.acceptedCount(), now.active(), now.error(), (System.nanoTime() - round.lastSent) / 1e9);
        return now;
    }

    /** The round's servers ACTIVE and in ERROR in the cells' views, and when the last one turned ACTIVE. */
    private Settled settled(Round round) {
        long active = 0;
        long error = 0;
        Instant lastLaunched = null;
        for (String cell : CELLS) {
            Map<String, Object> row = polycell.store(cell).jdbc().queryForMap("SELECT count(*) FILTER (WHERE vm_state "
                    + "= 'active') AS active, count(*) FILTER (WHERE vm_state = 'error') AS error, max(launched_at) "
                    + "AS launched FROM instance_view WHERE name LIKE ?", round.prefix + "%");
            active += ((Number) row.get("active")).longValue();
            error += ((Number) row.get("error")).longValue();
            Object launched = row.get("launched");
            Instant at = launched instanceof Timestamp timestamp ? timestamp.toInstant()
                    : launched instanceof OffsetDateTime time ? time.toInstant() : null;
            if (at != null && (lastLaunched == null || at.isAfter(lastLaunched))) {
                lastLaunched = at;
            }
        }
        return new Settled(active, error, lastLaunched);
    }

    private void awaitIndexHead() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.drain());
        while (!feed.reachedHead() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private int report(Round round, Settled settled, AfterTheBurst after) {
        double window = (round.lastAnswered.get() - round.firstSent) / 1e9;
        double offeredWindow = (round.lastSent - round.firstSent) / 1e9;
        double acceptedPerSecond = round.acceptedCount() / window;
        Instant firstPost = round.firstSentAt;
        double toActive = settled.lastLaunched() == null ? Double.NaN
                : Duration.between(firstPost, settled.lastLaunched()).toNanos() / 1e9;
        LatencySamples measured;
        long measuredDocuments;
        long measuredBulks;
        synchronized (lagLock) {
            measured = lags;
            measuredDocuments = documents;
            measuredBulks = bulks;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Results: %d boots/s offered for %d s%n", settings.rate(), settings.duration());
        System.out.printf(Locale.ROOT, "  POSTs sent               %,d in %.1f s (%.1f/s); %d held back by the "
                + "in-flight cap%n", round.sent.get(), offeredWindow, round.sent.get() / offeredWindow, round.heldBack.get());
        System.out.printf(Locale.ROOT, "  202 answers              %,d, %.1f/s (first POST to last answer, %.1f s); "
                + "%d failed%s%n", round.acceptedCount(), acceptedPerSecond, window, round.failures.get(),
                round.firstFailure.get() == null ? "" : " (first: " + round.firstFailure.get() + ")");
        System.out.println("  POST latency             " + round.postLatency().line());
        System.out.printf(Locale.ROOT, "  ACTIVE                   %,d, ERROR %,d; last ACTIVE %.1f s after the first "
                + "POST (%.1f ACTIVE/s)%n", settled.active(), settled.error(), toActive, settled.active() / toActive);
        System.out.printf(Locale.ROOT, "  index writes             %,d documents in %,d bulk requests (%.1f per bulk)%n",
                measuredDocuments, measuredBulks, measuredBulks == 0 ? 0.0 : (double) measuredDocuments / measuredBulks);
        System.out.println("  event-to-searchable lag  " + measured.line());
        synchronized (lagLock) {
            System.out.println("  per bulk, newest event   " + freshest.line());
            System.out.println("  time between bulks       " + betweenBulks.line());
        }
        synchronized (deliveryLock) {
            System.out.println("  delivery to a stream     " + delivery.line()
                    + "  (every event of the stores, read at the head)");
        }
        System.out.printf(Locale.ROOT, "RESULT rate=%d duration_s=%d sent=%d accepted=%d accepted_per_s=%.1f "
                        + "post_p50_ms=%.1f post_p99_ms=%.1f active=%d error=%d active_per_s=%.1f events=%d documents=%d "
                        + "lag_p50_ms=%.1f lag_p90_ms=%.1f lag_p99_ms=%.1f lag_max_ms=%.1f build_requests_after=%d "
                        + "list_index_p50_ms=%.1f list_merge_p50_ms=%.1f%n", settings.rate(),
                settings.duration(), round.sent.get(), round.acceptedCount(), acceptedPerSecond,
                round.postLatency().millis(50), round.postLatency().millis(99), settled.active(), settled.error(),
                settled.active() / toActive, measured.count(), measuredDocuments, measured.millis(50),
                measured.millis(90), measured.millis(99), measured.millis(100), after.buildRequests(),
                after.index().millis(50), after.merge().millis(50));
        return round.failures.get() == 0 && settled.active() == round.acceptedCount() ? 0 : 1;
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    private record Settled(long active, long error, Instant lastLaunched) {
    }

    /** The POSTs of one round and their answers. */
    private static final class Round {
        final String prefix;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger heldBack = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final AtomicLong lastAnswered = new AtomicLong();
        volatile Instant firstSentAt;
        private final LatencySamples posts = new LatencySamples();
        long firstSent;
        volatile long lastSent;

        Round(String prefix) {
            this.prefix = prefix;
        }

        synchronized void accepted(long latencyNanos, long answeredAt) {
            posts.add(latencyNanos);
            lastAnswered.accumulateAndGet(answeredAt, Math::max);
        }

        void failed(String failure) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, abbreviate(failure));
        }

        synchronized int acceptedCount() {
            return posts.count();
        }

        synchronized LatencySamples postLatency() {
            return posts;
        }
    }

    private record Settings(int rate, int duration, int warmup, int hosts, int maxInFlight, int drain, Path dataDir) {

        static Settings parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("usage: IndexLagBenchmark [--rate N] [--duration S] "
                            + "[--warmup S] [--hosts N] [--max-in-flight N] [--drain S] [--data-dir DIR]; got " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            Set<String> known = Set.of("rate", "duration", "warmup", "hosts", "max-in-flight", "drain", "data-dir");
            values.keySet().stream().filter(key -> !known.contains(key)).findFirst().ifPresent(key -> {
                throw new IllegalArgumentException("unknown option --" + key);
            });
            return new Settings(Integer.parseInt(values.getOrDefault("rate", "200")),
                    Integer.parseInt(values.getOrDefault("duration", "30")),
                    Integer.parseInt(values.getOrDefault("warmup", "5")),
                    Integer.parseInt(values.getOrDefault("hosts", "8")),
                    Integer.parseInt(values.getOrDefault("max-in-flight", "256")),
                    Integer.parseInt(values.getOrDefault("drain", "180")),
                    values.containsKey("data-dir") ? Path.of(values.get("data-dir")) : null);
        }
    }
}
