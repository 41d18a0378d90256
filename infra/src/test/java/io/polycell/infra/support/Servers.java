package io.polycell.infra.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Waiting for servers to settle, through the API. */
public final class Servers {

    private Servers() {
    }

    /** Waits until the server shows {@code status} (as seen by {@code token}) and returns it. */
    public static JsonNode awaitStatus(RunningPolycell polycell, String token, String id, String status) {
        List<JsonNode> last = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            RunningPolycell.Response response = polycell.get(token, "/v2.1/servers/" + id);
            JsonNode server = response.json().path("server");
            last.clear();
            last.add(server);
            return response.status() == 200 && status.equals(server.path("status").asString());
        });
        return last.get(0);
    }

    /** Waits until the server is gone for {@code token} (404). */
    public static void awaitGone(RunningPolycell polycell, String token, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> polycell.get(token, "/v2.1/servers/" + id).status() == 404);
    }
}
