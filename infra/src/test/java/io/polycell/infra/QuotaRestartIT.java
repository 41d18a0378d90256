package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.routing.Outcomes;
import io.polycell.infra.support.Quotas;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.SetQuotaLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Quotas live in the API store's events and snapshots: after a restart every project has the limits
 * and the usage it had, and the configured defaults apply to the others.
 */
class QuotaRestartIT {

    private static final String MEMBER = "alice:p-restart";
    private static final String DEFAULTS = "polycell.quota.defaults.instances=3";

    @TempDir
    Path dataDir;

    @Test
    void limitsAndUsageSurviveARestart() {
        try (RunningPolycell first = RunningPolycell.start(dataDir, DEFAULTS)) {
            assertThat(first.get(MEMBER, "/v2.1/os-quota-sets/p-restart/defaults").json().path("quota_set")
                    .path("instances").asInt()).isEqualTo(3);
            Quotas.set(first, "p-restart", "\"cores\": 2");
            first.boot(MEMBER, "a", "1");
            first.boot(MEMBER, "b", "1");
            for (int keyPairs = 1; keyPairs <= ProjectQuotas.SNAPSHOT_EVERY; keyPairs++) {
                Outcomes.await(first.system().router().toApi(new SetQuotaLimits("p-restart", null,
                        Map.of(QuotaResource.KEY_PAIRS, keyPairs), false)));
            }
            JdbcTemplate api = first.system().store(Polycell.API).jdbc();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.queryForObject("SELECT count(*) FROM "
                    + "snapshotevententry WHERE aggregateidentifier = 'p-restart'", Integer.class) == 1);
            Outcomes.await(first.system().router().toApi(new SetQuotaLimits("p-restart", null,
                    Map.of(QuotaResource.KEY_PAIRS, 4242), false)));
            // Without the events the snapshot stands for, only a snapshot read back whole gives the state.
            int forgotten = api.update("DELETE FROM domainevententry WHERE aggregateidentifier = 'p-restart' AND "
                    + "sequencenumber <= (SELECT max(sequencenumber) FROM snapshotevententry WHERE "
                    + "aggregateidentifier = 'p-restart')");
            assertThat(forgotten).isGreaterThanOrEqualTo(ProjectQuotas.SNAPSHOT_EVERY);
        }
        try (RunningPolycell second = RunningPolycell.start(dataDir, DEFAULTS)) {
            JsonNode detail = Quotas.detail(second, "p-restart");
            assertThat(detail.path("instances").path("in_use").asInt()).isEqualTo(2);
            assertThat(detail.path("instances").path("limit").asInt()).isEqualTo(3);
            assertThat(detail.path("cores").path("limit").asInt()).isEqualTo(2);
            assertThat(detail.path("key_pairs").path("limit").asInt()).isEqualTo(4242);
            Response refused = second.post(MEMBER, "/v2.1/servers", "{\"server\": {\"name\": \"c\", \"flavorRef\": "
                    + "\"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("forbidden").path("message").asString())
                    .isEqualTo("Quota exceeded for cores: Requested 1, but already used 2 of 2 cores");
            assertThat(Quotas.drift(second, "p-restart").path("drifted").asBoolean()).isFalse();
        }
    }
}
