package io.polycell.search.node.bench;

import io.polycell.search.node.EmbeddedSearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times the embedded node's life cycle and a bulk load, for docs/performance.md. Each run uses a fresh
 * data directory: a cold start (the home is unpacked first), a start on the unpacked home with no data, two
 * bulk loads of {@code --docs} small server documents each through {@code _bulk} (the second into a new
 * index, with the node's JIT warm), and a restart on that data. It also reads the node process's resident
 * memory. Run it with the command in docs/performance.md.
 */
public final class NodeStartBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private NodeStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = intArg(args, "--runs", 3);
        int docs = intArg(args, "--docs", 100_000);
        String heap = stringArg(args, "--heap", EmbeddedSearchNode.DEFAULT_HEAP);
        System.out.printf(Locale.ROOT, "heap %s, %d docs per bulk load, %d runs, %d processors%n",
                heap, docs, runs, Runtime.getRuntime().availableProcessors());
        System.out.println("run | cold start s | warm start s | bulk docs/s, 1st load | bulk docs/s, 2nd load | restart with data s | stop s | RSS after start MB | RSS after loads MB");
        for (int run = 1; run <= runs; run++) {
            Path dataDir = Files.createTempDirectory("search-node-bench-");
            try {
                long t0 = System.nanoTime();
                EmbeddedSearchNode node = EmbeddedSearchNode.start(dataDir, heap, 0);
                double cold = seconds(t0);
                node.stop();

                t0 = System.nanoTime();
                node = EmbeddedSearchNode.start(dataDir, heap, 0);
                double warm = seconds(t0);
                long rssStarted = rssMegabytes(node.pid());
                double firstLoad = bulkLoad(node.httpUrl(), "servers", docs);
                double secondLoad = bulkLoad(node.httpUrl(), "servers-again", docs);
                long rssLoaded = rssMegabytes(node.pid());
                t0 = System.nanoTime();
                node.stop();
                double stop = seconds(t0);

                t0 = System.nanoTime();
                node = EmbeddedSearchNode.start(dataDir, heap, 0);
                double restart = seconds(t0);
                long count = count(node.httpUrl());
                node.stop();
                if (count != docs) {
                    throw new IllegalStateException("After the restart the index holds " + count + " documents, not " + docs);
                }
                System.out.printf(Locale.ROOT, "%d | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f | %d | %d%n",
                        run, cold, warm, firstLoad, secondLoad, restart, stop, rssStarted, rssLoaded);
            } finally {
                deleteTree(dataDir);
            }
        }
    }

    /** Indexes {@code docs} documents in requests of 1,000, with external versions as the indexer will. */
    private static double bulkLoad(URI node, String index, int docs) throws IOException, InterruptedException {
        send(node, "PUT", "/" + index, """
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                 "mappings": {"properties": {"id": {"type": "keyword"}, "name": {"type": "text"},
                   "cell": {"type": "keyword"}, "state": {"type": "keyword"}, "created": {"type": "date"},
                   "ram": {"type": "integer"}}}}""");
        int batch = 1000;
        long t0 = System.nanoTime();
        for (int from = 0; from < docs; from += batch) {
            StringBuilder body = new StringBuilder();
            for (int i = from; i < Math.min(docs, from + batch); i++) {
                body.append("{\"index\":{\"_id\":\"s-").append(i).append("\",\"version\":1,\"version_type\":\"external\"}}\n");
                body.append("{\"id\":\"s-").append(i).append("\",\"name\":\"web server ").append(i)
                        .append("\",\"cell\":\"cell").append(i % 3).append("\",\"state\":\"ACTIVE\",\"created\":")
                        .append(1_767_225_600_000L + i).append(",\"ram\":512}\n");
            }
            String response = send(node, "POST", "/" + index + "/_bulk", body.toString());
            if (response.contains("\"errors\":true")) {
                throw new IllegalStateException("Bulk request failed: " + response.substring(0, Math.min(500, response.length())));
            }
        }
        send(node, "POST", "/" + index + "/_refresh", "");
        return docs / seconds(t0);
    }

    private static long count(URI node) throws IOException, InterruptedException {
        String body = send(node, "GET", "/servers/_count", "");
        return Long.parseLong(body.replaceAll(".*\"count\":(\\d+).*", "$1"));
    }

    private static String send(URI node, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(node.resolve(path))
                .header("Content-Type", path.endsWith("_bulk") ? "application/x-ndjson" : "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int intArg(String[] args, String name, int fallback) {
        return Integer.parseInt(stringArg(args, name, Integer.toString(fallback)));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
