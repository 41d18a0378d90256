package io.polycell.searchlight.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.polycell.search.node.EmbeddedSearchNode;
import io.polycell.searchlight.cluster.SearchClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real embedded node for one test class, with its client; closing stops it and deletes its data. */
final class TestNode implements AutoCloseable {

    private final Path dataDir;
    private final EmbeddedSearchNode node;
    private final ElasticsearchClient client;

    private TestNode(Path dataDir, EmbeddedSearchNode node, ElasticsearchClient client) {
        this.dataDir = dataDir;
        this.node = node;
        this.client = client;
    }

    /** Starts a node (512 MB heap, any free port) on a fresh temporary directory named after {@code use}. */
    static TestNode start(String use) throws IOException {
        Path dataDir = Files.createTempDirectory(use + "-");
        EmbeddedSearchNode node = EmbeddedSearchNode.start(dataDir, "512m", 0);
        return new TestNode(dataDir, node, SearchClients.forEmbeddedNode(node));
    }

    ElasticsearchClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            node.stop();
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
