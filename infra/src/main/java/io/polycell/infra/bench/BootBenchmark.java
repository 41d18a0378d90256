package io.polycell.infra.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Boot benchmark for an already running Polycell (or any OpenStack Compute v2.1 compatible) API.
 *
 * <p>It exists to measure boot throughput and boot latency against the running default
 * deployment, with every create in flight at once unless told otherwise, so that growth of
 * latency with the number of concurrent boots N is visible instead of being hidden behind a
 * one-server smoke test (seed 002's lesson). Run it with a few values of {@code --count} and
 * compare the percentiles.
 *
 * <p>What a run does: optionally boots and deletes {@code --warmup} servers (not measured);
 * sends {@code --count} {@code POST /v2.1/servers} with at most {@code --concurrency} in flight,
 * timing each one; meanwhile lists {@code /v2.1/servers/detail} every 50 ms (following pages) and
 * notes, per server of this run, the first listing that shows it ACTIVE or ERROR; stops when all
 * have settled or {@code --timeout-seconds} (counted from the first POST) has passed; prints a
 * report, optionally deletes the servers ({@code --cleanup}), and ends with one machine-readable
 * {@code RESULT key=value ...} line.
 *
 * <p>Only the given base URL is contacted: no proxy, no redirects, and pagination links are
 * rebuilt against the base URL from their marker. Every request has a 30 s timeout and every loop
 * ends at the run timeout.
 *
 * <p>How to run, against a server already listening:
 * <pre>
 *   java -cp infra/target/classes io.polycell.infra.bench.BootBenchmark --count 400
 *   java -cp infra/target/classes io.polycell.infra.bench.BootBenchmark \
 *       --url http://127.0.0.1:8774 --count 400 --concurrency 50 --warmup 5 --cleanup
 * </pre>
 *
 * <p>Exit status: 0 if every server reached ACTIVE, 1 otherwise, 2 on a usage error.
 */
public final class BootBenchmark {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int PAGE_LIMIT = 1000;
    private static final int MAX_PAGES_PER_POLL = 10_000;
    private static final int MAX_ERROR_CHARS = 300;

    private static final String USAGE = String.join("\n",
            "usage: BootBenchmark [options]",
            "  --url URL              compute API base URL (default http://127.0.0.1:8774)",
            "  --count N              servers to boot (default 40)",
            "  --concurrency C        POSTs in flight at once (default N)",
            "  --flavor REF           flavorRef (default 1)",
            "  --image REF            imageRef (default c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61)",
            "  --token TOKEN          X-Auth-Token (default bench:bench)",
            "  --timeout-seconds S    give up waiting S seconds after the first POST (default 300)",
            "  --warmup K             boot and delete K servers first, not measured (default 0)",
            "  --cleanup              delete the measured servers afterwards");

    private final Options options;
    private final ComputeApi api;
    private final String runId;
    private final PrintStream out;

    private BootBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.api = new ComputeApi(options.baseUrl(), options.token());
        this.runId = UUID.randomUUID().toString().substring(0, 8);
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        int exitCode;
        try {
            exitCode = new BootBenchmark(options, System.out).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 1;
        }
        System.out.flush();
        System.exit(exitCode);
    }

    private int run() throws InterruptedException {
        printHeader();
        warmUp();
        BootRound round = new BootRound(api, options, "bench-" + runId + "-",
                options.count(), options.concurrency());
        round.run();
        Summary summary = Summary.of(round, options.concurrency());
        printReport(summary);
        if (options.cleanup()) {
            DeleteOutcome deleted = deleteAll(round.createdIds());
            out.println("cleanup: " + deleted.describe());
        }
        printResultLine(summary);
        return summary.allActive() ? 0 : 1;
    }

    private void warmUp() throws InterruptedException {
        int warmup = options.warmup();
        if (warmup == 0) {
            return;
        }
        BootRound round = new BootRound(api, options, "bench-" + runId + "-warmup-",
                warmup, Math.min(warmup, options.concurrency()));
        round.run();
        Summary summary = Summary.of(round, Math.min(warmup, options.concurrency()));
        DeleteOutcome deleted = deleteAll(round.createdIds());
        out.printf(Locale.ROOT, "warmup: %d requested, %d ACTIVE, %d ERROR, %d unsettled, %d POST failures"
                        + " in %.3f s; deleted %s%n",
                warmup, summary.active(), summary.error(), summary.unsettled(), summary.postFailures(),
                summary.wallSeconds(), deleted.describe());
    }

    private DeleteOutcome deleteAll(List<String> ids) throws InterruptedException {
        if (ids.isEmpty()) {
            return new DeleteOutcome(0, 0, null);
        }
        AtomicInteger deleted = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(ids.size(), options.concurrency()), daemonThreads("bench-delete"));
        for (String id : ids) {
            pool.execute(() -> {
                String failure = deleteOne(id);
                if (failure == null) {
                    deleted.incrementAndGet();
                } else {
                    firstFailure.compareAndSet(null, id + ": " + failure);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(options.timeout().toSeconds() + REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            firstFailure.compareAndSet(null, "deletion did not finish before the timeout");
        }
        return new DeleteOutcome(ids.size(), deleted.get(), firstFailure.get());
    }

    private String deleteOne(String id) {
        try {
            int status = api.deleteServer(id);
            boolean gone = (status >= 200 && status < 300) || status == 404;
            return gone ? null : "HTTP " + status;
        } catch (IOException | RuntimeException e) {
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void printHeader() {
        out.println("Polycell boot benchmark");
        out.println("  url                      " + options.baseUrl());
        out.println("  run                      bench-" + runId);
        out.println("  servers                  " + options.count());
        out.println("  concurrency              " + options.concurrency());
        out.println("  flavor / image           " + options.flavor() + " / " + options.image());
        out.println("  warmup                   " + options.warmup());
        out.println("  timeout                  " + options.timeout().toSeconds() + " s");
        out.flush();
    }

    private void printReport(Summary s) {
        out.println("Results");
        out.printf(Locale.ROOT, "  wall time                %.3f s (first POST to last status poll)%n", s.wallSeconds());
        out.printf(Locale.ROOT, "  throughput               %.2f servers/s (%d ACTIVE in %.3f s, first POST to last ACTIVE)%n",
                s.serversPerSecond(), s.active(), s.activeWindowSeconds());
        out.println("  POST latency (202)       " + percentileLine(s.postMillis()));
        out.println("  time to ACTIVE           " + percentileLine(s.activeMillis()));
        out.println("  ACTIVE                   " + s.active());
        out.println("  ERROR                    " + s.error());
        out.println("  still BUILD at timeout   " + s.unsettled()
                + (s.unsettled() == 0 ? "" : " (last seen: " + s.unsettledStatuses() + ")"));
        out.println("  non-202 POST answers     " + s.postFailures());
        if (s.firstPostFailure() != null) {
            out.println("  first POST error         " + s.firstPostFailure());
        }
        if (s.listingFailures() > 0) {
            out.println("  failed listings          " + s.listingFailures() + ", first: " + s.firstListingFailure());
        }
        out.flush();
    }

    private void printResultLine(Summary s) {
        out.printf(Locale.ROOT,
                "RESULT n=%d concurrency=%d servers_per_s=%.2f post_p50_ms=%.1f post_p99_ms=%.1f"
                        + " active_p50_ms=%.1f active_p99_ms=%.1f active=%d error=%d timeout=%d"
                        + " post_failed=%d wall_s=%.3f%n",
                s.requested(), s.concurrency(), s.serversPerSecond(),
                Percentiles.of(s.postMillis(), 50), Percentiles.of(s.postMillis(), 99),
                Percentiles.of(s.activeMillis(), 50), Percentiles.of(s.activeMillis(), 99),
                s.active(), s.error(), s.unsettled(), s.postFailures(), s.wallSeconds());
        out.flush();
    }

    private static String percentileLine(double[] sortedMillis) {
        if (sortedMillis.length == 0) {
            return "none (n=0)";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (n=%d)",
                Percentiles.of(sortedMillis, 50), Percentiles.of(sortedMillis, 90),
                Percentiles.of(sortedMillis, 99), Percentiles.of(sortedMillis, 100), sortedMillis.length);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(" <- ").append(cause.getClass().getSimpleName());
        }
        return cause.getMessage() == null ? text.toString() : text + ": " + abbreviate(cause.getMessage());
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_ERROR_CHARS ? flat : flat.substring(0, MAX_ERROR_CHARS) + "...";
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Command line options; {@link #parse} returns null when help was asked for. */
    private record Options(URI baseUrl, int count, int concurrency, String flavor, String image,
                           String token, Duration timeout, boolean cleanup, int warmup) {

        private static final Set<String> VALUED = Set.of(
                "url", "count", "concurrency", "flavor", "image", "token", "timeout-seconds", "warmup");

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            boolean cleanup = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                if (arg.equals("--cleanup")) {
                    cleanup = true;
                    continue;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
                int equals = arg.indexOf('=');
                String key = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
                if (!VALUED.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key);
                }
                if (equals > 0) {
                    values.put(key, arg.substring(equals + 1));
                } else if (i + 1 < args.length) {
                    values.put(key, args[++i]);
                } else {
                    throw new IllegalArgumentException("missing value for --" + key);
                }
            }
            int count = intValue(values, "count", 40, 1);
            return new Options(
                    baseUrl(values.getOrDefault("url", "http://127.0.0.1:8774")),
                    count,
                    intValue(values, "concurrency", count, 1),
                    nonEmpty(values, "flavor", "1"),
                    nonEmpty(values, "image", "c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61"),
                    nonEmpty(values, "token", "bench:bench"),
                    Duration.ofSeconds(intValue(values, "timeout-seconds", 300, 1)),
                    cleanup,
                    intValue(values, "warmup", 0, 0));
        }

        private static URI baseUrl(String text) {
            String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--url is not a valid URL: " + text);
            }
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("--url must be http(s)://host[:port][/path]: " + text);
            }
            return uri;
        }

        private static int intValue(Map<String, String> values, String key, int fallback, int minimum) {
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text.trim());
                if (value < minimum) {
                    throw new IllegalArgumentException("--" + key + " must be at least " + minimum);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " is not an integer: " + text);
            }
        }

        private static String nonEmpty(Map<String, String> values, String key, String fallback) {
            String value = values.getOrDefault(key, fallback);
            if (value.isBlank()) {
                throw new IllegalArgumentException("--" + key + " must not be empty");
            }
            return value;
        }
    }

    /** The four compute API calls the benchmark makes, all against the configured base URL. */
    private static final class ComputeApi {
        private final HttpClient http;
        private final String base;
        private final String token;

        ComputeApi(URI baseUrl, String token) {
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REQUEST_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();
            this.base = baseUrl.toString();
            this.token = token;
        }

        HttpResponse<String> createServer(String name, String flavor, String image)
                throws IOException, InterruptedException {
            String body = "{\"server\":{\"name\":" + Json.quote(name)
                    + ",\"flavorRef\":" + Json.quote(flavor)
                    + ",\"imageRef\":" + Json.quote(image) + "}}";
            HttpRequest request = request("/v2.1/servers", REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        ServerPage listServers(String marker, Duration timeout) throws IOException, InterruptedException {
            String path = "/v2.1/servers/detail?limit=" + PAGE_LIMIT
                    + (marker == null ? "" : "&marker=" + URLEncoder.encode(marker, StandardCharsets.UTF_8));
            HttpRequest request = request(path, timeout).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IOException("listing answered HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            return ServerPage.parse(response.body());
        }

        int deleteServer(String id) throws IOException, InterruptedException {
            String path = "/v2.1/servers/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
            HttpRequest request = request(path, REQUEST_TIMEOUT).DELETE().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private HttpRequest.Builder request(String path, Duration timeout) {
            return HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("X-Auth-Token", token)
                    .header("Accept", "application/json");
        }
    }

    private record ListedServer(String id, String status) {
    }

    private record ServerPage(List<ListedServer> servers, boolean hasNext) {

        static ServerPage parse(String body) {
            Object document = Json.parse(body);
            List<ListedServer> servers = new ArrayList<>();
            for (Object entry : Json.list(Json.field(document, "servers"))) {
                String id = Json.string(Json.field(entry, "id"));
                String status = Json.string(Json.field(entry, "status"));
                if (id != null) {
                    servers.add(new ListedServer(id, status == null ? "" : status.toUpperCase(Locale.ROOT)));
                }
            }
            boolean hasNext = false;
            for (Object link : Json.list(Json.field(document, "servers_links"))) {
                hasNext |= "next".equals(Json.string(Json.field(link, "rel")));
            }
            return new ServerPage(servers, hasNext);
        }

        String lastId() {
            return servers.get(servers.size() - 1).id();
        }
    }

    /**
     * One server of a round. POST fields are written by one pool thread and published to the
     * poller through {@link BootRound#byId}; the settled fields belong to the polling thread.
     */
    private static final class Boot {
        final String name;
        volatile long sentNanos;
        volatile long answeredNanos;
        volatile String id;
        volatile String failure;
        long settledNanos;
        String settledStatus;
        String lastStatus = "not listed";

        Boot(String name) {
            this.name = name;
        }

        boolean accepted() {
            return id != null;
        }
    }

    /** Boots {@code count} servers with bounded concurrency while polling the listing for their status. */
    private static final class BootRound {
        private final ComputeApi api;
        private final Options options;
        private final int concurrency;
        private final List<Boot> boots = new ArrayList<>();
        private final Map<String, Boot> byId = new ConcurrentHashMap<>();
        private final CountDownLatch postsPending;
        private long deadlineNanos;
        private long startNanos;
        private long finishedNanos;
        private int settled;
        private int listingFailures;
        private String firstListingFailure;

        BootRound(ComputeApi api, Options options, String namePrefix, int count, int concurrency) {
            this.api = api;
            this.options = options;
            this.concurrency = concurrency;
            this.postsPending = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                boots.add(new Boot(namePrefix + i));
            }
        }

        void run() throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency, daemonThreads("bench-post"));
            CountDownLatch startGate = new CountDownLatch(1);
            for (Boot boot : boots) {
                pool.execute(() -> postWhenOpen(startGate, boot));
            }
            pool.shutdown();
            startNanos = System.nanoTime();
            deadlineNanos = startNanos + options.timeout().toNanos();
            startGate.countDown();
            pollUntilSettled();
            finishedNanos = System.nanoTime();
            pool.shutdownNow();
            pool.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            for (Boot boot : boots) {
                if (!boot.accepted() && boot.failure == null) {
                    boot.failure = "no answer before the run timeout";
                }
            }
        }

        List<Boot> boots() {
            return boots;
        }

        List<String> createdIds() {
            List<String> ids = new ArrayList<>();
            for (Boot boot : boots) {
                if (boot.accepted()) {
                    ids.add(boot.id);
                }
            }
            return ids;
        }

        long startNanos() {
            return startNanos;
        }

        long finishedNanos() {
            return finishedNanos;
        }

        int listingFailures() {
            return listingFailures;
        }

        String firstListingFailure() {
            return firstListingFailure;
        }

        private void postWhenOpen(CountDownLatch startGate, Boot boot) {
            try {
                startGate.await();
                post(boot);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                boot.failure = "not sent before the run timeout";
            } finally {
                postsPending.countDown();
            }
        }

        private void post(Boot boot) {
            boot.sentNanos = System.nanoTime();
            try {
                HttpResponse<String> response = api.createServer(boot.name, options.flavor(), options.image());
                boot.answeredNanos = System.nanoTime();
                String id = response.statusCode() == 202 ? serverIdOf(response.body()) : null;
                if (id == null) {
                    boot.failure = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
                } else {
                    boot.id = id;
                    byId.put(id, boot);
                }
            } catch (IOException | RuntimeException e) {
                boot.answeredNanos = System.nanoTime();
                boot.failure = describe(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                boot.failure = "no answer before the run timeout";
            }
        }

        private static String serverIdOf(String body) {
            try {
                return Json.string(Json.field(Json.field(Json.parse(body), "server"), "id"));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private void pollUntilSettled() throws InterruptedException {
            while (true) {
                long pollStart = System.nanoTime();
                boolean allPosted = postsPending.getCount() == 0;
                if (unsettled() > 0) {
                    pollOnce();
                }
                if (allPosted && unsettled() == 0) {
                    return;
                }
                if (System.nanoTime() >= deadlineNanos) {
                    return;
                }
                sleepUntil(Math.min(pollStart + POLL_INTERVAL_NANOS, deadlineNanos));
            }
        }

        private int unsettled() {
            return byId.size() - settled;
        }

        private void pollOnce() throws InterruptedException {
            String marker = null;
            try {
                for (int page = 0; page < MAX_PAGES_PER_POLL; page++) {
                    ServerPage listing = api.listServers(marker, remainingRequestTimeout());
                    long seenNanos = System.nanoTime();
                    for (ListedServer server : listing.servers()) {
                        Boot boot = byId.get(server.id());
                        if (boot != null) {
                            observe(boot, server.status(), seenNanos);
                        }
                    }
                    if (!listing.hasNext() || listing.servers().isEmpty() || listing.lastId().equals(marker)) {
                        return;
                    }
                    marker = listing.lastId();
                }
            } catch (IOException | RuntimeException e) {
                listingFailures++;
                if (firstListingFailure == null) {
                    firstListingFailure = describe(e);
                }
            }
        }

        private void observe(Boot boot, String status, long seenNanos) {
            boot.lastStatus = status;
            boolean terminal = status.equals("ACTIVE") || status.equals("ERROR");
            if (terminal && boot.settledStatus == null) {
                boot.settledStatus = status;
                boot.settledNanos = seenNanos;
                settled++;
            }
        }

        private Duration remainingRequestTimeout() {
            long remaining = deadlineNanos - System.nanoTime();
            long bounded = Math.max(TimeUnit.SECONDS.toNanos(1), Math.min(remaining, REQUEST_TIMEOUT.toNanos()));
            return Duration.ofNanos(bounded);
        }

        private static void sleepUntil(long targetNanos) throws InterruptedException {
            long remaining = targetNanos - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.sleep(remaining);
            }
        }
    }

    /** Everything the report prints, computed once from a finished round; millisecond arrays are sorted. */
    private record Summary(int requested, int concurrency, double wallSeconds, double serversPerSecond,
                           double activeWindowSeconds, double[] postMillis, double[] activeMillis,
                           int active, int error, int unsettled, String unsettledStatuses,
                           int postFailures, String firstPostFailure,
                           int listingFailures, String firstListingFailure) {

        static Summary of(BootRound round, int concurrency) {
            List<Double> postMillis = new ArrayList<>();
            List<Double> activeMillis = new ArrayList<>();
            Map<String, Integer> unsettledStatuses = new TreeMap<>();
            int active = 0;
            int error = 0;
            int unsettled = 0;
            int postFailures = 0;
            String firstPostFailure = null;
            long firstSent = Long.MAX_VALUE;
            long lastActive = Long.MIN_VALUE;
            for (Boot boot : round.boots()) {
                if (boot.sentNanos != 0) {
                    firstSent = Math.min(firstSent, boot.sentNanos);
                }
                if (!boot.accepted()) {
                    postFailures++;
                    firstPostFailure = firstPostFailure == null ? boot.failure : firstPostFailure;
                    continue;
                }
                postMillis.add(millis(boot.answeredNanos - boot.sentNanos));
                if ("ACTIVE".equals(boot.settledStatus)) {
                    active++;
                    activeMillis.add(millis(boot.settledNanos - boot.sentNanos));
                    lastActive = Math.max(lastActive, boot.settledNanos);
                } else if ("ERROR".equals(boot.settledStatus)) {
                    error++;
                } else {
                    unsettled++;
                    unsettledStatuses.merge(boot.lastStatus, 1, Integer::sum);
                }
            }
            double window = active == 0 ? 0 : (lastActive - firstSent) / 1e9;
            return new Summary(round.boots().size(), concurrency,
                    (round.finishedNanos() - round.startNanos()) / 1e9,
                    window > 0 ? active / window : 0, window,
                    sorted(postMillis), sorted(activeMillis),
                    active, error, unsettled, describeCounts(unsettledStatuses),
                    postFailures, firstPostFailure,
                    round.listingFailures(), round.firstListingFailure());
        }

        boolean allActive() {
            return active == requested;
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }

        private static double[] sorted(Collection<Double> values) {
            double[] array = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(array);
            return array;
        }

        private static String describeCounts(Map<String, Integer> counts) {
            StringBuilder text = new StringBuilder();
            counts.forEach((status, n) -> text.append(text.length() == 0 ? "" : ", ").append(status).append('=').append(n));
            return text.toString();
        }
    }

    private record DeleteOutcome(int requested, int deleted, String firstFailure) {
        String describe() {
            return deleted + "/" + requested + (firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    /**
     * Nearest-rank percentiles: for p in (0, 100] and n sorted samples the result is the sample at
     * 1-based rank ceil(p * n / 100), i.e. the smallest sample with at least p% of the samples at or
     * below it; p = 100 is the maximum. No interpolation. An empty sample set yields NaN.
     */
    private static final class Percentiles {
        private Percentiles() {
        }

        static double of(double[] sorted, int percent) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            long rank = ((long) percent * sorted.length + 99) / 100;
            return sorted[(int) Math.max(1, Math.min(rank, sorted.length)) - 1];
        }
    }

    /**
     * A minimal JSON reader (objects become maps, arrays lists, numbers doubles) plus the few
     * navigation helpers the benchmark needs. Malformed input raises IllegalArgumentException.
     */
    private static final class Json {
        private static final int MAX_DEPTH = 256;

        private final String text;
        private int position;
        private int depth;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("no JSON body");
            }
            Json reader = new Json(text);
            reader.skipWhitespace();
            Object value = reader.value();
            reader.skipWhitespace();
            if (reader.position != text.length()) {
                throw reader.error("trailing characters");
            }
            return value;
        }

        static Object field(Object object, String name) {
            return object instanceof Map<?, ?> map ? map.get(name) : null;
        }

        static List<?> list(Object value) {
            return value instanceof List<?> list ? list : List.of();
        }

        static String string(Object value) {
            return value instanceof String s ? s : null;
        }

        static String quote(String value) {
            StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> quoted.append("\\\"");
                    case '\\' -> quoted.append("\\\\");
                    case '\n' -> quoted.append("\\n");
                    case '\r' -> quoted.append("\\r");
                    case '\t' -> quoted.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            quoted.append(c);
                        }
                    }
                }
            }
            return quoted.append('"').toString();
        }

        private Object value() {
            if (position >= text.length()) {
                throw error("unexpected end of input");
            }
            char c = text.charAt(position);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw error("unexpected character '" + c + "'");
                }
            };
        }

        private Map<String, Object> object() {
            enter();
            position++;
            Map<String, Object> members = new LinkedHashMap<>();
            skipWhitespace();
            if (consume('}')) {
                depth--;
                return members;
            }
            do {
                skipWhitespace();
                if (position >= text.length() || text.charAt(position) != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                members.put(name, value());
                skipWhitespace();
            } while (consume(','));
            expect('}');
            depth--;
            return members;
        }

        private List<Object> array() {
            enter();
            position++;
            List<Object> elements = new ArrayList<>();
            skipWhitespace();
            if (consume(']')) {
                depth--;
                return elements;
            }
            do {
                skipWhitespace();
                elements.add(value());
                skipWhitespace();
            } while (consume(','));
            expect(']');
            depth--;
            return elements;
        }

        private String string() {
            position++;
            StringBuilder value = new StringBuilder();
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (position >= text.length()) {
                    break;
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> value.append(unicodeEscape());
                    default -> throw error("bad escape \\" + escaped);
                }
            }
            throw error("unterminated string");
        }

        private char unicodeEscape() {
            if (position + 4 > text.length()) {
                throw error("short \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
                position += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("bad \\u escape");
            }
        }

        private Double number() {
            int start = position;
            while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
            try {
                return Double.valueOf(text.substring(start, position));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, position)) {
                throw error("expected " + word);
            }
            position += word.length();
            return value;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nesting deeper than " + MAX_DEPTH);
            }
        }

        private boolean consume(char expected) {
            if (position < text.length() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected) {
            if (!consume(expected)) {
                throw error("expected '" + expected + "'");
            }
        }

        private void skipWhitespace() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("malformed JSON at offset " + position + ": " + problem);
        }
    }
}
