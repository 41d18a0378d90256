package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import java.nio.file.Path;
import java.time.Instant;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The boot flow through HTTP against the assembled default on real PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BootFlowIT {

    private static final String ALICE = "alice:tenant-a";
    private static final String ADMIN = "admin:tenant-a";

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
    void bootsTwentyServersOverBothCellsAndPagesThroughThemInOrder() {
        String project = "paging:tenant-paging";
        List<CompletableFuture<String>> boots = IntStream.range(0, 20)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> polycell.boot(project, "vm-" + i, "1")))
                .toList();
        List<String> ids = boots.stream().map(CompletableFuture::join).toList();

        Set<String> hosts = new HashSet<>();
        for (String id : ids) {
            Servers.awaitStatus(polycell, project, id, "ACTIVE");
            JsonNode asAdmin = polycell.get("admin:tenant-paging", "/v2.1/servers/" + id).json().path("server");
            hosts.add(asAdmin.path("OS-EXT-SRV-ATTR:host").asString());
        }
        assertThat(hosts).anyMatch(host -> host.startsWith("cell1-")).anyMatch(host -> host.startsWith("cell2-"));

        List<JsonNode> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            Response page = polycell.get(project, "/v2.1/servers/detail?limit=7" + (marker == null ? "" : "&marker=" + marker));
            assertThat(page.status()).isEqualTo(200);
            JsonNode servers = page.json().path("servers");
            servers.forEach(seen::add);
            marker = page.json().has("servers_links") ? servers.get(servers.size() - 1).path("id").asString() : null;
            pages++;
            assertThat(servers.size()).isLessThanOrEqualTo(7);
        } while (marker != null && pages < 10);

        assertThat(seen).extracting(server -> server.path("id").asString()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        // The API shows created to the second; the order is by the exact instant, then id, both descending.
        Map<String, Instant> created = new HashMap<>();
        for (String cell : List.of("cell1", "cell2")) {
            polycell.system().store(cell).jdbc().query("SELECT instance_id, created_at FROM instance_view",
                    (ResultSet row) -> {
                        created.put(row.getString(1), row.getTimestamp(2).toInstant());
                    });
        }
        List<String> expected = ids.stream()
                .sorted(Comparator.comparing((String id) -> created.get(id)).thenComparing(id -> id).reversed())
                .toList();
        assertThat(seen).extracting(server -> server.path("id").asString()).containsExactlyElementsOf(expected);
    }

    @Test
    void anUnplaceableFlavorEndsInCell0InErrorWithNovasFault() {
        Response flavor = polycell.post(ADMIN, "/v2.1/flavors",
                "{\"flavor\": {\"name\": \"galactic\", \"ram\": 9999999, \"vcpus\": 4096, \"disk\": 1, \"id\": \"galactic\"}}");
        assertThat(flavor.status()).isEqualTo(200);

        String id = polycell.boot(ALICE, "too-big", "galactic");
        JsonNode server = Servers.awaitStatus(polycell, ALICE, id, "ERROR");

        assertThat(server.path("fault").path("code").asInt()).isEqualTo(500);
        assertThat(server.path("fault").path("message").asString()).isEqualTo("No valid host was found. ");
        assertThat(server.has("OS-EXT-SRV-ATTR:host")).isFalse();
        Integer inCell0 = polycell.system().store("cell0").jdbc()
                .queryForObject("SELECT count(*) FROM instance_view WHERE instance_id = ?", Integer.class, id);
        assertThat(inCell0).isEqualTo(1);
        JsonNode asAdmin = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");
        assertThat(asAdmin.path("OS-EXT-STS:vm_state").asString()).isEqualTo("error");
        assertThat(asAdmin.path("fault").path("details").asString()).contains("galactic");
    }

    @Test
    void aServerIsListedAsBuildOrActiveRightAfterItIsAccepted() {
        String project = "eager:tenant-eager";
        String id = polycell.boot(project, "eager", "1");
        JsonNode servers = polycell.get(project, "/v2.1/servers/detail").json().path("servers");
        assertThat(servers).extracting(server -> server.path("id").asString()).contains(id);
        assertThat(servers.get(0).path("status").asString()).isIn("BUILD", "ACTIVE");
    }

    @Test
    void anAdminSeesHostAndStatesAndAMemberDoesNotSeeTheHost() {
        String id = polycell.boot(ALICE, "visible", "1");
        Servers.awaitStatus(polycell, ALICE, id, "ACTIVE");

        JsonNode member = polycell.get(ALICE, "/v2.1/servers/" + id).json().path("server");
        JsonNode admin = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");

        assertThat(member.has("OS-EXT-SRV-ATTR:host")).isFalse();
        assertThat(member.path("hostId").asString()).hasSize(56);
        assertThat(admin.path("OS-EXT-SRV-ATTR:host").asString()).matches("cell[12]-host[1-4]");
        assertThat(admin.path("OS-EXT-STS:vm_state").asString()).isEqualTo("active");
        assertThat(admin.path("OS-EXT-STS:task_state").isNull()).isTrue();
        assertThat(admin.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(member.path("tenant_id").asString()).isEqualTo("tenant-a");
    }

    @Test
    void anotherProjectsServerIsNotFoundAndNotDeletable() {
        String id = polycell.boot(ALICE, "private", "1");
        Servers.awaitStatus(polycell, ALICE, id, "ACTIVE");

        Response show = polycell.get("mallory:tenant-m", "/v2.1/servers/" + id);
        Response delete = polycell.delete("mallory:tenant-m", "/v2.1/servers/" + id);

        assertThat(show.status()).isEqualTo(404);
        assertThat(show.json().path("itemNotFound").path("message").asString())
                .isEqualTo("Instance " + id + " could not be found.");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(polycell.get(ALICE, "/v2.1/servers/" + id).status()).isEqualTo(200);
        assertThat(polycell.get("mallory:tenant-m", "/v2.1/servers").json().path("servers")).isEmpty();
    }

    @Test
    void deleteAnswers204AndTheServerDisappears() {
        String id = polycell.boot(ALICE, "short-lived", "1");
        Servers.awaitStatus(polycell, ALICE, id, "ACTIVE");

        assertThat(polycell.delete(ALICE, "/v2.1/servers/" + id).status()).isEqualTo(204);
        Servers.awaitGone(polycell, ALICE, id);
        assertThat(polycell.get(ALICE, "/v2.1/servers").json().path("servers"))
                .extracting(server -> server.path("id").asString()).doesNotContain(id);
        assertThat(polycell.delete(ALICE, "/v2.1/servers/" + id).status()).isEqualTo(404);
    }

    @Test
    void healthSaysReadyOnceTheSchedulerHasCaughtUp() {
        Response health = polycell.get(null, "/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("ready");
        assertThat(health.json().path("scheduler").get(0).path("hosts").asInt()).isEqualTo(8);
    }

    @Test
    void requestsWithoutATokenAre401() {
        Response response = polycell.get(null, "/v2.1/servers");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").path("code").asInt()).isEqualTo(401);
    }

    @Test
    void listsNovasDefaultFlavorsAndTheImageCatalog() {
        JsonNode flavors = polycell.get(ALICE, "/v2.1/flavors/detail").json().path("flavors");
        assertThat(flavors).extracting(flavor -> flavor.path("name").asString())
                .contains("m1.tiny", "m1.small", "m1.medium", "m1.large", "m1.xlarge");
        JsonNode tiny = polycell.get(ALICE, "/v2.1/flavors/1").json().path("flavor");
        assertThat(tiny.path("ram").asInt()).isEqualTo(512);
        assertThat(tiny.path("vcpus").asInt()).isEqualTo(1);
        assertThat(tiny.path("disk").asInt()).isEqualTo(1);

        JsonNode image = polycell.get(ALICE, "/v2.1/images/" + RunningPolycell.IMAGE).json().path("image");
        assertThat(image.path("name").asString()).startsWith("cirros");
        assertThat(polycell.get(ALICE, "/v2.1/images/nope").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsManageFlavorsAndADeletedFlavorBootsNothing() {
        String body = "{\"flavor\": {\"name\": \"short\", \"ram\": 256, \"vcpus\": 1, \"disk\": 1, \"id\": \"short\"}}";
        assertThat(polycell.post(ALICE, "/v2.1/flavors", body).status()).isEqualTo(403);
        assertThat(polycell.post(ADMIN, "/v2.1/flavors", body).status()).isEqualTo(200);
        assertThat(polycell.post(ADMIN, "/v2.1/flavors", body).status()).isEqualTo(409);
        assertThat(polycell.delete(ADMIN, "/v2.1/flavors/short").status()).isEqualTo(202);

        Response boot = polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"short\", "
                + "\"imageRef\": \"" + RunningPolycell.IMAGE + "\"}}");
        assertThat(boot.status()).isEqualTo(400);
        assertThat(boot.json().path("badRequest").path("message").asString()).isEqualTo("Flavor short could not be found.");
    }

    @Test
    void badInputIsA4xxWithNovasErrorBody() {
        String image = RunningPolycell.IMAGE;
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": "), "Malformed request body");
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"flavorRef\": \"2\", \"imageRef\": \""
                + image + "\"}}"), "Invalid input for field/attribute server. Value: {'flavorRef': '2', 'imageRef': '"
                + image + "'}. 'name' is a required property");
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"nope\", "
                + "\"imageRef\": \"" + image + "\"}}"), "Flavor nope could not be found.");
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"nope\"}}"), "Image nope could not be found.");
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + image + "\", \"min_count\": -1}}"),
                "Invalid input for field/attribute min_count. Value: -1. -1 is less than the minimum of 1");
        assertBadRequest(polycell.post(ALICE, "/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + image + "\", \"metadata\": \"no\"}}"),
                "Invalid input for field/attribute metadata. Value: 'no'. 'no' is not of type 'object'");
        assertBadRequest(polycell.get(ALICE, "/v2.1/servers?marker=00000000-0000-0000-0000-000000000000"),
                "marker [00000000-0000-0000-0000-000000000000] not found");
        assertBadRequest(polycell.get(ALICE, "/v2.1/servers?limit=many"), "limit param must be an integer");
        Response unknown = polycell.get(ALICE, "/v2.1/servers/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("itemNotFound").path("message").asString())
                .isEqualTo("Instance 00000000-0000-0000-0000-000000000000 could not be found.");
    }

    @Test
    void multiCreateBootsMaxCountServersNamedByIndex() {
        String project = "multi:tenant-multi";
        Response response = polycell.post(project, "/v2.1/servers", "{\"server\": {\"name\": \"batch\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + RunningPolycell.IMAGE + "\", \"min_count\": 1, \"max_count\": 3}}");
        assertThat(response.status()).isEqualTo(202);
        JsonNode servers = polycell.get(project, "/v2.1/servers").json().path("servers");
        assertThat(servers).extracting(server -> server.path("name").asString())
                .containsExactlyInAnyOrder("batch-1", "batch-2", "batch-3");
    }

    private static void assertBadRequest(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("badRequest").path("code").asInt()).isEqualTo(400);
        assertThat(response.json().path("badRequest").path("message").asString()).isEqualTo(message);
    }
}
