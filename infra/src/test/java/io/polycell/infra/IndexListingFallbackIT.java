package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.search.node.EmbeddedSearchNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * With the search cluster gone, listings merge the cells' views and say so; once it is back, they are
 * read from the index again without anyone stepping in. The cluster is a real node of our own, given
 * to Polycell as an external cluster so the test can stop it and start it again on the same port.
 */
class IndexListingFallbackIT {

    private static final String BOB = "bob:tenant-b";

    @TempDir
    Path dataDir;
    @TempDir
    Path nodeDir;

    @Test
    void listsByMergeSortWhileElasticsearchIsDownAndReturnsToTheIndexWhenItIsBack() {
        EmbeddedSearchNode node = EmbeddedSearchNode.start(nodeDir);
        int port = node.httpUrl().getPort();
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.search.enabled=true",
                "polycell.search.url=" + node.httpUrl())) {
            String kept = polycell.boot(BOB, "kept", "1");
            Servers.awaitStatus(polycell, BOB, kept, "ACTIVE");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "index".equals(polycell.get(BOB, "/v2.1/servers").listing()));

            node.stop();
            RunningPolycell.Response down = polycell.get(BOB, "/v2.1/servers/detail");
            assertThat(down.status()).isEqualTo(200);
            assertThat(down.listing()).isEqualTo("merge");
            assertThat(ids(down.json())).containsExactly(kept);
            assertThat(polycell.get(null, "/health").json().path("search").path("listings").path("merge")
                    .asLong()).isPositive();

            node = EmbeddedSearchNode.start(nodeDir, EmbeddedSearchNode.DEFAULT_HEAP, port);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "index".equals(polycell.get(BOB, "/v2.1/servers").listing()));
            assertThat(ids(polycell.get(BOB, "/v2.1/servers").json())).containsExactly(kept);
        } finally {
            node.stop();
        }
    }

    private static List<String> ids(JsonNode body) {
        return StreamSupport.stream(body.path("servers").spliterator(), false)
                .map(server -> server.path("id").asString()).toList();
    }
}
