package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Group policies are enforced when the host is claimed, for any timing: Nova Zed with cells put three
 * servers booted back to back into one affinity group on two or three hosts; here they share one, and
 * an anti-affinity group's members never share one, even booted all at once with two schedulers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerGroupPolicyIT {

    private static final String LEO = "leo:tenant-l";
    private static final String ADMIN = "admin:tenant-l";

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir, "polycell.scheduler.replicas=2");
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    @Test
    void affinityMembersBootedAtOnceShareOneHost() {
        String group = group("web", "affinity");
        List<String> hosts = bootConcurrently(group, 3);
        assertThat(hosts).hasSize(3).containsOnly(hosts.get(0));
    }

    @Test
    void antiAffinityMembersBootedAtOnceNeverShareAHost() {
        String group = group("db", "anti-affinity");
        List<String> hosts = bootConcurrently(group, 5);
        assertThat(hosts).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownGroupIsRefused() {
        RunningPolycell.Response response = polycell.post(LEO, "/v2.1/servers", "{\"server\": {\"name\": \"x\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}, \"os:scheduler_hints\": "
                + "{\"group\": \"00000000-0000-0000-0000-000000000000\"}}");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aMultiCreateOfASoftAntiAffinityGroupIsSpreadInOneDecision() {
        String group = group("cache", "soft-anti-affinity");
        RunningPolycell.Response response = polycell.post(LEO, "/v2.1/servers", "{\"server\": {\"name\": \"cache\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\", \"min_count\": 4}, "
                + "\"os:scheduler_hints\": {\"group\": \"" + group + "\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);

        List<String> members = await().atMost(Duration.ofSeconds(30)).until(() -> polycell.get(LEO,
                "/v2.1/os-server-groups/" + group).json().path("server_group").path("members").valueStream()
                .map(JsonNode::asString).toList(), found -> found.size() == 4);
        List<String> hosts = members.stream().map(id -> {
            Servers.awaitStatus(polycell, LEO, id, "ACTIVE");
            return host(id);
        }).toList();
        assertThat(hosts).doesNotHaveDuplicates();
    }

    @Test
    void sameHostJoinsTheNamedServerAndDifferentHostAvoidsIt() {
        String first = polycell.boot(LEO, "anchor", "1");
        Servers.awaitStatus(polycell, LEO, first, "ACTIVE");
        String anchorHost = host(first);

        String near = bootWithHints("near", "{\"same_host\": [\"" + first + "\"]}");
        String away = bootWithHints("away", "{\"different_host\": \"" + first + "\"}");

        Servers.awaitStatus(polycell, LEO, near, "ACTIVE");
        Servers.awaitStatus(polycell, LEO, away, "ACTIVE");
        assertThat(host(near)).isEqualTo(anchorHost);
        assertThat(host(away)).isNotEqualTo(anchorHost);
        RunningPolycell.Response notUuid = polycell.post(LEO, "/v2.1/servers", "{\"server\": {\"name\": \"x\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}, "
                + "\"os:scheduler_hints\": {\"same_host\": \"anchor\"}}");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.json().path("badRequest").path("message").asString())
                .startsWith("Invalid input for field/attribute same_host.");
    }

    private String bootWithHints(String name, String hints) {
        RunningPolycell.Response response = polycell.post(LEO, "/v2.1/servers", "{\"server\": {\"name\": \"" + name
                + "\", \"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}, "
                + "\"os:scheduler_hints\": " + hints + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().path("server").path("id").asString();
    }

    private String host(String id) {
        return polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server").path("OS-EXT-SRV-ATTR:host")
                .asString();
    }

    private String group(String name, String policy) {
        RunningPolycell.Response created = polycell.post(LEO, "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"" + name + "\", \"policy\": \"" + policy + "\"}}", "2.64");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("server_group").path("id").asString();
    }

    private List<String> bootConcurrently(String group, int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            RunningPolycell.Response response = polycell.post(LEO, "/v2.1/servers", "{\"server\": {\"name\": \"m" + i
                    + "\", \"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}, "
                    + "\"os:scheduler_hints\": {\"group\": \"" + group + "\"}}");
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            return response.json().path("server").path("id").asString();
        })).toList().stream().map(CompletableFuture::join).toList();
        return ids.stream().map(id -> {
            Servers.awaitStatus(polycell, LEO, id, "ACTIVE");
            return host(id);
        }).toList();
    }
}
