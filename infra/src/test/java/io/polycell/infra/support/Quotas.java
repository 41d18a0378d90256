package io.polycell.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Setting and reading quotas through the API, as an admin. */
public final class Quotas {

    public static final String ADMIN = "admin:admin";

    private Quotas() {
    }

    /** Sets some of a project's limits ({@code "instances": 50, "cores": -1}); fails unless 200. */
    public static void set(RunningPolycell polycell, String projectId, String limits) {
        RunningPolycell.Response response = polycell.put(ADMIN, "/v2.1/os-quota-sets/" + projectId,
                "{\"quota_set\": {" + limits + "}}", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The project's quota detail: every resource with its limit, in_use and reserved. */
    public static JsonNode detail(RunningPolycell polycell, String projectId) {
        RunningPolycell.Response response = polycell.get(ADMIN, "/v2.1/os-quota-sets/" + projectId + "/detail");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("quota_set");
    }

    public static long inUse(RunningPolycell polycell, String projectId, String resource) {
        return detail(polycell, projectId).path(resource).path("in_use").asLong();
    }

    /** Waits until the project's quota has {@code expected} of {@code resource} in use. */
    public static void awaitInUse(RunningPolycell polycell, String projectId, String resource, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> inUse(polycell, projectId, resource) == expected);
    }

    /** The drift report of one project: its quota's count beside the count recomputed from the events. */
    public static JsonNode drift(RunningPolycell polycell, String projectId) {
        RunningPolycell.Response response = polycell.get(ADMIN, "/v2.1/os-quota-sets/" + projectId + "/drift");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("quota_drift");
    }
}
