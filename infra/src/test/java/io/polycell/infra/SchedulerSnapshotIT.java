package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.scheduler.HostState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted scheduler begins from the newest snapshot of its host states, in the API database, and
 * replays only the events after it: it ends up knowing what a full replay would, and places servers.
 */
class SchedulerSnapshotIT {

    private static final String ANA = "ana:tenant-s";
    private static final String EVERY_FEW_EVENTS = "polycell.scheduler.snapshot-every=10";

    @TempDir
    Path dataDir;

    @Test
    void aRestartedSchedulerStartsFromTheSnapshotAndKnowsWhatAFullReplayWould() {
        Map<String, HostState> before;
        try (RunningPolycell first = RunningPolycell.start(dataDir, EVERY_FEW_EVENTS)) {
            List<String> ids = List.of(first.boot(ANA, "a", "1"), first.boot(ANA, "b", "2"), first.boot(ANA, "c", "1"));
            ids.forEach(id -> Servers.awaitStatus(first, ANA, id, "ACTIVE"));
            await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(first) > 0);
            String late = first.boot(ANA, "after-the-snapshot", "1");
            Servers.awaitStatus(first, ANA, late, "ACTIVE");
            await("the feed has read every claim: nothing only proposed").atMost(Duration.ofSeconds(30))
                    .until(() -> first.system().hostStates().all().stream()
                            .allMatch(host -> host.pending().vcpus() == 0 && host.pending().ramMb() == 0)
                            && first.system().hostStates().all().stream().mapToInt(HostState::instances).sum() == 4);
            before = byHost(first);
        }

        try (RunningPolycell second = RunningPolycell.start(dataDir, EVERY_FEW_EVENTS)) {
            assertThat(second.system().schedulerSnapshotEvents()).as("started from a snapshot").isPositive();
            assertThat(byHost(second)).isEqualTo(before);
            assertThat(second.get(ANA, "/health").json().path("scheduler").get(0)
                    .path("started_from_snapshot_of_events").asLong()).isPositive();
            String next = second.boot(ANA, "d", "1");
            Servers.awaitStatus(second, ANA, next, "ACTIVE");
        }

        try (RunningPolycell third = RunningPolycell.start(dataDir, "polycell.scheduler.snapshot-every=0")) {
            assertThat(third.system().schedulerSnapshotEvents()).as("snapshots off: a full replay").isZero();
            assertThat(third.system().hostStates().all().stream().mapToInt(HostState::instances).sum()).isEqualTo(5);
        }
    }

    private static long snapshots(RunningPolycell polycell) {
        return polycell.system().apiJdbc().queryForObject("SELECT count(*) FROM scheduler_snapshot", Long.class);
    }

    private static Map<String, HostState> byHost(RunningPolycell polycell) {
        return polycell.system().hostStates().all().stream()
                .collect(Collectors.toMap(HostState::host, Function.identity()));
    }
}
