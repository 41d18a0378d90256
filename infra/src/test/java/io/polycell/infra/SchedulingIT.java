package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler follows what operators say through the API: availability zones from aggregates
 * (read from the API tier's events), and hosts forced down through os-services.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingIT {

    private static final String KIM = "kim:tenant-k";
    private static final String ADMIN = "admin:tenant-k";

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir);
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    @Test
    void aServerAskingForAZoneLandsOnAHostOfThatZone() {
        JsonNode aggregate = polycell.post(ADMIN, "/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"east\", \"availability_zone\": \"az-east\"}}").json().path("aggregate");
        String aggregateId = aggregate.path("id").asString();
        assertThat(polycell.post(ADMIN, "/v2.1/os-aggregates/" + aggregateId + "/action",
                "{\"add_host\": {\"host\": \"cell2-host3\"}}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "az-east".equals(polycell.system().hostStates()
                .get("cell2-host3").orElseThrow().attribute("aggregates", "availability_zone")));

        for (int i = 0; i < 3; i++) {
            String id = boot("east-" + i, "az-east");
            Servers.awaitStatus(polycell, KIM, id, "ACTIVE");
            assertThat(host(id)).isEqualTo("cell2-host3");
            assertThat(polycell.get(KIM, "/v2.1/servers/" + id).json().path("server")
                    .path("OS-EXT-AZ:availability_zone").asString()).isEqualTo("az-east");
        }
        RunningPolycell.Response nowhere = polycell.post(KIM, "/v2.1/servers", "{\"server\": {\"name\": \"nowhere\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\", "
                + "\"availability_zone\": \"az-nowhere\"}}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().path("badRequest").path("message").asString())
                .isEqualTo("The requested availability zone is not available");
        String inTheDefaultZone = boot("default-zone", "nova");
        Servers.awaitStatus(polycell, KIM, inTheDefaultZone, "ACTIVE");
        assertThat(host(inTheDefaultZone)).isNotEqualTo("cell2-host3");
        assertThat(polycell.get(KIM, "/v2.1/servers/" + inTheDefaultZone).json().path("server")
                .path("OS-EXT-AZ:availability_zone").asString()).isEqualTo("nova");
    }

    @Test
    void aHostForcedDownTakesNoNewServer() {
        String service = polycell.get(ADMIN, "/v2.1/os-services?host=cell1-host1", "2.53").json().path("services").get(0)
                .path("id").asString();
        assertThat(polycell.put(ADMIN, "/v2.1/os-services/" + service, "{\"forced_down\": true}", "2.53").status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "true".equals(polycell.system().hostStates()
                .get("cell1-host1").orElseThrow().attribute("operator", "forced_down")));

        for (int i = 0; i < 10; i++) {
            String id = boot("not-there-" + i, null);
            Servers.awaitStatus(polycell, KIM, id, "ACTIVE");
            assertThat(host(id)).isNotEqualTo("cell1-host1");
        }
    }

    private String boot(String name, String zone) {
        String body = "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", \"imageRef\": \""
                + RunningPolycell.IMAGE + "\"" + (zone == null ? "" : ", \"availability_zone\": \"" + zone + "\"") + "}}";
        RunningPolycell.Response response = polycell.post(KIM, "/v2.1/servers", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("server").path("id").asString();
    }

    private String host(String id) {
        return polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server").path("OS-EXT-SRV-ATTR:host")
                .asString();
    }
}
