package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.FakeDriver;
import io.polycell.compute.driver.Guest;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.messages.instance.PowerState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * An agent that dies while a spawn is in flight and is restarted: the server ends ACTIVE or ERROR,
 * never stays in BUILD past the spawn deadline, and never gets a second guest.
 */
class AgentCrashIT {

    private static final String GUS = "gus:tenant-g";
    private static final String HOST = "cell1-host1";
    private static final Duration SPAWN_DEADLINE = Duration.ofSeconds(6);

    @TempDir
    Path dataDir;

    @Test
    void aSpawnCutShortByACrashEndsActiveOrErrorWithinTheDeadline() {
        try (RunningPolycell polycell = startWithOneSlowHost()) {
            FakeDriver hypervisor = (FakeDriver) polycell.system().driver(HOST);
            String id = polycell.boot(GUS, "interrupted", "1");
            awaitBuildingOn(polycell, id);

            Instant crash = Instant.now();
            polycell.system().crashAndRestartAgent(HOST);

            String status = awaitSettled(polycell, id);
            assertThat(status).isIn("ACTIVE", "ERROR");
            assertThat(Duration.between(crash, Instant.now())).isLessThan(SPAWN_DEADLINE.plusSeconds(5));
            assertThat(hypervisor.guests().stream().filter(guest -> guest.instanceId().equals(id))).hasSizeLessThan(2);
        }
    }

    @Test
    void aGuestThatStartedBeforeTheCrashMakesTheServerActiveWithoutASecondSpawn() {
        try (RunningPolycell polycell = startWithOneSlowHost()) {
            FakeDriver hypervisor = (FakeDriver) polycell.system().driver(HOST);
            String id = polycell.boot(GUS, "finished-unreported", "1");
            awaitBuildingOn(polycell, id);

            // The crash comes after the hypervisor started the guest but before the agent reported it.
            polycell.system().crashAndRestartAgent(HOST);
            hypervisor.adopt(new Guest(id, "instance-" + id.substring(0, 8), PowerState.RUNNING));

            assertThat(awaitSettled(polycell, id)).isEqualTo("ACTIVE");
            assertThat(hypervisor.guests()).filteredOn(guest -> guest.instanceId().equals(id)).hasSize(1);
            JsonNode create = polycell.get(GUS, "/v2.1/servers/" + id + "/os-instance-actions/req-" + id).json();
            assertThat(create.path("instanceAction").path("events").get(0).path("result").asString())
                    .isEqualTo("Success");
        }
    }

    private RunningPolycell startWithOneSlowHost() {
        return RunningPolycell.start(dataDir, "polycell.agent.sync-interval=200ms",
                "polycell.conductor.spawn-deadline=" + SPAWN_DEADLINE.toSeconds() + "s",
                "polycell.cells.cell1.hosts=1", "polycell.cells.cell1.spawn-delay=3s",
                "polycell.cells.cell2.hosts=0");
    }

    private static void awaitBuildingOn(RunningPolycell polycell, String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            JsonNode server = polycell.get("admin:tenant-g", "/v2.1/servers/" + id).json().path("server");
            return "spawning".equals(server.path("OS-EXT-STS:task_state").asString())
                    && HOST.equals(server.path("OS-EXT-SRV-ATTR:host").asString());
        });
    }

    private static String awaitSettled(RunningPolycell polycell, String id) {
        String[] status = new String[1];
        await().atMost(SPAWN_DEADLINE.plusSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            status[0] = polycell.get(GUS, "/v2.1/servers/" + id).json().path("server").path("status").asString();
            return !status[0].equals("BUILD");
        });
        return status[0];
    }
}
