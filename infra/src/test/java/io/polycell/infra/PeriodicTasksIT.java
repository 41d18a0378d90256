package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.FakeDriver;
import io.polycell.compute.driver.Guest;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.messages.host.HostOrphansChanged;
import io.polycell.messages.instance.InstancePowerStateChanged;
import io.polycell.messages.instance.PowerState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The agents' periodic look at their hypervisors: power-state sync and orphan detection, on change only. */
class PeriodicTasksIT {

    private static final String ERIN = "erin:tenant-e";
    private static final String ADMIN = "admin:tenant-e";

    @TempDir
    Path dataDir;

    @Test
    void aGuestThatStopsOrVanishesBehindOurBackIsReportedOnceAndStraysAreOrphans() {
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.agent.sync-interval=200ms")) {
            String id = polycell.boot(ERIN, "watched", "1");
            Servers.awaitStatus(polycell, ERIN, id, "ACTIVE");
            String host = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server")
                    .path("OS-EXT-SRV-ATTR:host").asString();
            String cell = host.substring(0, host.indexOf('-'));
            FakeDriver hypervisor = (FakeDriver) polycell.system().driver(host);

            hypervisor.force(id, PowerState.SHUTDOWN);
            JsonNode stopped = Servers.awaitStatus(polycell, ERIN, id, "SHUTOFF");
            assertThat(stopped.path("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
            assertThat(stopped.path("OS-EXT-STS:vm_state").asString()).isEqualTo("stopped");

            hypervisor.adopt(new Guest("7f1c0c52-5a61-4df4-a6e4-0d3c8f8f1a01", "someone-elses", PowerState.RUNNING));
            await().atMost(Duration.ofSeconds(30)).until(() -> events(polycell, cell, HostOrphansChanged.class) == 1);

            // Many more syncs go by: nothing changed, so nothing more is recorded.
            sleep(Duration.ofSeconds(2));
            assertThat(events(polycell, cell, HostOrphansChanged.class)).isEqualTo(1);
            assertThat(events(polycell, cell, InstancePowerStateChanged.class)).isEqualTo(1);

            hypervisor.destroy(id);
            await().atMost(Duration.ofSeconds(30)).until(() -> polycell.get(ADMIN, "/v2.1/servers/" + id).json()
                    .path("server").path("OS-EXT-STS:power_state").asInt() == 0);
        }
    }

    private static long events(RunningPolycell polycell, String cell, Class<?> type) {
        return polycell.system().store(cell).jdbc().queryForObject(
                "SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class, type.getName());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
