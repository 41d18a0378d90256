package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.scheduler.HostState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two scheduler replicas that share nothing, and more concurrent boots than the cloud has room for:
 * the host aggregates' claims keep every host within its capacity, and every server ends ACTIVE or in
 * cell0 with "No valid host was found."
 */
class SchedulerRaceIT {

    private static final String JUDY = "judy:tenant-j";
    private static final String ADMIN = "admin:tenant-j";
    private static final int SLOTS_PER_HOST = 4;
    private static final int HOSTS = 4;
    private static final int BOOTS = 24;

    @TempDir
    Path dataDir;

    @Test
    void concurrentBootsFillTheLastSlotsWithoutOverCommit() {
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.scheduler.replicas=2",
                "polycell.cells.cell1.hosts=2", "polycell.cells.cell1.vcpus=" + SLOTS_PER_HOST,
                "polycell.cells.cell1.ram-mb=65536", "polycell.cells.cell1.disk-gb=1000",
                "polycell.cells.cell2.hosts=2", "polycell.cells.cell2.vcpus=" + SLOTS_PER_HOST,
                "polycell.cells.cell2.ram-mb=65536", "polycell.cells.cell2.disk-gb=1000")) {
            List<String> ids = IntStream.range(0, BOOTS)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> polycell.boot(JUDY, "race-" + i, "1")))
                    .toList().stream().map(CompletableFuture::join).toList();

            Map<String, JsonNode> settled = new HashMap<>();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (String id : ids) {
                    JsonNode server = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");
                    String status = server.path("status").asString();
                    if (status.equals("ACTIVE") || status.equals("ERROR")) {
                        settled.put(id, server);
                    }
                }
                return settled.size() == BOOTS;
            });

            Map<String, Integer> activePerHost = new HashMap<>();
            long errors = 0;
            for (JsonNode server : settled.values()) {
                if (server.path("status").asString().equals("ACTIVE")) {
                    activePerHost.merge(server.path("OS-EXT-SRV-ATTR:host").asString(), 1, Integer::sum);
                } else {
                    errors++;
                    assertThat(server.path("fault").path("message").asString()).startsWith("No valid host was found.");
                }
            }
            assertThat(activePerHost.values()).allMatch(count -> count <= SLOTS_PER_HOST);
            assertThat(activePerHost.values().stream().mapToInt(Integer::intValue).sum())
                    .isEqualTo(HOSTS * SLOTS_PER_HOST);
            assertThat(errors).isEqualTo(BOOTS - HOSTS * SLOTS_PER_HOST);
            for (HostState host : polycell.system().hostStates().all()) {
                assertThat(host.used().vcpus()).as(host.host()).isLessThanOrEqualTo(host.capacity().vcpus());
            }
        }
    }
}
