package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A cell whose database refuses connections (Nova answers every listing with a 500 then): its servers
 * are still listed, from the search index, as Nova's minimal UNKNOWN records at microversion 2.69 and
 * left out before it; the other cell's servers are listed in full; filters still apply; once the
 * database answers again the cell is listed from its view and then the index takes over again.
 */
class DownCellIT {

    private static final String BOB = "bob:tenant-b";
    private static final String ADMIN = "admin:tenant-a";

    @TempDir
    Path dataDir;

    @Test
    void aCellWhoseDatabaseRefusesConnectionsIsListedFromTheIndex() throws SQLException {
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.search.enabled=true",
                "polycell.cells.cell1.hosts=1", "polycell.cells.cell2.hosts=1")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(polycell.boot(BOB, "web-" + i, "1"));
            }
            Map<String, String> cellOf = new TreeMap<>();
            for (String id : ids) {
                Servers.awaitStatus(polycell, BOB, id, "ACTIVE");
                String host = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server")
                        .path("OS-EXT-SRV-ATTR:host").asString();
                cellOf.put(id, host.substring(0, host.indexOf("-host")));
            }
            List<String> inCell2 = ids.stream().filter(id -> cellOf.get(id).equals("cell2")).toList();
            List<String> inCell1 = ids.stream().filter(id -> cellOf.get(id).equals("cell1")).toList();
            assertThat(inCell1).as("servers spread over both cells").isNotEmpty();
            assertThat(inCell2).isNotEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> polycell.system().search().feed().reachedHead());

            refuseConnections(polycell, "cell2", true);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !polycell.get(null, "/health").json().path("cell_databases_answering").path("cell2").asBoolean());

            long asked = System.nanoTime();
            RunningPolycell.Response services = polycell.get(ADMIN, "/v2.1/os-services?binary=nova-compute");
            assertThat(services.status()).isEqualTo(200);
            assertThat(services.json().path("services")).extracting(service -> service.path("host").asString())
                    .as("the down cell's host is left out, the other cell's is still listed")
                    .containsExactly("cell1-host1");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("without waiting for the down cell")
                    .isLessThan(Duration.ofSeconds(5));

            RunningPolycell.Response detail = polycell.get(BOB, "/v2.1/servers/detail", "2.69");
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.listing()).isEqualTo("merge");
            List<JsonNode> servers = servers(detail.json());
            assertThat(servers).extracting(server -> server.path("id").asString())
                    .containsExactlyInAnyOrderElementsOf(ids);
            for (JsonNode server : servers) {
                if (inCell2.contains(server.path("id").asString())) {
                    assertThat(fieldNames(server)).containsExactly("created", "id", "status", "tenant_id", "links");
                    assertThat(server.path("status").asString()).isEqualTo("UNKNOWN");
                    assertThat(server.path("tenant_id").asString()).isEqualTo("tenant-b");
                } else {
                    assertThat(server.path("status").asString()).isEqualTo("ACTIVE");
                    assertThat(server.path("flavor").isMissingNode()).isFalse();
                }
            }

            List<JsonNode> summaries = servers(polycell.get(BOB, "/v2.1/servers", "2.69").json());
            assertThat(summaries).filteredOn(server -> inCell2.contains(server.path("id").asString()))
                    .allSatisfy(server -> assertThat(fieldNames(server)).containsExactly("id", "status", "links"));
            assertThat(servers(polycell.get(BOB, "/v2.1/servers").json()))
                    .as("before 2.69 Nova leaves the servers of a down cell out")
                    .extracting(server -> server.path("id").asString()).containsExactlyInAnyOrderElementsOf(inCell1);

            String one = inCell2.get(0);
            String name = "web-" + ids.indexOf(one);
            assertThat(servers(polycell.get(BOB, "/v2.1/servers/detail?name=" + name + "$", "2.69").json()))
                    .as("filters apply to what the index knows").extracting(server -> server.path("id").asString())
                    .containsExactly(one);
            RunningPolycell.Response paged = polycell.get(BOB, "/v2.1/servers?limit=1&marker=" + one, "2.69");
            assertThat(paged.status()).as("a marker in the down cell").isEqualTo(200);

            JsonNode shown = polycell.get(BOB, "/v2.1/servers/" + one, "2.69").json().path("server");
            assertThat(fieldNames(shown)).containsExactly("OS-EXT-AZ:availability_zone", "OS-EXT-STS:power_state",
                    "created", "flavor", "id", "image", "status", "tenant_id", "user_id", "links");
            assertThat(shown.path("status").asString()).isEqualTo("UNKNOWN");
            RunningPolycell.Response before269 = polycell.get(BOB, "/v2.1/servers/" + one);
            assertThat(before269.status()).isEqualTo(503);
            assertThat(before269.json().path("serviceUnavailable").path("message").asString())
                    .contains("does not answer");
            assertThat(polycell.get(BOB, "/v2.1/servers/" + inCell1.get(0), "2.69").json().path("server")
                    .path("status").asString()).isEqualTo("ACTIVE");

            refuseConnections(polycell, "cell2", false);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    polycell.get(null, "/health").json().path("cell_databases_answering").path("cell2").asBoolean());
            assertThat(polycell.get(ADMIN, "/v2.1/os-services?binary=nova-compute").json().path("services"))
                    .extracting(service -> service.path("host").asString())
                    .containsExactlyInAnyOrder("cell1-host1", "cell2-host1");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                RunningPolycell.Response back = polycell.get(BOB, "/v2.1/servers/detail", "2.69");
                assertThat(servers(back.json())).allSatisfy(server ->
                        assertThat(server.path("status").asString()).isEqualTo("ACTIVE")).hasSize(ids.size());
                assertThat(back.listing()).as("the index takes over again once its feed catches up")
                        .isEqualTo("index");
            });
        }
    }

    /** Makes the cell's database refuse new connections and drops the open ones, or lets it answer again. */
    private static void refuseConnections(RunningPolycell polycell, String database, boolean refuse)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(polycell.system().databaseUrl("postgres"),
                polycell.system().databaseUser(), "");
             Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS " + !refuse);
            if (refuse) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database + "'");
            }
        }
    }

    private static List<JsonNode> servers(JsonNode body) {
        return StreamSupport.stream(body.path("servers").spliterator(), false).toList();
    }

    private static List<String> fieldNames(JsonNode server) {
        return new ArrayList<>(server.propertyNames());
    }
}
