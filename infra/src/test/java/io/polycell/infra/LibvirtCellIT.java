package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.ComputeDriver;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.host.HostOrphansChanged;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole stack on real libvirt (its test driver, inside the library): servers booted through the
 * API become libvirt domains with the instance's UUID, actions change the domain, a domain stopped
 * behind Polycell's back is noticed, and a delete removes the domain.
 */
class LibvirtCellIT {

    private static final String FRAN = "fran:tenant-f";
    private static final String ADMIN = "admin:tenant-f";

    @TempDir
    Path dataDir;

    @Test
    void serversLiveAsLibvirtDomains() {
        LibvirtPrerequisite.requireForTests();
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.agent.sync-interval=200ms",
                "polycell.cells.cell1.hosts=2", "polycell.cells.cell1.vcpus=8", "polycell.cells.cell1.ram-mb=16384",
                "polycell.cells.cell1.disk-gb=100", "polycell.cells.cell1.driver=libvirt",
                "polycell.cells.cell2.hosts=0", "polycell.cells.cell2.vcpus=1", "polycell.cells.cell2.ram-mb=1",
                "polycell.cells.cell2.disk-gb=1")) {
            String id = polycell.boot(FRAN, "domain", "1");
            Servers.awaitStatus(polycell, FRAN, id, "ACTIVE");
            String host = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server")
                    .path("OS-EXT-SRV-ATTR:host").asString();
            ComputeDriver libvirt = polycell.system().driver(host);
            assertThat(libvirt.name()).isEqualTo("libvirt");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);

            act(polycell, id, "{\"os-stop\": null}", "SHUTOFF");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
            act(polycell, id, "{\"os-start\": null}", "ACTIVE");
            act(polycell, id, "{\"suspend\": null}", "SUSPENDED");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.SUSPENDED);
            act(polycell, id, "{\"resume\": null}", "ACTIVE");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);

            // A domain that no instance owns, started on the host behind Polycell's back, is an orphan.
            String stray = UUID.randomUUID().toString();
            libvirt.spawn(new InstanceSpec(stray, "stray", "nobody", "nobody",
                    new FlavorSpec("x", "x", 1, 256, 1, 0, 0, 1.0, true),
                    new ImageSpec("none", "none", 0, 0, 0L, "raw", Map.of()), Map.of(), Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> orphansRecorded(polycell, stray));

            libvirt.powerOff(id);
            JsonNode synced = Servers.awaitStatus(polycell, FRAN, id, "SHUTOFF");
            assertThat(synced.path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);

            assertThat(polycell.delete(FRAN, "/v2.1/servers/" + id).status()).isEqualTo(204);
            Servers.awaitGone(polycell, FRAN, id);
            await().atMost(Duration.ofSeconds(30)).until(() -> libvirt.guest(id).isEmpty());
        }
    }

    private static boolean orphansRecorded(RunningPolycell polycell, String instanceId) {
        return polycell.system().store("cell1").jdbc().queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype = ? "
                        + "AND convert_from(payload, 'UTF8') LIKE ?",
                Long.class, HostOrphansChanged.class.getName(), "%" + instanceId + "%") > 0;
    }

    private static void act(RunningPolycell polycell, String id, String body, String status) {
        Response response = polycell.post(FRAN, "/v2.1/servers/" + id + "/action", body);
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode server = polycell.get(FRAN, "/v2.1/servers/" + id).json().path("server");
            return server.path("status").asString().equals(status) && server.path("OS-EXT-STS:task_state").isNull();
        });
    }
}
