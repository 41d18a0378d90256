package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Restarting the process on the same data keeps every server, host and flavor. */
class RestartIT {

    private static final String BOB = "bob:tenant-b";
    private static final String ADMIN = "admin:tenant-b";

    @TempDir
    Path dataDir;

    @Test
    void serversFlavorsAndHostsSurviveARestart() {
        List<String> ids;
        try (RunningPolycell first = RunningPolycell.start(dataDir)) {
            assertThat(first.post(ADMIN, "/v2.1/flavors",
                    "{\"flavor\": {\"name\": \"kept\", \"ram\": 1024, \"vcpus\": 1, \"disk\": 2, \"id\": \"kept\"}}")
                    .status()).isEqualTo(200);
            ids = List.of(first.boot(BOB, "a", "1"), first.boot(BOB, "b", "kept"), first.boot(BOB, "c", "2"));
            ids.forEach(id -> Servers.awaitStatus(first, BOB, id, "ACTIVE"));
        }

        try (RunningPolycell second = RunningPolycell.start(dataDir)) {
            JsonNode servers = second.get(BOB, "/v2.1/servers/detail").json().path("servers");
            assertThat(servers).extracting(server -> server.path("id").asString())
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(servers).extracting(server -> server.path("status").asString()).containsOnly("ACTIVE");
            assertThat(second.get(BOB, "/v2.1/flavors/kept").status()).isEqualTo(200);
            assertThat(second.system().hostStates().size()).isEqualTo(8);
            assertThat(second.system().hostStates().all().stream().mapToInt(host -> host.instances()).sum())
                    .isEqualTo(3);

            // The views' processors resume from their stored tokens and keep projecting new events.
            assertThat(second.post(ADMIN, "/v2.1/flavors",
                    "{\"flavor\": {\"name\": \"later\", \"ram\": 512, \"vcpus\": 1, \"disk\": 1, \"id\": \"later\"}}")
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> second.get(BOB, "/v2.1/flavors/later").status() == 200);

            String after = second.boot(BOB, "d", "kept");
            Servers.awaitStatus(second, BOB, after, "ACTIVE");
        }
    }
}
