package io.polycell.search.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's Elasticsearch: a real node in a child JVM, started from the same {@code java}
 * as this process, with everything it writes under {@code <dataDir>/elasticsearch} (data, logs and its
 * unpacked home). Its jars never join this process's classpath, so they cannot clash with the
 * application's Netty, log4j or Jackson.
 *
 * <p>The node lives no longer than this process: {@link #stop()} ends it cleanly, a shutdown hook does
 * the same when the JVM exits, and if this process dies without running its hooks the node sees its
 * standard input close and shuts itself down.
 */
public final class EmbeddedSearchNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSearchNode.class);

    /** Heap of the node's JVM unless told otherwise. */
    public static final String DEFAULT_HEAP = "512m";
    /** How long a start may take before it is given up: several times a start on a busy two-core machine. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

    /** Must match the line the node's main class prints once it serves HTTP. */
    static final String READY = "polycell-search-node ready http=";
    static final String MAIN_CLASS = "io.polycell.search.node.bootstrap.SearchNodeMain";
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int LINES_KEPT = 20;

    private final Process process;
    private final OutputStream lifeline;
    private final Thread output;
    private final Thread shutdownHook;
    private final URI httpUrl;
    private final Path directory;
    private final Path logFile;

    private EmbeddedSearchNode(Process process, Thread output, URI httpUrl, Path directory, Path logFile) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.output = output;
        this.httpUrl = httpUrl;
        this.directory = directory;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::stop, "search-node-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a node on {@code dataDir} with the default heap on a free port. */
    public static EmbeddedSearchNode start(Path dataDir) {
        return start(dataDir, DEFAULT_HEAP, 0);
    }

    /**
     * Starts a node with its files under {@code <dataDir>/elasticsearch} and returns once it answers HTTP
     * and its cluster is at least yellow.
     *
     * @param heap     the node JVM's heap, as for {@code -Xmx} ({@code 512m}, {@code 1g})
     * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free one
     * @throws IllegalStateException when the node exits or does not become ready in time; the message names
     *                               the node's log file
     */
    public static EmbeddedSearchNode start(Path dataDir, String heap, int httpPort) {
        return start(dataDir, heap, httpPort, DEFAULT_START_TIMEOUT);
    }

    /** As {@link #start(Path, String, int)}, giving up after {@code timeout}. */
    public static EmbeddedSearchNode start(Path dataDir, String heap, int httpPort, Duration timeout) {
        if (!HEAP.matcher(heap).matches()) {
            throw new IllegalArgumentException("Heap must look like 512m or 1g, got: " + heap);
        }
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0 (any free port) or a port number, got: " + httpPort);
        }
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Path directory = dataDir.toAbsolutePath().normalize().resolve("elasticsearch");
        Path logs = directory.resolve("logs");
        Path logFile = logs.resolve("elasticsearch.log");
        log.info("Starting the embedded Elasticsearch node (data in {})", directory.resolve("data"));

        SearchNodeHome packaged = SearchNodeHome.packaged();
        Path home = packaged.unpackInto(directory);
        Process process = launch(command(home, directory, heap, httpPort), directory, logs);
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread output = new Thread(() -> relay(process, ready, lastLines), "search-node-output");
        output.setDaemon(true);
        output.start();

        EmbeddedSearchNode node;
        try {
            String address = ready.get(remaining(deadline), TimeUnit.NANOSECONDS);
            node = new EmbeddedSearchNode(process, output, URI.create("http://" + address), directory, logFile);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("The embedded Elasticsearch node did not start within "
                    + timeout.toSeconds() + " s; see its log " + logFile + lastLinesOf(lastLines));
        } catch (ExecutionException e) {
            awaitExit(process);
            throw new IllegalStateException("The embedded Elasticsearch node stopped during start-up"
                    + exitCode(process) + "; see its log " + logFile + lastLinesOf(lastLines));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedded Elasticsearch node started", e);
        }

        try {
            node.awaitYellow(deadline);
        } catch (RuntimeException e) {
            node.stop();
            throw e;
        }
        packaged.removeOthersIn(directory);
        log.info("Elasticsearch node ready on {} after {} s", node.httpUrl,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
        return node;
    }

    /** Where the node answers HTTP, for example {@code http://127.0.0.1:41234}. */
    public URI httpUrl() {
        return httpUrl;
    }

    /** {@code <dataDir>/elasticsearch}: the node's data, logs and unpacked home. */
    public Path directory() {
        return directory;
    }

    /** The node's own log, the place to look when it misbehaves. */
    public Path logFile() {
        return logFile;
    }

    /** The child process's id. */
    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Stops the node and waits for its process to end: it closes its indices first, and is killed only if
     * it has not ended within 30 s. Does nothing when it has already ended.
     */
    public void stop() {
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs or has run; stopping twice is harmless
            }
        }
        if (!process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        log.info("Stopping the embedded Elasticsearch node (pid {})", process.pid());
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("The embedded Elasticsearch node did not stop within {} s; killing it (pid {})",
                        STOP_TIMEOUT.toSeconds(), process.pid());
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            output.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        closeQuietly(lifeline);
        log.info("Elasticsearch node stopped after {} s",
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    }

    @Override
    public void close() {
        stop();
    }

    static List<String> command(Path home, Path directory, String heap, int httpPort) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.add("-XX:+UseG1GC");
        command.add("-XX:+HeapDumpOnOutOfMemoryError");
        command.add("-XX:HeapDumpPath=" + directory.resolve("logs"));
        command.add("-XX:ErrorFile=" + directory.resolve("logs").resolve("hs_err_pid%p.log"));
        command.add("-Xss1m");
        command.add("-Djava.io.tmpdir=" + directory.resolve("tmp"));
        command.add("-Djava.awt.headless=true");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Djna.nosys=true");
        // Elasticsearch stops log4j itself once the node is closed.
        command.add("-Dlog4j.shutdownHookEnabled=false");
        command.add("-Dlog4j2.disable.jmx=true");
        command.add("-Dlog4j2.formatMsgNoLookups=true");
        command.add("-Dio.netty.noUnsafe=true");
        command.add("-Dio.netty.noKeySetOptimization=true");
        command.add("-Dio.netty.recycler.maxCapacityPerThread=0");
        command.add("-cp");
        command.add(home.resolve("lib") + "/*");
        command.add(MAIN_CLASS);
        command.add("path.home=" + home);
        command.add("path.data=" + directory.resolve("data"));
        command.add("path.logs=" + directory.resolve("logs"));
        command.add("http.port=" + httpPort);
        command.add("transport.port=0");
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static Process launch(List<String> command, Path directory, Path logs) {
        try {
            Files.createDirectories(logs);
            Files.createDirectories(directory.resolve("tmp"));
            Files.createDirectories(directory.resolve("data"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("CLASSPATH");
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Elasticsearch node's JVM (" + command.get(0) + ")", e);
        }
    }

    /**
     * Reads the node's console: the ready line completes {@code ready}; every other line (warnings and
     * errors only, by the node's logging configuration) goes to this process's log.
     */
    private static void relay(Process process, CompletableFuture<String> ready, Deque<String> lastLines) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String read = lines.readLine(); read != null; read = lines.readLine()) {
                String line = read.strip();
                if (line.startsWith(READY)) {
                    ready.complete(line.substring(READY.length()));
                    continue;
                }
                if (line.isEmpty()) {
                    continue;
                }
                synchronized (lastLines) {
                    if (lastLines.size() == LINES_KEPT) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                log.warn("Elasticsearch: {}", line);
            }
        } catch (IOException e) {
            log.debug("The embedded Elasticsearch node's output ended: {}", e.getMessage());
        }
        ready.completeExceptionally(new IllegalStateException("The node's output ended"));
    }

    private void awaitYellow(long deadline) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        while (true) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining(deadline)));
            HttpRequest request = HttpRequest.newBuilder(
                            httpUrl.resolve("/_cluster/health?wait_for_status=yellow&timeout=" + seconds + "s"))
                    .timeout(Duration.ofSeconds(seconds + 5))
                    .GET()
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                if (remaining(deadline) <= 0) {
                    throw new IllegalStateException("The embedded Elasticsearch node's cluster did not become yellow: "
                            + response.statusCode() + " " + response.body() + "; see its log " + logFile);
                }
            } catch (IOException e) {
                // not listening yet, or the connection dropped while the node settles: ask again in a moment
                if (remaining(deadline) <= 0 || !process.isAlive()) {
                    throw new IllegalStateException("The embedded Elasticsearch node does not answer on " + httpUrl
                            + "; see its log " + logFile, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the embedded Elasticsearch node", e);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void awaitExit(Process process) {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String exitCode(Process process) {
        return process.isAlive() ? "" : " with exit code " + process.exitValue();
    }

    private static String lastLinesOf(Deque<String> lastLines) {
        synchronized (lastLines) {
            return lastLines.isEmpty() ? "" : "; its last words:\n  " + String.join("\n  ", lastLines);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded Elasticsearch node", e);
        }
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the node is gone; its standard input has nothing left to say
        }
    }
}
