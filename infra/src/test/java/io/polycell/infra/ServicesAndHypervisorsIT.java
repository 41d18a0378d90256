package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.Hypervisors;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import io.polycell.messages.host.ComputeServiceIds;
import io.polycell.query.host.HostViewProjection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** os-services and os-hypervisors over HTTP against the assembled default: 8 hosts in 2 cells. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServicesAndHypervisorsIT {

    private static final String ADMIN = "admin:ops";
    private static final String MEMBER = "alice:tenant-a";
    private static final String V2_11 = "2.11";
    private static final String V2_53 = "2.53";
    private static final String V2_88 = "2.88";

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir);
        await().atMost(Duration.ofSeconds(30)).until(() -> services(null).size() == 8);
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    @Test
    void listsTheEightComputeServicesOfBothCellsWithNumericIds() {
        List<JsonNode> services = services(null);

        assertThat(services).extracting(service -> service.path("host").asString()).containsExactly(
                "cell1-host1", "cell1-host2", "cell1-host3", "cell1-host4",
                "cell2-host1", "cell2-host2", "cell2-host3", "cell2-host4");
        assertThat(services).extracting(service -> service.path("id").asInt()).containsExactly(1, 2, 3, 4, 1, 2, 3, 4);
        JsonNode first = services.get(0);
        assertThat(first.path("id").isInt()).isTrue();
        assertThat(first.path("binary").asString()).isEqualTo("nova-compute");
        assertThat(first.path("zone").asString()).isEqualTo("nova");
        assertThat(first.path("state").asString()).isEqualTo("up");
        assertThat(first.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(first.has("disabled_reason")).isTrue();
        assertThat(first.has("forced_down")).as("forced_down is shown from 2.11").isFalse();

        JsonNode filtered = get(ADMIN, "/v2.1/os-services?host=cell2-host3", null).json().path("services");
        assertThat(filtered).extracting(service -> service.path("host").asString()).containsExactly("cell2-host3");
        assertThat(get(ADMIN, "/v2.1/os-services?binary=nova-compute", null).json().path("services")).hasSize(8);
    }

    @Test
    void listsTheControlServicesInTheInternalZoneBeforeTheComputeServices() {
        List<JsonNode> all = new ArrayList<>();
        get(ADMIN, "/v2.1/os-services", null).json().path("services").forEach(all::add);

        assertThat(all).extracting(service -> service.path("binary").asString()).containsExactly(
                "nova-conductor", "nova-conductor", "nova-conductor", "nova-scheduler",
                "nova-compute", "nova-compute", "nova-compute", "nova-compute",
                "nova-compute", "nova-compute", "nova-compute", "nova-compute");
        List<JsonNode> control = all.subList(0, 4);
        assertThat(control).allSatisfy(service -> {
            assertThat(service.path("zone").asString()).isEqualTo("internal");
            assertThat(service.path("status").asString()).isEqualTo("enabled");
            assertThat(service.path("state").asString()).isEqualTo("up");
            assertThat(service.path("updated_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        });
        assertThat(control).extracting(service -> service.path("id").asInt()).containsExactly(1, 2, 3, 4);

        JsonNode schedulers = get(ADMIN, "/v2.1/os-services?binary=nova-scheduler", V2_53).json().path("services");
        assertThat(schedulers).hasSize(1);
        assertThat(schedulers.get(0).path("forced_down").asBoolean(true)).isFalse();
        String uuid = schedulers.get(0).path("id").asString();
        assertThat(uuid).hasSize(36);
        assertThat(get(ADMIN, "/v2.1/os-services?binary=nova-scheduler", V2_53).json().path("services").get(0)
                .path("id").asString()).as("a control service keeps its id").isEqualTo(uuid);
        assertThat(put(ADMIN, "/v2.1/os-services/" + uuid, V2_53, "{\"status\": \"disabled\"}").status())
                .as("a control service takes no commands").isEqualTo(404);
        String controlHost = schedulers.get(0).path("host").asString();
        assertThat(get(ADMIN, "/v2.1/os-services?host=" + controlHost + "&binary=nova-conductor", null).json()
                .path("services")).hasSize(3);
    }

    @Test
    void fromMicroversion253ServicesAndHypervisorsAreIdentifiedByUuids() {
        JsonNode service = get(ADMIN, "/v2.1/os-services?host=cell1-host2", V2_53).json().path("services").get(0);
        ComputeServiceIds ids = ComputeServiceIds.of("cell1-host2");
        assertThat(service.path("id").asString()).isEqualTo(ids.service().toString());
        assertThat(service.path("forced_down").asBoolean(true)).isFalse();

        JsonNode hypervisor = get(ADMIN, "/v2.1/os-hypervisors/" + ids.computeNode(), V2_53).json().path("hypervisor");
        assertThat(hypervisor.path("hypervisor_hostname").asString()).isEqualTo("cell1-host2");
        assertThat(hypervisor.path("service").path("id").asString()).isEqualTo(ids.service().toString());

        JsonNode byNumber = get(ADMIN, "/v2.1/os-hypervisors/2", null).json().path("hypervisor");
        assertThat(byNumber.path("id").asInt()).isEqualTo(2);
        assertThat(byNumber.path("hypervisor_hostname").asString()).isEqualTo("cell1-host2");

        assertThat(get(ADMIN, "/v2.1/os-hypervisors/2", V2_53).status()).isEqualTo(400);
        Response unknown = get(ADMIN, "/v2.1/os-hypervisors/" + ComputeServiceIds.of("nowhere").computeNode(), V2_53);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(get(ADMIN, "/v2.1/os-hypervisors/99", null).status()).isEqualTo(404);
        assertThat(put(ADMIN, "/v2.1/os-services/" + ComputeServiceIds.of("nowhere").service(), V2_53,
                "{\"status\": \"disabled\"}").status()).isEqualTo(404);
        assertThat(put(ADMIN, "/v2.1/os-services/disable", V2_53, "{\"status\": \"disabled\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aBootedServerShowsInItsHypervisorsUsage() {
        Map<String, JsonNode> before = Hypervisors.byHost(polycell);
        assertThat(before).hasSize(8);
        JsonNode anyHost = before.get("cell1-host1");
        assertThat(anyHost.path("hypervisor_type").asString()).isEqualTo("fake");
        assertThat(anyHost.path("vcpus").asInt()).isEqualTo(64);
        assertThat(anyHost.path("memory_mb").asInt()).isEqualTo(262144);
        assertThat(anyHost.path("local_gb").asInt()).isEqualTo(4000);
        assertThat(anyHost.path("service").path("host").asString()).isEqualTo("cell1-host1");

        String id = polycell.boot(MEMBER, "counted", "1");
        Servers.awaitStatus(polycell, MEMBER, id, "ACTIVE");
        String host = get(ADMIN, "/v2.1/servers/" + id, null).json().path("server").path("OS-EXT-SRV-ATTR:host")
                .asString();
        JsonNode was = before.get(host);

        await().atMost(Duration.ofSeconds(30)).until(() -> Hypervisors.byHost(polycell).get(host)
                .path("running_vms").asInt() == was.path("running_vms").asInt() + 1);
        JsonNode now = Hypervisors.byHost(polycell).get(host);
        assertThat(now.path("vcpus_used").asInt()).isEqualTo(was.path("vcpus_used").asInt() + 1);
        assertThat(now.path("memory_mb_used").asInt()).isEqualTo(was.path("memory_mb_used").asInt() + 512);
        assertThat(now.path("local_gb_used").asInt()).isEqualTo(was.path("local_gb_used").asInt() + 1);
        assertThat(now.path("free_ram_mb").asInt()).isEqualTo(262144 - now.path("memory_mb_used").asInt());

        assertThat(polycell.delete(MEMBER, "/v2.1/servers/" + id).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> Hypervisors.byHost(polycell).get(host)
                .path("running_vms").asInt() == was.path("running_vms").asInt());
    }

    @Test
    void from288HypervisorsShowNoUsage() {
        JsonNode hypervisors = get(ADMIN, "/v2.1/os-hypervisors/detail", V2_88).json().path("hypervisors");
        assertThat(hypervisors).hasSize(8);
        JsonNode first = hypervisors.get(0);
        assertThat(first.has("vcpus")).isFalse();
        assertThat(first.has("running_vms")).isFalse();
        assertThat(first.has("uptime")).isTrue();
        assertThat(first.path("service").path("id").asString()).hasSize(36);

        JsonNode summaries = get(ADMIN, "/v2.1/os-hypervisors", null).json().path("hypervisors");
        assertThat(summaries).hasSize(8);
        assertThat(summaries.get(0).size()).isEqualTo(4);
    }

    @Test
    void anOperatorDisablesAHostWithAReasonAndEnablesItAgain() {
        String serviceId = ComputeServiceIds.of("cell2-host2").service().toString();

        Response disabled = put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53,
                "{\"status\": \"disabled\", \"disabled_reason\": \"disk replacement\"}");
        assertThat(disabled.status()).isEqualTo(200);
        JsonNode answer = disabled.json().path("service");
        assertThat(answer.path("id").asString()).isEqualTo(serviceId);
        assertThat(answer.path("status").asString()).isEqualTo("disabled");
        assertThat(answer.path("disabled_reason").asString()).isEqualTo("disk replacement");
        assertThat(answer.path("state").asString()).isEqualTo("up");

        JsonNode listed = awaitService("cell2-host2", service -> service.path("status").asString().equals("disabled"));
        assertThat(listed.path("disabled_reason").asString()).isEqualTo("disk replacement");
        JsonNode hypervisor = Hypervisors.byHost(polycell).get("cell2-host2");
        assertThat(hypervisor.path("status").asString()).isEqualTo("disabled");
        assertThat(hypervisor.path("service").path("disabled_reason").asString()).isEqualTo("disk replacement");
        JsonNode zoneHost = zoneHosts("nova").path("cell2-host2").path("nova-compute");
        assertThat(zoneHost.path("active").asBoolean(true)).as("a disabled service is not active").isFalse();
        assertThat(zoneHost.path("available").asBoolean()).as("but its host is still up").isTrue();
        assertThat(zoneHost.path("updated_at").asString()).isNotEmpty();

        Response again = put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53,
                "{\"status\": \"disabled\", \"disabled_reason\": \"something else\"}");
        assertThat(again.json().path("service").path("disabled_reason").asString()).isEqualTo("disk replacement");

        Response enabled = put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53, "{\"status\": \"enabled\"}");
        assertThat(enabled.json().path("service").path("status").asString()).isEqualTo("enabled");
        JsonNode back = awaitService("cell2-host2", service -> service.path("status").asString().equals("enabled"));
        assertThat(back.path("disabled_reason").isNull()).isTrue();

        assertThat(put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53,
                "{\"status\": \"enabled\", \"disabled_reason\": \"nonsense\"}").status()).isEqualTo(400);
        assertThat(put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53, "{}").status()).isEqualTo(400);
    }

    @Test
    void aForcedDownHostIsDownUntilTheFlagIsLifted() {
        String serviceId = ComputeServiceIds.of("cell1-host4").service().toString();

        Response forced = put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53, "{\"forced_down\": true}");
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.json().path("service").path("forced_down").asBoolean()).isTrue();
        assertThat(forced.json().path("service").path("state").asString()).isEqualTo("down");
        awaitService("cell1-host4", service -> service.path("forced_down").asBoolean()
                && service.path("state").asString().equals("down"));
        assertThat(Hypervisors.byHost(polycell).get("cell1-host4").path("state").asString()).isEqualTo("down");

        Response lifted = put(ADMIN, "/v2.1/os-services/" + serviceId, V2_53, "{\"forced_down\": false}");
        assertThat(lifted.json().path("service").path("state").asString()).isEqualTo("up");
        awaitService("cell1-host4", service -> !service.path("forced_down").asBoolean()
                && service.path("state").asString().equals("up"));
    }

    @Test
    void theActionsBefore253NameTheServiceByHostAndBinary() {
        Response disabled = put(ADMIN, "/v2.1/os-services/disable-log-reason", null,
                "{\"host\": \"cell1-host3\", \"binary\": \"nova-compute\", \"disabled_reason\": \"firmware\"}");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("service").path("host").asString()).isEqualTo("cell1-host3");
        assertThat(disabled.json().path("service").path("binary").asString()).isEqualTo("nova-compute");
        assertThat(disabled.json().path("service").path("status").asString()).isEqualTo("disabled");
        assertThat(disabled.json().path("service").path("disabled_reason").asString()).isEqualTo("firmware");
        awaitService("cell1-host3", service -> service.path("disabled_reason").asString("").equals("firmware"));

        Response enabled = put(ADMIN, "/v2.1/os-services/enable", null,
                "{\"host\": \"cell1-host3\", \"binary\": \"nova-compute\"}");
        assertThat(enabled.json().path("service").path("status").asString()).isEqualTo("enabled");

        String forceDown = "{\"host\": \"cell1-host3\", \"binary\": \"nova-compute\", \"forced_down\": true}";
        assertThat(put(ADMIN, "/v2.1/os-services/force-down", null, forceDown).status()).isEqualTo(404);
        Response forced = put(ADMIN, "/v2.1/os-services/force-down", V2_11, forceDown);
        assertThat(forced.json().path("service").path("forced_down").asBoolean()).isTrue();
        Response lifted = put(ADMIN, "/v2.1/os-services/force-down", V2_11, forceDown.replace("true", "false"));
        assertThat(lifted.json().path("service").path("forced_down").asBoolean()).isFalse();
        awaitService("cell1-host3", service -> service.path("state").asString().equals("up"));

        Response unknownHost = put(ADMIN, "/v2.1/os-services/disable", null,
                "{\"host\": \"nowhere\", \"binary\": \"nova-compute\"}");
        assertThat(unknownHost.status()).isEqualTo(404);
        assertThat(unknownHost.json().path("itemNotFound").path("message").asString())
                .isEqualTo("Host 'nowhere' is not mapped to any cell");
        assertThat(put(ADMIN, "/v2.1/os-services/disable", null,
                "{\"host\": \"cell1-host3\", \"binary\": \"nova-scheduler\"}").status()).isEqualTo(404);
        assertThat(put(ADMIN, "/v2.1/os-services/reboot", null,
                "{\"host\": \"cell1-host3\", \"binary\": \"nova-compute\"}").status()).isEqualTo(404);
        assertThat(put(ADMIN, "/v2.1/os-services/disable", null, "{\"host\": \"cell1-host3\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aMemberIsRefusedWithNovasPolicyMessages() {
        assertForbidden(get(MEMBER, "/v2.1/os-services", null), "os_compute_api:os-services:list");
        assertForbidden(put(MEMBER, "/v2.1/os-services/" + ComputeServiceIds.of("cell1-host1").service(), V2_53,
                "{\"status\": \"disabled\"}"), "os_compute_api:os-services:update");
        assertForbidden(put(MEMBER, "/v2.1/os-services/disable", null,
                "{\"host\": \"cell1-host1\", \"binary\": \"nova-compute\"}"), "os_compute_api:os-services:update");
        assertForbidden(get(MEMBER, "/v2.1/os-hypervisors", null), "os_compute_api:os-hypervisors:list");
        assertForbidden(get(MEMBER, "/v2.1/os-hypervisors/detail", null), "os_compute_api:os-hypervisors:list-detail");
        assertForbidden(get(MEMBER, "/v2.1/os-hypervisors/1", null), "os_compute_api:os-hypervisors:show");
        assertThat(services(null)).allMatch(service -> service.path("status").asString().equals("enabled")
                || !service.path("host").asString().equals("cell1-host1"));
    }

    @Test
    void replayingTheHostViewGivesEveryHostTheSameIds() {
        List<JsonNode> before = services(null);
        TrackingEventProcessor processor = polycell.system().store("cell2").configuration()
                .eventProcessingConfiguration().eventProcessor(HostViewProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(services(null)).as("the reset emptied cell2's view").hasSize(4);
        processor.start();

        List<String> expected = before.stream().map(ServicesAndHypervisorsIT::hostAndId).toList();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> services(null).stream().map(ServicesAndHypervisorsIT::hostAndId).toList()
                        .equals(expected));
    }

    private static String hostAndId(JsonNode service) {
        return service.path("host").asString() + "=" + service.path("id").asInt();
    }

    private static void assertForbidden(Response response, String rule) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"forbidden\":{\"code\":403,\"message\":\"Policy doesn't allow "
                + rule + " to be performed.\"}}");
    }

    private JsonNode awaitService(String host, Predicate<JsonNode> condition) {
        List<JsonNode> last = new ArrayList<>(1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode service = get(ADMIN, "/v2.1/os-services?host=" + host, V2_11).json().path("services").get(0);
            last.clear();
            last.add(service);
            return service != null && condition.test(service);
        });
        return last.get(0);
    }

    /** The compute services only. */
    private List<JsonNode> services(String version) {
        List<JsonNode> services = new ArrayList<>();
        get(ADMIN, "/v2.1/os-services?binary=nova-compute", version).json().path("services").forEach(services::add);
        return services;
    }

    private JsonNode zoneHosts(String zone) {
        for (JsonNode info : get(ADMIN, "/v2.1/os-availability-zone/detail", null).json().path("availabilityZoneInfo")) {
            if (info.path("zoneName").asString().equals(zone)) {
                return info.path("hosts");
            }
        }
        throw new AssertionError("no zone " + zone);
    }

    private Response get(String token, String path, String version) {
        return polycell.send(token, "GET", path, null, version);
    }

    private Response put(String token, String path, String version, String body) {
        return polycell.send(token, "PUT", path, body, version);
    }
}
