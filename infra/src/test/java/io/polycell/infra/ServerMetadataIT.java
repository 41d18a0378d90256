package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.Quotas;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Nova's server metadata API on the assembled system: read, merge, replace, set and delete one item,
 * Nova's 400s, 404s and 409s, and the metadata_items limit checked on every write, not only at boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerMetadataIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private String activeServer(String token, String metadata) {
        Response booted = polycell.post(token, "/v2.1/servers", "{\"server\": {\"name\": \"m\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + RunningPolycell.IMAGE + "\", \"metadata\": " + metadata + "}}");
        assertThat(booted.status()).as(booted.body()).isEqualTo(202);
        String id = booted.json().path("server").path("id").asString();
        Servers.awaitStatus(polycell, token, id, "ACTIVE");
        return id;
    }

    private static void assertError(Response response, int status, String fault, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json()).isEqualTo(JSON.readTree("{\"" + fault + "\": {\"code\": " + status
                + ", \"message\": " + JSON.writeValueAsString(message) + "}}"));
    }

    /** The metadata the server shows, once the views have caught up with {@code expected}. */
    private void awaitMetadata(String token, String id, String expected) {
        JsonNode wanted = JSON.readTree(expected);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertThat(polycell.get(token, "/v2.1/servers/" + id + "/metadata").json().path("metadata"))
                    .isEqualTo(wanted);
            assertThat(polycell.get(token, "/v2.1/servers/" + id).json().path("server").path("metadata"))
                    .isEqualTo(wanted);
        });
    }

    @Test
    void readsMergesReplacesSetsAndDeletesAsNovaAnswers() {
        String alice = "alice:md-crud";
        String id = activeServer(alice, "{\"role\": \"web\"}");
        String path = "/v2.1/servers/" + id + "/metadata";
        assertThat(polycell.get(alice, path).json()).isEqualTo(JSON.readTree("{\"metadata\": {\"role\": \"web\"}}"));

        Response merged = polycell.post(alice, path, "{\"metadata\": {\"tier\": \"front\", \"role\": \"cache\"}}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json()).isEqualTo(JSON.readTree("{\"metadata\": {\"role\": \"cache\", \"tier\": \"front\"}}"));
        awaitMetadata(alice, id, "{\"role\": \"cache\", \"tier\": \"front\"}");
        assertThat(polycell.get(alice, path + "/tier").json()).isEqualTo(JSON.readTree("{\"meta\": {\"tier\": "
                + "\"front\"}}"));
        assertError(polycell.get(alice, path + "/nope"), 404, "itemNotFound", "Metadata item was not found");

        Response replaced = polycell.put(alice, path, "{\"metadata\": {\"only\": \"this\"}}", null);
        assertThat(replaced.json()).isEqualTo(JSON.readTree("{\"metadata\": {\"only\": \"this\"}}"));
        Response set = polycell.put(alice, path + "/zone", "{\"meta\": {\"zone\": \"a\"}}", null);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(JSON.readTree("{\"meta\": {\"zone\": \"a\"}}"));
        awaitMetadata(alice, id, "{\"only\": \"this\", \"zone\": \"a\"}");

        assertThat(polycell.delete(alice, path + "/only").status()).isEqualTo(204);
        awaitMetadata(alice, id, "{\"zone\": \"a\"}");
        assertError(polycell.delete(alice, path + "/only"), 404, "itemNotFound", "Metadata item was not found");
    }

    @Test
    void refusesBadBodiesUnknownServersAndOtherProjectsServers() {
        String alice = "alice:md-refusals";
        String id = activeServer(alice, "{}");
        String path = "/v2.1/servers/" + id + "/metadata";

        assertError(polycell.put(alice, path + "/k", "{\"meta\": {\"other\": \"v\"}}", null), 400, "badRequest",
                "Request body and URI mismatch");
        assertError(polycell.post(alice, path, "{\"metadata\": {\"a/b\": \"v\"}}"), 400, "badRequest",
                "Invalid input for field/attribute metadata. Value: {'a/b': 'v'}. Additional properties are not "
                        + "allowed ('a/b' was unexpected)");
        String unknown = "00000000-0000-0000-0000-000000000000";
        assertError(polycell.post(alice, "/v2.1/servers/" + unknown + "/metadata", "{\"metadata\": {\"a\": \"b\"}}"),
                404, "itemNotFound", "Instance " + unknown + " could not be found.");
        assertError(polycell.get(alice, "/v2.1/servers/" + unknown + "/metadata"), 404, "itemNotFound",
                "Instance " + unknown + " could not be found.");
        assertError(polycell.post("mallory:md-other", path, "{\"metadata\": {\"a\": \"b\"}}"), 404, "itemNotFound",
                "Instance " + id + " could not be found.");
        assertError(polycell.get("mallory:md-other", path), 404, "itemNotFound",
                "Instance " + id + " could not be found.");
    }

    @Test
    void everyWriteIsCheckedAgainstTheMetadataItemsLimit() {
        String alice = "alice:md-quota";
        Quotas.set(polycell, "md-quota", "\"metadata_items\": 2");
        String id = activeServer(alice, "{\"a\": \"1\"}");
        String path = "/v2.1/servers/" + id + "/metadata";

        assertThat(polycell.post(alice, path, "{\"metadata\": {\"b\": \"2\"}}").status()).isEqualTo(200);
        assertError(polycell.post(alice, path, "{\"metadata\": {\"c\": \"3\"}}"), 403, "forbidden",
                "Maximum number of metadata items exceeds 2");
        assertError(polycell.put(alice, path + "/c", "{\"meta\": {\"c\": \"3\"}}", null), 403, "forbidden",
                "Maximum number of metadata items exceeds 2");
        assertError(polycell.put(alice, path, "{\"metadata\": {\"x\": \"1\", \"y\": \"2\", \"z\": \"3\"}}", null),
                403, "forbidden", "Maximum number of metadata items exceeds 2");
        assertThat(polycell.put(alice, path, "{\"metadata\": {\"x\": \"1\", \"y\": \"2\"}}", null).json())
                .as("a replace counts what the server ends with").isEqualTo(JSON.readTree("{\"metadata\": "
                        + "{\"x\": \"1\", \"y\": \"2\"}}"));
        awaitMetadata(alice, id, "{\"x\": \"1\", \"y\": \"2\"}");
    }

    @Test
    void aLockedServerOrOneInErrorRefusesWithNovasConflict() {
        String alice = "alice:md-state";
        String id = activeServer(alice, "{\"k\": \"v\"}");
        String path = "/v2.1/servers/" + id + "/metadata";
        assertThat(polycell.post(Quotas.ADMIN, "/v2.1/servers/" + id + "/action", "{\"lock\": null}").status())
                .isEqualTo(202);
        assertError(polycell.post(alice, path, "{\"metadata\": {\"a\": \"b\"}}"), 409, "conflictingRequest",
                "Instance " + id + " is locked");
        assertError(polycell.delete(alice, path + "/k"), 409, "conflictingRequest", "Instance " + id + " is locked");

        Response flavor = polycell.post(Quotas.ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"md-galaxy\", "
                + "\"ram\": 9999999, \"vcpus\": 4096, \"disk\": 1, \"id\": \"md-galaxy\"}}");
        assertThat(flavor.status()).isEqualTo(200);
        Response booted = polycell.post(alice, "/v2.1/servers", "{\"server\": {\"name\": \"too-big\", "
                + "\"flavorRef\": \"md-galaxy\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"}}");
        String failed = booted.json().path("server").path("id").asString();
        Servers.awaitStatus(polycell, alice, failed, "ERROR");
        assertError(polycell.post(alice, "/v2.1/servers/" + failed + "/metadata", "{\"metadata\": {\"a\": \"b\"}}"),
                409, "conflictingRequest", "Cannot 'update metadata' instance " + failed
                        + " while it is in vm_state error");
    }
}
