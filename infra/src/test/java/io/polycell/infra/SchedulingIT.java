package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.messages.host.ComputeServiceIds;
import io.polycell.scheduler.HostState;
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

/**
 * The scheduler follows what operators say through the API: availability zones and metadata from
 * aggregates (read from the API tier's events) against flavor extra specs, hosts disabled or forced
 * down through os-services, and the traits flavors require or forbid against those the agents report (here fake
 * hosts given traits by configuration: cell1-host2 has AVX2 and NVMe, cell1-host3 NVMe only).
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
        polycell = RunningPolycell.start(dataDir, "polycell.cells.cell1.hosts=4", "polycell.cells.cell2.hosts=4",
                "polycell.cells.cell1.host-traits.cell1-host2=HW_CPU_X86_AVX2,CUSTOM_NVME",
                "polycell.cells.cell1.host-traits.cell1-host3=CUSTOM_NVME");
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    @Test
    void aServerAskingForAZoneLandsOnAHostOfThatZone() {
        String aggregateId = aggregate("{\"name\": \"east\", \"availability_zone\": \"az-east\"}");
        act(aggregateId, "{\"add_host\": {\"host\": \"cell2-host3\"}}");
        awaitAggregatesSay("cell2-host3", "availability_zone", "az-east");

        List<String> east = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = boot("east-" + i, "1", "az-east");
            Servers.awaitStatus(polycell, KIM, id, "ACTIVE");
            assertThat(polycell.get(KIM, "/v2.1/servers/" + id).json().path("server")
                    .path("OS-EXT-AZ:availability_zone").asString()).isEqualTo("az-east");
            east.add(host(id));
        }
        assertThat(east).containsOnly("cell2-host3");
        RunningPolycell.Response nowhere = polycell.post(KIM, "/v2.1/servers", "{\"server\": {\"name\": \"nowhere\", "
                + "\"flavorRef\": \"1\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\", "
                + "\"availability_zone\": \"az-nowhere\"}}");
        assertThat(nowhere.status()).isEqualTo(400);
        assertThat(nowhere.json().path("badRequest").path("message").asString())
                .isEqualTo("The requested availability zone is not available");
        String inTheDefaultZone = boot("default-zone", "1", "nova");
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

        assertThat(hostsOf(10, "not-there-", "1", null)).doesNotContain("cell1-host1");
    }

    /**
     * An operator disables a host's nova-compute service: the scheduler gives it no new server, though
     * it is among the emptiest hosts; enabled again, it takes them again (spread weighing sends the
     * next boots to it first).
     */
    @Test
    void aHostWhoseServiceIsDisabledTakesNoNewServerUntilItIsEnabledAgain() {
        String host = "cell2-host1";
        String service = ComputeServiceIds.of(host).service().toString();
        setServiceStatus(service, "{\"status\": \"disabled\", \"disabled_reason\": \"new disks\"}", "true");

        assertThat(hostsOf(10, "while-disabled-", "1", null)).doesNotContain(host);

        setServiceStatus(service, "{\"status\": \"enabled\"}", "false");
        assertThat(hostsOf(3, "enabled-again-", "1", null)).contains(host);
    }

    @Test
    void aggregateMetadataSteersServersOfAFlavorWithMatchingExtraSpecs() {
        String aggregateId = aggregate("{\"name\": \"fast-disks\"}");
        act(aggregateId, "{\"set_metadata\": {\"metadata\": {\"ssd\": \"true\"}}}");
        act(aggregateId, "{\"add_host\": {\"host\": \"cell2-host2\"}}");
        awaitAggregatesSay("cell2-host2", "ssd", "true");
        flavor("on-ssd", "{\"aggregate_instance_extra_specs:ssd\": \"true\"}");

        assertThat(hostsOf(4, "ssd-", "on-ssd", null)).containsOnly("cell2-host2");
    }

    @Test
    void aRequiredTraitLandsOnlyOnHostsWithItAndAForbiddenOneAvoidsThem() {
        await().atMost(Duration.ofSeconds(30)).until(() -> polycell.system().hostStates().get("cell1-host2")
                .map(state -> state.attribute("compute", "traits")).orElse("")
                .equals("COMPUTE_NODE,CUSTOM_NVME,HW_CPU_X86_AVX2"));
        flavor("avx2", "{\"trait:HW_CPU_X86_AVX2\": \"required\"}");
        flavor("nvme-without-avx2", "{\"trait:CUSTOM_NVME\": \"required\", \"trait:HW_CPU_X86_AVX2\": "
                + "\"forbidden\"}");

        // Before the AVX2 servers fill cell1-host2: spreading alone would send some of these there.
        assertThat(hostsOf(4, "nvme-", "nvme-without-avx2", null))
                .as("NVMe is on cell1-host2 and cell1-host3; AVX2 is forbidden").containsOnly("cell1-host3");
        assertThat(hostsOf(3, "avx2-", "avx2", null)).containsOnly("cell1-host2");
    }

    @Test
    void aTraitNoHostHasLeavesTheServerInErrorWithNoValidHost() {
        flavor("gpu", "{\"trait:CUSTOM_GPU\": \"required\"}");

        String id = boot("gpu-0", "gpu", null);
        JsonNode server = Servers.awaitStatus(polycell, KIM, id, "ERROR");

        assertThat(server.path("fault").path("code").asInt()).isEqualTo(500);
        assertThat(server.path("fault").path("message").asString()).isEqualTo("No valid host was found. ");
    }

    /** Sets the service's status through os-services and waits until every scheduler replica knows it. */
    private void setServiceStatus(String service, String body, String disabled) {
        RunningPolycell.Response answer = polycell.put(ADMIN, "/v2.1/os-services/" + service, body, "2.53");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String host = answer.json().path("service").path("host").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> polycell.system().replicaHostStates().stream()
                .map(states -> states.get(host).orElseThrow().attribute(HostState.OPERATOR, "disabled"))
                .allMatch(disabled::equals));
    }

    /** Creates an aggregate ({@code aggregate} is the body's object) and returns its id. */
    private String aggregate(String aggregate) {
        RunningPolycell.Response created = polycell.post(ADMIN, "/v2.1/os-aggregates", "{\"aggregate\": " + aggregate
                + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("aggregate").path("id").asString();
    }

    private void act(String aggregateId, String action) {
        RunningPolycell.Response done = polycell.post(ADMIN, "/v2.1/os-aggregates/" + aggregateId + "/action", action);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    /** Waits until the scheduler's picture of {@code host} has {@code key} = {@code value} from its aggregates. */
    private void awaitAggregatesSay(String host, String key, String value) {
        await().atMost(Duration.ofSeconds(30)).until(() -> value.equals(polycell.system().hostStates()
                .get(host).orElseThrow().attribute("aggregates", key)));
    }

    /** Boots {@code count} servers one after the other, each once the one before is ACTIVE; their hosts. */
    private List<String> hostsOf(int count, String namePrefix, String flavor, String zone) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = boot(namePrefix + i, flavor, zone);
            Servers.awaitStatus(polycell, KIM, id, "ACTIVE");
            hosts.add(host(id));
        }
        return hosts;
    }

    /** An admin's flavor of 1 vCPU, 512 MB and 1 GB with these extra specs (a JSON object). */
    private void flavor(String id, String extraSpecs) {
        RunningPolycell.Response created = polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"" + id
                + "\", \"ram\": 512, \"vcpus\": 1, \"disk\": 1, \"id\": \"" + id + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        RunningPolycell.Response specs = polycell.post(ADMIN, "/v2.1/flavors/" + id + "/os-extra_specs",
                "{\"extra_specs\": " + extraSpecs + "}");
        assertThat(specs.status()).as(specs.body()).isEqualTo(200);
    }

    private String boot(String name, String flavor, String zone) {
        String body = "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"" + flavor + "\", \"imageRef\": \""
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
