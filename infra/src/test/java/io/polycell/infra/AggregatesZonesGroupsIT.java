package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.messages.host.ComputeServiceIds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Host aggregates, availability zones and server groups through HTTP, on the assembled default. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregatesZonesGroupsIT {

    private static final String ADMIN = "admin:tenant-admin";
    private static final String ALICE = "alice:tenant-a";
    private static final String BOB = "bob:tenant-a";
    private static final String MALLORY = "mallory:tenant-m";
    private static final String V2_64 = "2.64";

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
    void hostsJoinAZoneOnlyOnceAndAnAggregateIsDeletedOnlyWhenEmpty() {
        Response created = polycell.post(ADMIN, "/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"rack-east\", \"availability_zone\": \"east\"}}");
        assertThat(created.status()).isEqualTo(200);
        JsonNode aggregate = created.json().path("aggregate");
        assertThat(aggregate.path("id").isIntegralNumber()).isTrue();
        assertThat(aggregate.path("name").asString()).isEqualTo("rack-east");
        assertThat(aggregate.path("availability_zone").asString()).isEqualTo("east");
        assertThat(aggregate.path("deleted").asBoolean()).isFalse();
        assertThat(aggregate.path("created_at").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(aggregate.has("hosts")).isFalse();
        assertThat(aggregate.has("uuid")).isFalse();
        long east = aggregate.path("id").asLong();

        assertThat(action(east, "{\"add_host\": {\"host\": \"cell1-host1\"}}").status()).isEqualTo(200);
        Response second = action(east, "{\"add_host\": {\"host\": \"cell2-host2\"}}");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("aggregate").path("hosts")).extracting(JsonNode::asString)
                .containsExactly("cell1-host1", "cell2-host2");
        Response twice = action(east, "{\"add_host\": {\"host\": \"cell1-host1\"}}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("conflictingRequest").path("message").asString())
                .isEqualTo("Aggregate " + east + " already has host cell1-host1.");

        long west = polycell.post(ADMIN, "/v2.1/os-aggregates",
                "{\"aggregate\": {\"name\": \"rack-west\", \"availability_zone\": \"west\"}}")
                .json().path("aggregate").path("id").asLong();
        Response conflict = action(west, "{\"add_host\": {\"host\": \"cell1-host1\"}}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().path("conflictingRequest").path("message").asString())
                .isEqualTo("Cannot add host to aggregate " + west
                        + ". Reason: One or more hosts already in availability zone(s) ['east'].");
        Response sameName = polycell.post(ADMIN, "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"rack-west\"}}");
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.json().path("conflictingRequest").path("message").asString())
                .isEqualTo("Aggregate rack-west already exists.");

        Response metadata = action(east, "{\"set_metadata\": {\"metadata\": {\"ssd\": \"true\"}}}");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().path("aggregate").path("metadata").path("ssd").asString()).isEqualTo("true");
        assertThat(metadata.json().path("aggregate").path("metadata").path("availability_zone").asString())
                .isEqualTo("east");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode shown = polycell.get(ADMIN, "/v2.1/os-aggregates/" + east).json().path("aggregate");
            assertThat(shown.path("hosts")).extracting(JsonNode::asString)
                    .containsExactly("cell1-host1", "cell2-host2");
            assertThat(shown.path("metadata").path("ssd").asString()).isEqualTo("true");
            assertThat(shown.path("updated_at").isNull()).isFalse();
        });
        JsonNode listed = polycell.get(ADMIN, "/v2.1/os-aggregates").json().path("aggregates");
        assertThat(listed).extracting(a -> a.path("name").asString()).contains("rack-east", "rack-west");
        JsonNode withUuid = send(ADMIN, "GET", "/v2.1/os-aggregates/" + east, null, "2.41").json();
        assertThat(withUuid.path("aggregate").path("uuid").asString()).hasSize(36);

        JsonNode zones = polycell.get(ALICE, "/v2.1/os-availability-zone").json().path("availabilityZoneInfo");
        assertThat(zones).extracting(zone -> zone.path("zoneName").asString()).containsExactly("east", "nova");
        assertThat(zones.get(0).path("zoneState").path("available").asBoolean()).isTrue();
        assertThat(zones.get(0).path("hosts").isNull()).isTrue();
        JsonNode detail = polycell.get(ADMIN, "/v2.1/os-availability-zone/detail").json().path("availabilityZoneInfo");
        assertThat(detail).extracting(zone -> zone.path("zoneName").asString())
                .containsExactly("east", "internal", "nova");
        assertThat(names(detail.get(0).path("hosts"))).containsExactlyInAnyOrder("cell1-host1", "cell2-host2");
        assertThat(detail.get(0).path("hosts").path("cell1-host1").path("nova-compute").path("active").asBoolean())
                .isTrue();
        assertThat(names(detail.get(2).path("hosts"))).contains("cell1-host2", "cell2-host1")
                .doesNotContain("cell1-host1", "cell2-host2");
        JsonNode internal = detail.get(1).path("hosts");
        assertThat(internal.size()).as("the control services run on the API process's host").isEqualTo(1);
        JsonNode controlHost = internal.iterator().next();
        assertThat(names(controlHost)).containsExactly("nova-conductor", "nova-scheduler");
        assertThat(controlHost.path("nova-scheduler").path("available").asBoolean()).isTrue();
        assertThat(controlHost.path("nova-scheduler").path("updated_at").asString()).isNotEmpty();

        JsonNode zonedService = polycell.get(ADMIN, "/v2.1/os-services?host=cell1-host1").json().path("services");
        assertThat(zonedService).extracting(service -> service.path("zone").asString()).containsExactly("east");
        Response updated = send(ADMIN, "PUT", "/v2.1/os-services/" + ComputeServiceIds.of("cell1-host1").service(),
                "{\"status\": \"enabled\"}", "2.53");
        assertThat(updated.json().path("service").path("zone").asString()).isEqualTo("east");
        assertThat(polycell.get(ALICE, "/v2.1/os-availability-zone/detail").status()).isEqualTo(403);

        Response refused = polycell.delete(ADMIN, "/v2.1/os-aggregates/" + east);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("badRequest").path("message").asString())
                .isEqualTo("Cannot remove aggregate " + east + ". Reason: Host aggregate is not empty.");

        assertThat(action(east, "{\"remove_host\": {\"host\": \"cell1-host1\"}}").status()).isEqualTo(200);
        assertThat(action(east, "{\"remove_host\": {\"host\": \"cell2-host2\"}}").status()).isEqualTo(200);
        Response notThere = action(east, "{\"remove_host\": {\"host\": \"cell2-host2\"}}");
        assertThat(notThere.status()).isEqualTo(404);
        assertThat(notThere.json().path("itemNotFound").path("message").asString())
                .isEqualTo("Cannot remove host cell2-host2 in aggregate " + east);
        assertThat(action(west, "{\"add_host\": {\"host\": \"cell1-host1\"}}").status()).isEqualTo(200);
        assertThat(polycell.delete(ADMIN, "/v2.1/os-aggregates/" + east).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(polycell.get(ADMIN, "/v2.1/os-aggregates/" + east).status()).isEqualTo(404));
        assertThat(polycell.delete(ADMIN, "/v2.1/os-aggregates/" + east).status()).isEqualTo(404);
    }

    @Test
    void anAggregateIsRenamedAndMovedByPut() {
        long id = polycell.post(ADMIN, "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"rack-put\"}}")
                .json().path("aggregate").path("id").asLong();
        Response updated = send(ADMIN, "PUT", "/v2.1/os-aggregates/" + id,
                "{\"aggregate\": {\"name\": \"rack-moved\", \"availability_zone\": \"south\"}}", null);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("aggregate").path("name").asString()).isEqualTo("rack-moved");
        assertThat(updated.json().path("aggregate").path("availability_zone").asString()).isEqualTo("south");
        assertThat(updated.json().path("aggregate").path("metadata").path("availability_zone").asString())
                .isEqualTo("south");
        assertThat(send(ADMIN, "PUT", "/v2.1/os-aggregates/abc", "{\"aggregate\": {\"name\": \"x\"}}", null).status())
                .isEqualTo(400);
    }

    @Test
    void aMemberMayNotManageOrListAggregates() {
        Response create = polycell.post(ALICE, "/v2.1/os-aggregates", "{\"aggregate\": {\"name\": \"mine\"}}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().path("forbidden").path("message").asString())
                .isEqualTo("Policy doesn't allow os_compute_api:os-aggregates:create to be performed.");
        assertThat(create.json().path("forbidden").path("code").asInt()).isEqualTo(403);
        assertThat(polycell.get(ALICE, "/v2.1/os-aggregates").json().path("forbidden").path("message").asString())
                .isEqualTo("Policy doesn't allow os_compute_api:os-aggregates:index to be performed.");
        assertThat(polycell.post(ALICE, "/v2.1/os-aggregates/1/action", "{\"add_host\": {\"host\": \"cell1-host1\"}}")
                .status()).isEqualTo(403);
    }

    @Test
    void serverGroupsBelongToTheirProject() {
        Response created = send(ALICE, "POST", "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g1\", \"policy\": \"anti-affinity\", "
                        + "\"rules\": {\"max_server_per_host\": 2}}}", V2_64);
        assertThat(created.status()).isEqualTo(200);
        JsonNode group = created.json().path("server_group");
        String id = group.path("id").asString();
        assertThat(names(group)).containsExactly("id", "name", "policy", "rules", "members", "project_id", "user_id");
        assertThat(group.path("policy").asString()).isEqualTo("anti-affinity");
        assertThat(group.path("rules").path("max_server_per_host").asInt()).isEqualTo(2);
        assertThat(group.path("members")).isEmpty();
        assertThat(group.path("project_id").asString()).isEqualTo("tenant-a");
        assertThat(group.path("user_id").asString()).isEqualTo("alice");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(send(BOB, "GET", "/v2.1/os-server-groups/" + id, null, V2_64).status()).isEqualTo(200));
        JsonNode shown = send(BOB, "GET", "/v2.1/os-server-groups/" + id, null, V2_64).json().path("server_group");
        assertThat(shown).isEqualTo(group);
        JsonNode old = polycell.get(ALICE, "/v2.1/os-server-groups/" + id).json().path("server_group");
        assertThat(old.path("policies")).extracting(JsonNode::asString).containsExactly("anti-affinity");
        assertThat(old.has("project_id")).isFalse();
        assertThat(polycell.get(ALICE, "/v2.1/os-server-groups").json().path("server_groups"))
                .extracting(g -> g.path("id").asString()).contains(id);
        assertThat(polycell.get(MALLORY, "/v2.1/os-server-groups").json().path("server_groups"))
                .extracting(g -> g.path("id").asString()).doesNotContain(id);
        assertThat(polycell.get(MALLORY, "/v2.1/os-server-groups?all_projects=True").json().path("server_groups"))
                .extracting(g -> g.path("id").asString()).doesNotContain(id);
        assertThat(polycell.get(ADMIN, "/v2.1/os-server-groups?all_projects=True").json().path("server_groups"))
                .extracting(g -> g.path("id").asString()).contains(id);

        Response hidden = polycell.get(MALLORY, "/v2.1/os-server-groups/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().path("itemNotFound").path("message").asString())
                .isEqualTo("Instance group " + id + " could not be found.");
        assertThat(polycell.delete(MALLORY, "/v2.1/os-server-groups/" + id).status()).isEqualTo(404);

        assertThat(polycell.delete(BOB, "/v2.1/os-server-groups/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(polycell.get(ALICE, "/v2.1/os-server-groups/" + id).status()).isEqualTo(404));
        assertThat(polycell.delete(ALICE, "/v2.1/os-server-groups/" + id).status()).isEqualTo(404);
    }

    @Test
    void aServerGroupNeedsAPolicyNovaKnows() {
        Response badPolicy = send(ALICE, "POST", "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g2\", \"policy\": \"together\"}}", V2_64);
        assertThat(badPolicy.status()).isEqualTo(400);
        assertThat(badPolicy.json().path("badRequest").path("message").asString())
                .isEqualTo("Invalid input for field/attribute policy. Value: together. 'together' is not one of "
                        + "['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity']");
        Response rules = send(ALICE, "POST", "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g3\", \"policy\": \"affinity\", "
                        + "\"rules\": {\"max_server_per_host\": 2}}}", V2_64);
        assertThat(rules.status()).isEqualTo(400);
        assertThat(rules.json().path("badRequest").path("message").asString())
                .isEqualTo("Only anti-affinity policy supports rules.");
        Response legacy = polycell.post(ALICE, "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"g4\", \"policies\": [\"affinity\"]}}");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.json().path("server_group").path("policies")).extracting(JsonNode::asString)
                .containsExactly("affinity");
        assertThat(legacy.json().path("server_group").path("metadata").isObject()).isTrue();
    }

    private Response action(long aggregateId, String body) {
        return polycell.post(ADMIN, "/v2.1/os-aggregates/" + aggregateId + "/action", body);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private Response send(String token, String method, String path, String body, String microversion) {
        return polycell.send(token, method, path, body, microversion);
    }
}
