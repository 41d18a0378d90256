package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Every server action through HTTP, with Nova's states, refusals and instance actions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerActionsIT {

    private static final String DANA = "dana:tenant-d";
    private static final String ADMIN = "admin:tenant-d";
    private static final String DEBIAN = "d3b1a7c2-4f5e-4a6b-8c9d-0e1f2a3b4c5d";

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
    void everyActionMovesTheServerThroughNovasStates() {
        String id = activeServer("cycle");

        act(id, "{\"os-stop\": null}", "SHUTOFF", "stopped", 4);
        act(id, "{\"os-start\": null}", "ACTIVE", "active", 1);
        act(id, "{\"pause\": null}", "PAUSED", "paused", 3);
        act(id, "{\"unpause\": null}", "ACTIVE", "active", 1);
        act(id, "{\"suspend\": null}", "SUSPENDED", "suspended", 7);
        act(id, "{\"resume\": null}", "ACTIVE", "active", 1);
        act(id, "{\"reboot\": {\"type\": \"SOFT\"}}", "ACTIVE", "active", 1);
        act(id, "{\"reboot\": {\"type\": \"HARD\"}}", "ACTIVE", "active", 1);

        JsonNode actions = polycell.get(DANA, "/v2.1/servers/" + id + "/os-instance-actions").json()
                .path("instanceActions");
        assertThat(actions).extracting(action -> action.path("action").asString()).containsExactly(
                "reboot", "reboot", "resume", "suspend", "unpause", "pause", "start", "stop", "create");
        String stopRequest = actions.get(7).path("request_id").asString();
        JsonNode stop = polycell.get(ADMIN, "/v2.1/servers/" + id + "/os-instance-actions/" + stopRequest).json()
                .path("instanceAction");
        assertThat(stop.path("user_id").asString()).isEqualTo("dana");
        assertThat(stop.path("events").get(0).path("event").asString()).isEqualTo("compute_stop_instance");
        assertThat(stop.path("events").get(0).path("result").asString()).isEqualTo("Success");
        assertThat(stop.path("events").get(0).has("traceback")).isTrue();
    }

    @Test
    void anActionTheStateDoesNotAllowIs409WithNovasMessage() {
        String id = activeServer("conflict");
        act(id, "{\"os-stop\": null}", "SHUTOFF", "stopped", 4);

        Response pause = polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"pause\": null}");

        assertThat(pause.status()).isEqualTo(409);
        assertThat(pause.json().path("conflictingRequest").path("message").asString())
                .isEqualTo("Cannot 'pause' instance " + id + " while it is in vm_state stopped");
    }

    @Test
    void aLockedServerRefusesItsOwnerUntilAnAdminUnlocksIt() {
        String id = activeServer("locked");
        assertThat(polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"lock\": null}").status()).isEqualTo(202);

        Response stop = polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"os-stop\": null}");
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.json().path("conflictingRequest").path("message").asString())
                .isEqualTo("Instance " + id + " is locked");
        assertThat(polycell.delete(DANA, "/v2.1/servers/" + id).status()).isEqualTo(409);

        assertThat(polycell.post(ADMIN, "/v2.1/servers/" + id + "/action", "{\"unlock\": null}").status())
                .isEqualTo(202);
        act(id, "{\"os-stop\": null}", "SHUTOFF", "stopped", 4);
    }

    @Test
    void aRebuildRunsTheServerOnTheNewImage() {
        String id = activeServer("rebuilt");
        Response rebuild = polycell.post(DANA, "/v2.1/servers/" + id + "/action",
                "{\"rebuild\": {\"imageRef\": \"" + DEBIAN + "\"}}");
        assertThat(rebuild.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> polycell.get(DANA, "/v2.1/servers/" + id).json()
                .path("server").path("image").path("id").asString().equals(DEBIAN));
        JsonNode server = Servers.awaitStatus(polycell, DANA, id, "ACTIVE");
        assertThat(server.path("OS-EXT-STS:task_state").isNull()).isTrue();
    }

    @Test
    void badActionsAre400AndOtherProjectsServersAre404() {
        String id = activeServer("strict");
        assertThat(polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"fly\": null}").json()
                .path("badRequest").path("message").asString()).isEqualTo("There is no such action: fly");
        assertThat(polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"reboot\": {\"type\": \"GENTLE\"}}")
                .status()).isEqualTo(400);
        assertThat(polycell.post(DANA, "/v2.1/servers/" + id + "/action", "{\"rebuild\": {\"imageRef\": \"nope\"}}")
                .status()).isEqualTo(400);
        assertThat(polycell.post("eve:tenant-e", "/v2.1/servers/" + id + "/action", "{\"os-stop\": null}").status())
                .isEqualTo(404);
        assertThat(polycell.get("eve:tenant-e", "/v2.1/servers/" + id + "/os-instance-actions").status())
                .isEqualTo(404);
    }

    private String activeServer(String name) {
        String id = polycell.boot(DANA, name, "1");
        Servers.awaitStatus(polycell, DANA, id, "ACTIVE");
        return id;
    }

    private void act(String id, String body, String status, String vmState, int powerState) {
        Response response = polycell.post(DANA, "/v2.1/servers/" + id + "/action", body);
        assertThat(response.status()).as(body + " " + response.body()).isEqualTo(202);
        String action = "/v2.1/servers/" + id + "/os-instance-actions/" + response.requestId();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode events = polycell.get(DANA, action).json().path("instanceAction").path("events");
            return events.size() == 1 && "Success".equals(events.get(0).path("result").asString());
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode server = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");
            return server.path("OS-EXT-STS:task_state").isNull()
                    && server.path("status").asString().equals(status)
                    && server.path("OS-EXT-STS:vm_state").asString().equals(vmState)
                    && server.path("OS-EXT-STS:power_state").asInt() == powerState;
        });
    }
}
