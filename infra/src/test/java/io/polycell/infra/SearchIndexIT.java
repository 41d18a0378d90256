package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.searchlight.index.SearchIndexFeed;
import io.polycell.searchlight.index.ServerDocument;
import io.polycell.searchlight.index.ServerIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default with its search index: the Elasticsearch node under the data directory, every
 * server's document kept by the indexer (ERROR in cell0 and deleted ones included), and the indexer's
 * position kept in the API store, so a restart reads on instead of reading everything again.
 */
class SearchIndexIT {

    private static final String BOB = "bob:tenant-b";
    private static final String ADMIN = "admin:tenant-b";

    @TempDir
    Path dataDir;

    @Test
    void indexesEveryServerAndAfterARestartReadsOnFromItsStoredPosition() throws IOException {
        String active;
        String deleted;
        String failed;
        long eventsBefore;
        try (RunningPolycell first = RunningPolycell.start(dataDir, "polycell.search.enabled=true")) {
            assertThat(Files.isDirectory(dataDir.resolve("elasticsearch/data"))).isTrue();
            JsonNode health = first.get(null, "/health").json().path("search");
            assertThat(health.path("cluster").asString()).isEqualTo("embedded");
            assertThat(health.path("ready").asBoolean()).isTrue();

            assertThat(first.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"galactic\", \"ram\": 9999999, "
                    + "\"vcpus\": 4096, \"disk\": 1, \"id\": \"galactic\"}}").status()).isEqualTo(200);
            active = first.boot(BOB, "kept", "1");
            deleted = first.boot(BOB, "gone", "1");
            failed = first.boot(BOB, "too-big", "galactic");
            Servers.awaitStatus(first, BOB, active, "ACTIVE");
            Servers.awaitStatus(first, BOB, deleted, "ACTIVE");
            Servers.awaitStatus(first, BOB, failed, "ERROR");
            assertThat(first.delete(BOB, "/v2.1/servers/" + deleted).status()).isEqualTo(204);
            Servers.awaitGone(first, BOB, deleted);

            awaitIndexed(first);
            assertThat(document(first, active).status()).isEqualTo("ACTIVE");
            assertThat(document(first, active).cell()).isEqualTo("cell1");
            assertThat(document(first, active).timeToActive()).isNotNull().isPositive();
            assertThat(document(first, deleted).status()).isEqualTo("DELETED");
            assertThat(document(first, deleted).deletedAt()).isNotNull();
            assertThat(document(first, failed).status()).isEqualTo("ERROR");
            assertThat(document(first, failed).cell()).isEqualTo("cell0");
            assertThat(document(first, failed).faultMessage()).startsWith("No valid host was found.");
            eventsBefore = first.system().search().feed().indexer().eventsRead();
            assertThat(eventsBefore).isPositive();
        }

        try (RunningPolycell second = RunningPolycell.start(dataDir, "polycell.search.enabled=true")) {
            awaitIndexed(second);
            SearchIndexFeed feed = second.system().search().feed();
            assertThat(feed.indexer().eventsRead()).as("events read again after the restart")
                    .isLessThan(eventsBefore);
            assertThat(document(second, active).status()).isEqualTo("ACTIVE");

            String later = second.boot(BOB, "later", "1");
            Servers.awaitStatus(second, BOB, later, "ACTIVE");
            awaitIndexed(second);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(document(second, later).status()));
            assertThat(document(second, deleted).status()).isEqualTo("DELETED");
        }
    }

    @Test
    void searchIsOffWhenTheSettingSaysSoAndTheHealthSaysSo() {
        try (RunningPolycell polycell = RunningPolycell.start(dataDir)) {
            JsonNode search = polycell.get(null, "/health").json().path("search");
            assertThat(search.path("enabled").asBoolean()).isFalse();
            assertThat(polycell.system().search().feed()).isNull();
            assertThat(Files.exists(dataDir.resolve("elasticsearch"))).isFalse();
        }
    }

    private static void awaitIndexed(RunningPolycell polycell) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> polycell.system().search().feed() != null
                        && polycell.system().search().feed().reachedHead());
    }

    private static ServerDocument document(RunningPolycell polycell, String id) throws IOException {
        ServerIndex index = polycell.system().search().index();
        ElasticsearchClient client = index.client();
        GetResponse<ServerDocument> response = client.get(g -> g.index(index.alias()).id(id).realtime(true),
                ServerDocument.class);
        assertThat(response.found()).as("document of %s", id).isTrue();
        return response.source();
    }
}
