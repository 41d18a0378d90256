package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.Hypervisors;
import io.polycell.infra.support.Quotas;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import io.polycell.infra.support.StoredEvents;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.quota.ServerQuotaReleased;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nova's quota API on the assembled system: quota sets, their detail and defaults, limits, the 403s
 * of a boot or a server group over quota with Nova's messages, per-user quotas, and the drift check.
 * Bodies and messages are those recorded from Nova Zed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaApiIT {

    private static final String ADMIN = Quotas.ADMIN;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Nova Zed's defaults, as {@code GET /os-quota-sets/{id}/defaults} answered there. */
    private static final String NOVA_DEFAULTS = "{\"cores\": 20, \"fixed_ips\": -1, \"floating_ips\": -1, "
            + "\"injected_file_content_bytes\": 10240, \"injected_file_path_bytes\": 255, \"injected_files\": 5, "
            + "\"instances\": 10, \"key_pairs\": 100, \"metadata_items\": 128, \"ram\": 51200, "
            + "\"security_group_rules\": -1, \"security_groups\": -1, \"server_group_members\": 10, "
            + "\"server_groups\": 10}";

    private static final Duration SPAWN = Duration.ofMillis(500);
    private static final int DELETED_WHILE_BUILDING = 20;

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;
    private ExecutorService clients;

    @BeforeAll
    void start() {
        // Nova's default, named: the quota tests run with the quotas a fresh Polycell has. Spawns take
        // a moment, so a server can be deleted while its cell is still building it.
        polycell = RunningPolycell.start(dataDir, "polycell.quota.defaults.instances=10",
                "polycell.cells.cell1.spawn-delay=" + SPAWN, "polycell.cells.cell2.spawn-delay=" + SPAWN);
        clients = Executors.newFixedThreadPool(DELETED_WHILE_BUILDING);
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        polycell.close();
    }

    @Test
    void defaultsAreNovasFieldForField() {
        Response defaults = polycell.get("alice:p-defaults", "/v2.1/os-quota-sets/p-defaults/defaults");
        assertThat(defaults.status()).isEqualTo(200);
        JsonNode expected = JSON.readTree("{\"quota_set\": {\"id\": \"p-defaults\", " + NOVA_DEFAULTS.substring(1)
                + "}");
        assertThat(defaults.json()).isEqualTo(expected);
        assertThat(fieldNames(defaults.json().path("quota_set"))).containsExactlyElementsOf(fieldNames(expected
                .path("quota_set")));
        assertThat(polycell.get("alice:p-defaults", "/v2.1/os-quota-sets/p-defaults").json()).isEqualTo(expected);
    }

    @Test
    void detailShowsLimitInUseAndReservedOfWhatTheProjectUses() {
        String member = "alice:p-detail";
        String id = polycell.boot(member, "one", "1");
        createGroup(member, "g1");

        Response detail = polycell.get(member, "/v2.1/os-quota-sets/p-detail/detail");
        assertThat(detail.status()).isEqualTo(200);
        JsonNode set = detail.json().path("quota_set");
        assertThat(set.path("id").asString()).isEqualTo("p-detail");
        assertThat(set.path("cores")).isEqualTo(JSON.readTree("{\"limit\": 20, \"in_use\": 1, \"reserved\": 0}"));
        assertThat(set.path("instances")).isEqualTo(JSON.readTree("{\"limit\": 10, \"in_use\": 1, \"reserved\": 0}"));
        assertThat(set.path("ram")).isEqualTo(JSON.readTree("{\"limit\": 51200, \"in_use\": 512, \"reserved\": 0}"));
        assertThat(set.path("server_groups"))
                .isEqualTo(JSON.readTree("{\"limit\": 10, \"in_use\": 1, \"reserved\": 0}"));
        assertThat(set.path("key_pairs")).isEqualTo(JSON.readTree("{\"limit\": 100, \"in_use\": 0, \"reserved\": 0}"));
        assertThat(fieldNames(set)).hasSize(15);
        Servers.awaitStatus(polycell, member, id, "ACTIVE");
    }

    @Test
    void limitsShowTheAbsoluteLimitsAndUsageInNovasShape() {
        String member = "alice:p-limits";
        polycell.boot(member, "one", "1");
        createGroup(member, "g1");

        Response limits = polycell.get(member, "/v2.1/limits");
        assertThat(limits.status()).isEqualTo(200);
        JsonNode expected = JSON.readTree("{\"limits\": {\"rate\": [], \"absolute\": {\"maxTotalInstances\": 10, "
                + "\"maxTotalCores\": 20, \"maxTotalRAMSize\": 51200, \"maxServerMeta\": 128, \"maxImageMeta\": 128, "
                + "\"maxPersonality\": 5, \"maxPersonalitySize\": 10240, \"maxTotalKeypairs\": 100, "
                + "\"maxServerGroups\": 10, \"maxServerGroupMembers\": 10, \"maxTotalFloatingIps\": -1, "
                + "\"maxSecurityGroups\": -1, \"maxSecurityGroupRules\": -1, \"totalRAMUsed\": 512, "
                + "\"totalCoresUsed\": 1, \"totalInstancesUsed\": 1, \"totalFloatingIpsUsed\": 0, "
                + "\"totalSecurityGroupsUsed\": 0, \"totalServerGroupsUsed\": 1}}}");
        assertThat(limits.json()).isEqualTo(expected);
        assertThat(fieldNames(limits.json().path("limits").path("absolute")))
                .containsExactlyElementsOf(fieldNames(expected.path("limits").path("absolute")));
        assertThat(polycell.get(member, "/v2.1/limits?tenant_id=p-other").status()).isEqualTo(403);
        assertThat(polycell.get(ADMIN, "/v2.1/limits?tenant_id=p-limits").json()).isEqualTo(expected);
    }

    @Test
    void aBootOverTheInstanceQuotaIsRefusedWithNovasMessage() {
        String member = "alice:p-instances";
        Quotas.set(polycell, "p-instances", "\"instances\": 2");
        polycell.boot(member, "a", "1");
        polycell.boot(member, "b", "1");

        Response refused = boot(member, "c", "1", "");
        assertForbidden(refused, "Quota exceeded for instances: Requested 1, but already used 2 of 2 instances");
        assertThat(Quotas.inUse(polycell, "p-instances", "instances")).isEqualTo(2);
    }

    @Test
    void aBootOverCoresAndRamNamesBothAsNovaDoes() {
        String member = "alice:p-huge";
        Response flavor = polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"bars-huge\", \"ram\": "
                + "67108864, \"vcpus\": 4096, \"disk\": 1, \"id\": \"bars-huge\"}}");
        assertThat(flavor.status()).isEqualTo(200);
        polycell.boot(member, "small", "1");

        assertForbidden(boot(member, "sample-huge", "bars-huge", ""), "Quota exceeded for cores, ram: Requested 4096, "
                + "67108864, but already used 1, 512 of 20, 51200 cores, ram");
    }

    @Test
    void minCountIsAllOrNothingAndMaxCountTakesWhatFits() {
        String member = "alice:p-count";
        polycell.boot(member, "first", "1");

        assertForbidden(boot(member, "q", "1", ", \"min_count\": 50"), "Quota exceeded for cores, instances: "
                + "Requested 50, 50, but already used 1, 1 of 20, 10 cores, instances");
        assertForbidden(boot(member, "q", "1", ", \"min_count\": 10, \"max_count\": 12"), "Quota exceeded for "
                + "instances: Requested 10-12, but already used 1 of 10 instances");
        assertThat(Quotas.inUse(polycell, "p-count", "instances")).isEqualTo(1);

        Response some = boot(member, "some", "1", ", \"min_count\": 2, \"max_count\": 20");
        assertThat(some.status()).as(some.body()).isEqualTo(202);
        assertThat(Quotas.inUse(polycell, "p-count", "instances")).isEqualTo(10);
        assertThat(polycell.get(member, "/v2.1/servers").json().path("servers"))
                .extracting(server -> server.path("name").asString())
                .containsExactlyInAnyOrder("first", "some-1", "some-2", "some-3", "some-4", "some-5", "some-6",
                        "some-7", "some-8", "some-9");
    }

    @Test
    void metadataItemsAreCheckedOnEachBoot() {
        String member = "alice:p-meta";
        Quotas.set(polycell, "p-meta", "\"metadata_items\": 2");
        assertForbidden(boot(member, "m", "1", ", \"metadata\": {\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}"),
                "Maximum number of metadata items exceeds 2");
        assertThat(boot(member, "m", "1", ", \"metadata\": {\"a\": \"1\", \"b\": \"2\"}").status()).isEqualTo(202);
    }

    @Test
    void serverGroupsAndTheirMembersAreCounted() {
        String member = "alice:p-groups";
        Quotas.set(polycell, "p-groups", "\"server_groups\": 1, \"server_group_members\": 2");
        String group = createGroup(member, "first");
        Response second = polycell.post(member, "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"second\", \"policy\": \"affinity\"}}", "2.64");
        assertForbidden(second, "Quota exceeded, too many server groups.");

        String hint = ", \"os:scheduler_hints\": {\"group\": \"" + group + "\"}";
        assertThat(bootWithHints(member, "m1", hint).status()).isEqualTo(202);
        assertThat(bootWithHints(member, "m2", hint).status()).isEqualTo(202);
        assertForbidden(bootWithHints(member, "m3", hint), "Quota exceeded, too many servers in group");
        assertMembersWithoutDrift("p-groups", group, 2);

        assertThat(polycell.delete(member, "/v2.1/os-server-groups/" + group).status()).isEqualTo(204);
        assertThat(Quotas.inUse(polycell, "p-groups", "server_groups")).isZero();
        assertThat(createGroup(member, "again")).isNotEqualTo(group);
        // The members of a deleted group count until they are deleted, in the quota as in the events.
        assertMembersWithoutDrift("p-groups", group, 2);
    }

    /** The drift check counts alice's members of the group as the quota does. */
    private void assertMembersWithoutDrift(String project, String group, int members) {
        JsonNode drift = Quotas.drift(polycell, project);
        JsonNode expected = JSON.readTree("{\"" + group + "\": {\"alice\": " + members + "}}");
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();
        assertThat(drift.path("server_group_members")).isEqualTo(expected);
        assertThat(drift.path("recomputed_server_group_members")).isEqualTo(expected);
        assertThat(drift.path("server_groups_with_members_drifted")).isEmpty();
    }

    @Test
    void aUsersQuotaHoldsInsideItsProject() {
        Response set = polycell.put(ADMIN, "/v2.1/os-quota-sets/p-users?user_id=bob",
                "{\"quota_set\": {\"instances\": 1}}", null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().path("quota_set").has("id")).isFalse();
        assertThat(set.json().path("quota_set").path("instances").asInt()).isEqualTo(1);

        assertThat(boot("bob:p-users", "b1", "1", "").status()).isEqualTo(202);
        assertForbidden(boot("bob:p-users", "b2", "1", ""),
                "Quota exceeded for instances: Requested 1, but already used 1 of 1 instances");
        assertThat(boot("alice:p-users", "a1", "1", "").status()).isEqualTo(202);

        JsonNode bob = polycell.get(ADMIN, "/v2.1/os-quota-sets/p-users/detail?user_id=bob").json().path("quota_set");
        assertThat(bob.path("instances").path("limit").asInt()).isEqualTo(1);
        assertThat(bob.path("instances").path("in_use").asInt()).isEqualTo(1);
        assertThat(Quotas.inUse(polycell, "p-users", "instances")).isEqualTo(2);
        Response tooHigh = polycell.put(ADMIN, "/v2.1/os-quota-sets/p-users?user_id=bob",
                "{\"quota_set\": {\"instances\": 11}}", null);
        assertBadRequest(tooHigh, "Quota limit 11 for instances must be less than or equal to 10.");

        assertThat(polycell.delete(ADMIN, "/v2.1/os-quota-sets/p-users?user_id=bob").status()).isEqualTo(202);
        assertThat(boot("bob:p-users", "b2", "1", "").status()).isEqualTo(202);
    }

    @Test
    void onlyAdminsChangeQuotasAndMembersSeeOnlyTheirOwn() {
        String member = "alice:p-policy";
        assertForbidden(polycell.put(member, "/v2.1/os-quota-sets/p-policy", "{\"quota_set\": {\"instances\": 99}}",
                null), "Policy doesn't allow os_compute_api:os-quota-sets:update to be performed.");
        assertForbidden(polycell.delete(member, "/v2.1/os-quota-sets/p-policy"),
                "Policy doesn't allow os_compute_api:os-quota-sets:delete to be performed.");
        assertForbidden(polycell.get(member, "/v2.1/os-quota-sets/p-someone-else"),
                "Policy doesn't allow os_compute_api:os-quota-sets:show to be performed.");
        assertForbidden(polycell.get(member, "/v2.1/os-quota-sets/p-someone-else/detail"),
                "Policy doesn't allow os_compute_api:os-quota-sets:detail to be performed.");
        assertForbidden(polycell.get(member, "/v2.1/os-quota-drift"),
                "Policy doesn't allow polycell:quota-drift to be performed.");
        assertThat(polycell.get(member, "/v2.1/os-quota-sets/p-policy").json().path("quota_set").path("instances")
                .asInt()).isEqualTo(10);
    }

    @Test
    void putChangesOnlyWhatItNamesAndDeleteRevertsToTheDefaults() {
        Response put = polycell.put(ADMIN, "/v2.1/os-quota-sets/p-put", "{\"quota_set\": {\"instances\": \"50\", "
                + "\"cores\": -1}}", null);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode expected = JSON.readTree(NOVA_DEFAULTS.replace("\"instances\": 10", "\"instances\": 50")
                .replace("\"cores\": 20", "\"cores\": -1"));
        assertThat(put.json().path("quota_set")).isEqualTo(expected);
        assertThat(polycell.get(ADMIN, "/v2.1/os-quota-sets/p-put").json().path("quota_set").path("instances")
                .asInt()).isEqualTo(50);

        Response delete = polycell.delete(ADMIN, "/v2.1/os-quota-sets/p-put");
        assertThat(delete.status()).isEqualTo(202);
        assertThat(delete.body()).isEmpty();
        assertThat(polycell.get(ADMIN, "/v2.1/os-quota-sets/p-put").json().path("quota_set").path("instances")
                .asInt()).isEqualTo(10);
        assertThat(polycell.delete(ADMIN, "/v2.1/os-quota-sets/p-never-set").status()).isEqualTo(202);
    }

    @Test
    void badQuotaSetsAre400WithNovasMessages() {
        String path = "/v2.1/os-quota-sets/p-bad";
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": {\"instances\": \"abc\"}}", null),
                "Invalid input for field/attribute instances. Value: 'abc'. 'abc' does not match '^-?[0-9]+$'");
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": {\"instances\": -2}}", null),
                "Invalid input for field/attribute instances. Value: -2. -2 is less than the minimum of -1");
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": {\"instances\": 1.5}}", null),
                "Invalid input for field/attribute instances. Value: 1.5. 1.5 is not of type 'integer', 'string'");
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": {\"bogus\": 1}}", null),
                "Invalid input for field/attribute quota_set. Value: {'bogus': 1}. Additional properties are not "
                        + "allowed ('bogus' was unexpected)");
        assertBadRequest(polycell.put(ADMIN, path, "{\"instances\": 1}", null),
                "Invalid input for field/attribute quota_set. Value: {'instances': 1}. 'quota_set' is a required "
                        + "property");
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": ", null), "Malformed request body");

        polycell.boot("alice:p-bad", "one", "1");
        polycell.boot("alice:p-bad", "two", "1");
        assertBadRequest(polycell.put(ADMIN, path, "{\"quota_set\": {\"instances\": 1}}", null),
                "Quota limit 1 for instances must be greater than or equal to already used and reserved 2.");
        assertThat(polycell.put(ADMIN, path, "{\"quota_set\": {\"instances\": 1, \"force\": true}}", null).status())
                .isEqualTo(200);
        assertForbidden(boot("alice:p-bad", "three", "1", ""),
                "Quota exceeded for instances: Requested 1, but already used 2 of 1 instances");
    }

    @Test
    void microversionsDropTheQuotasNovaRetired() {
        JsonNode at236 = polycell.get(ADMIN, "/v2.1/os-quota-sets/p-versions", "2.36").json().path("quota_set");
        assertThat(fieldNames(at236)).doesNotContain("fixed_ips", "floating_ips", "security_groups",
                "security_group_rules").contains("injected_files");
        JsonNode at257 = polycell.get(ADMIN, "/v2.1/os-quota-sets/p-versions", "2.57").json().path("quota_set");
        assertThat(fieldNames(at257)).containsExactly("id", "cores", "instances", "key_pairs", "metadata_items", "ram",
                "server_group_members", "server_groups");
        assertBadRequest(polycell.put(ADMIN, "/v2.1/os-quota-sets/p-versions", "{\"quota_set\": {\"floating_ips\": 1}}",
                "2.36"), "Invalid input for field/attribute quota_set. Value: {'floating_ips': 1}. Additional "
                + "properties are not allowed ('floating_ips' was unexpected)");
        JsonNode limits = polycell.get("alice:p-versions", "/v2.1/limits", "2.57").json().path("limits")
                .path("absolute");
        assertThat(fieldNames(limits)).doesNotContain("maxPersonality", "maxTotalFloatingIps", "totalFloatingIpsUsed");
    }

    @Test
    void aFailedBuildCountsUntilItIsDeletedAsInNova() {
        String member = "alice:p-cell0";
        Quotas.set(polycell, "p-cell0", "\"cores\": -1, \"ram\": -1");
        Response flavor = polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"galaxy\", \"ram\": 9999999, "
                + "\"vcpus\": 4096, \"disk\": 1, \"id\": \"galaxy\"}}");
        assertThat(flavor.status()).isEqualTo(200);
        String id = polycell.boot(member, "too-big", "galaxy");
        Servers.awaitStatus(polycell, member, id, "ERROR");
        assertThat(Quotas.inUse(polycell, "p-cell0", "instances")).isEqualTo(1);
        assertThat(Quotas.inUse(polycell, "p-cell0", "cores")).isEqualTo(4096);

        assertThat(polycell.delete(member, "/v2.1/servers/" + id).status()).isEqualTo(204);
        Quotas.awaitInUse(polycell, "p-cell0", "instances", 0);
        assertThat(Quotas.inUse(polycell, "p-cell0", "cores")).isZero();
        assertThat(Quotas.drift(polycell, "p-cell0").path("drifted").asBoolean()).isFalse();
    }

    @Test
    void deletingAServerGivesItsQuotaBackAndNothingDrifts() {
        String member = "alice:p-delete";
        Quotas.set(polycell, "p-delete", "\"instances\": 1");
        String id = polycell.boot(member, "a", "1");
        Servers.awaitStatus(polycell, member, id, "ACTIVE");
        assertThat(polycell.delete(member, "/v2.1/servers/" + id).status()).isEqualTo(204);
        Quotas.awaitInUse(polycell, "p-delete", "instances", 0);
        assertThat(boot(member, "b", "1", "").status()).isEqualTo(202);

        JsonNode drift = Quotas.drift(polycell, "p-delete");
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();
        assertThat(drift.path("in_use").path("instances").asInt()).isEqualTo(1);
        assertThat(drift.path("recomputed")).isEqualTo(drift.path("in_use"));
        assertThat(drift.path("servers_counted_but_gone")).isEmpty();
        assertThat(drift.path("servers_not_counted")).isEmpty();
    }

    /**
     * Servers deleted while they build, all at once: half right after the 202, which finds most of
     * them still a build request (it is cancelled, and the super-conductor, finding that out, deletes
     * what it had already created in a cell: the quota is returned twice and must release once), half
     * once their cell has them and is still spawning them. The quota ends at exactly zero, every host
     * has its resources back, and nothing drifts.
     */
    @Test
    void serversDeletedWhileTheyBuildGiveTheirQuotaBackExactlyOnce() throws Exception {
        String project = "p-doomed";
        String member = "alice:" + project;
        Quotas.set(polycell, project, "\"instances\": " + DELETED_WHILE_BUILDING);
        Map<String, String> hostsBefore = Hypervisors.usage(polycell);
        Set<String> deletedSpawning = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> runs = new ArrayList<>();
        for (int i = 0; i < DELETED_WHILE_BUILDING; i++) {
            boolean atOnce = i % 2 == 0;
            String name = "doomed-" + i;
            runs.add(clients.submit(() -> {
                go.await();
                String id = polycell.boot(member, name, "1");
                if (!atOnce && awaitInItsCell(id).path("status").asString().equals("BUILD")) {
                    deletedSpawning.add(id);
                }
                Response delete = polycell.delete(member, "/v2.1/servers/" + id);
                assertThat(delete.status()).as(delete.body()).isEqualTo(204);
                return id;
            }));
        }
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<String> run : runs) {
            ids.add(run.get(60, TimeUnit.SECONDS));
        }

        // Every server ends deleted in a cell: by its owner, or by the conductor once it learnt.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> polycell.system()
                .router().cells().stream().mapToLong(cell -> StoredEvents.aggregatesWith(polycell, cell,
                        InstanceDeleted.class, ids).size()).sum() == ids.size());
        assertThat(StoredEvents.aggregatesWith(polycell, Polycell.API, BuildRequestCancelled.class, ids))
                .as("servers deleted while still a build request").isNotEmpty();
        assertThat(deletedSpawning).as("servers deleted while their cell was spawning them").isNotEmpty();
        Quotas.awaitInUse(polycell, project, "instances", 0);
        JsonNode after = Quotas.detail(polycell, project);
        assertThat(after.path("cores").path("in_use").asLong()).isZero();
        assertThat(after.path("ram").path("in_use").asLong()).isZero();
        assertThat(StoredEvents.count(polycell, Polycell.API, ServerQuotaReleased.class, project))
                .as("one release per server").isEqualTo(DELETED_WHILE_BUILDING);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> polycell.get(member, "/v2.1/servers").json().path("servers").isEmpty()
                        && Hypervisors.usage(polycell).equals(hostsBefore));
        JsonNode drift = Quotas.drift(polycell, project);
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();
        assertThat(drift.path("recomputed").path("instances").asInt()).isZero();
    }

    /** The server as an admin sees it once its cell has it (it has a host), or once it failed. */
    private JsonNode awaitInItsCell(String id) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            seen[0] = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");
            return seen[0].path("OS-EXT-SRV-ATTR:host").isString()
                    || seen[0].path("status").asString().equals("ERROR");
        });
        return seen[0];
    }

    private String createGroup(String token, String name) {
        Response created = polycell.post(token, "/v2.1/os-server-groups",
                "{\"server_group\": {\"name\": \"" + name + "\", \"policy\": \"anti-affinity\"}}", "2.64");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("server_group").path("id").asString();
    }

    private Response boot(String token, String name, String flavor, String moreFields) {
        return polycell.post(token, "/v2.1/servers", "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \""
                + flavor + "\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\"" + moreFields + "}}");
    }

    private Response bootWithHints(String token, String name, String hints) {
        return polycell.post(token, "/v2.1/servers", "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + RunningPolycell.IMAGE + "\"}" + hints + "}");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static void assertForbidden(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("forbidden").path("code").asInt()).isEqualTo(403);
        assertThat(response.json().path("forbidden").path("message").asString()).isEqualTo(message);
    }

    private static void assertBadRequest(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("badRequest").path("message").asString()).isEqualTo(message);
    }
}
