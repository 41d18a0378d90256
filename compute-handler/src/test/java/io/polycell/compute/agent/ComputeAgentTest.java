package io.polycell.compute.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.FakeDriver;
import io.polycell.messages.common.Resources;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.compute.driver.Guest;
import io.polycell.compute.link.LocalCellLink;
import io.polycell.messages.host.ClaimedInstances;
import io.polycell.messages.host.ReportHostHeartbeat;
import io.polycell.messages.host.AllocationPolicy;
import io.polycell.messages.host.ReportHostInventory;
import io.polycell.messages.host.SyncHostGuests;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.DestroyGuest;
import io.polycell.messages.instance.HostCommand;
import io.polycell.messages.instance.HostCommandNames;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordPowerState;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RunServerAction;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.RecordGuestDestroyed;
import io.polycell.messages.instance.RecordInstanceSpawned;
import io.polycell.messages.instance.SpawnInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.GenericMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComputeAgentTest {

    private static final AllocationPolicy OVERCOMMIT = new AllocationPolicy(4.0, 1.0, 1.0, new Resources(0, 512, 0));

    private final CommandBus bus = SimpleCommandBus.builder().build();
    private final List<Object> reports = new CopyOnWriteArrayList<>();
    private final FakeDriver driver = new FakeDriver(new Resources(8, 16384, 200), Duration.ofMillis(20),
            Set.of("HW_CPU_X86_AVX2"));
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final List<SyncHostGuests> syncs = new CopyOnWriteArrayList<>();
    private volatile Set<String> claimed = Set.of();
    private ComputeAgent agent;

    @BeforeEach
    void startAgent() {
        for (Class<?> report : List.of(ReportHostInventory.class, RecordInstanceSpawned.class,
                RecordGuestDestroyed.class, RecordServerActionResult.class, RecordPowerState.class)) {
            bus.subscribe(report.getName(), message -> {
                reports.add(message.getPayload());
                return null;
            });
        }
        bus.subscribe(ReportHostHeartbeat.class.getName(), message -> {
            heartbeats.incrementAndGet();
            return null;
        });
        bus.subscribe(SyncHostGuests.class.getName(), message -> {
            syncs.add((SyncHostGuests) message.getPayload());
            return new ClaimedInstances(claimed);
        });
        agent = new ComputeAgent("h1", "cell1", driver, new LocalCellLink(bus),
                new AgentSettings(2, Duration.ofMillis(50), Duration.ofHours(1), 3, OVERCOMMIT));
        agent.start();
    }

    @AfterEach
    void stopAgent() {
        agent.close();
    }

    @Test
    void reportsItsInventoryWhenItStartsAndKeepsSendingHeartbeats() {
        assertThat(reports).containsExactly(new ReportHostInventory("h1", "cell1", new Resources(8, 16384, 200),
                OVERCOMMIT, Map.of("hypervisor_type", "fake", "architecture", "x86_64"),
                Set.of("COMPUTE_NODE", "HW_CPU_X86_AVX2")));
        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeats.get() >= 3);
    }

    @Test
    void runsAnActionOnTheGuestAndReportsItsPowerState() {
        InstanceSpec spec = spec("i-4");
        send("h1", new SpawnInstance("h1", spec.instanceId(), spec));
        await().atMost(Duration.ofSeconds(5)).until(() -> spawnedReports() == 1);
        send("h1", new RunServerAction("h1", spec.instanceId(), "r1", ServerAction.PAUSE, false, spec));

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.contains(
                new RecordServerActionResult(spec.instanceId(), "r1", "h1", PowerState.PAUSED, null)));
        assertThat(driver.guest(spec.instanceId()).orElseThrow().powerState()).isEqualTo(PowerState.PAUSED);
    }

    @Test
    void aRefusedActionIsReportedAsAFailure() {
        send("h1", new RunServerAction("h1", "ghost", "r2", ServerAction.STOP, false, spec("ghost")));

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.stream()
                .anyMatch(r -> r instanceof RecordServerActionResult result && result.requestId().equals("r2")
                        && result.error() != null && result.powerState() == null));
    }

    @Test
    void syncReportsOnlyChangedPowerStatesAndGuestsThatVanished() {
        driver.adopt(new Guest("i-5", "instance-i5", PowerState.RUNNING));
        driver.adopt(new Guest("i-6", "instance-i6", PowerState.RUNNING));
        driver.adopt(new Guest("stray", "not-ours", PowerState.RUNNING));
        claimed = Set.of("i-5", "i-6", "i-7");

        agent.syncGuests();
        assertThat(syncs.get(0).guests()).containsOnlyKeys("i-5", "i-6", "stray");
        await().atMost(Duration.ofSeconds(5)).until(() -> powerReports().size() == 3);
        assertThat(powerReports()).containsExactlyInAnyOrder(new RecordPowerState("i-5", "h1", PowerState.RUNNING),
                new RecordPowerState("i-6", "h1", PowerState.RUNNING), new RecordPowerState("i-7", "h1", PowerState.NOSTATE));

        reports.clear();
        driver.force("i-6", PowerState.SHUTDOWN);
        agent.syncGuests();
        await().atMost(Duration.ofSeconds(5)).until(() -> !powerReports().isEmpty());
        assertThat(powerReports()).containsExactly(new RecordPowerState("i-6", "h1", PowerState.SHUTDOWN));
    }

    private List<Object> powerReports() {
        return reports.stream().filter(RecordPowerState.class::isInstance).toList();
    }

    @Test
    void aRedeliveredSpawnLeavesOneGuestAndReportsTheSameOutcome() {
        InstanceSpec spec = spec("i-1");
        send("h1", new SpawnInstance("h1", "i-1", spec));
        send("h1", new SpawnInstance("h1", "i-1", spec));

        await().atMost(Duration.ofSeconds(5)).until(() -> spawnedReports() == 2);
        assertThat(driver.guests()).hasSize(1);
    }

    @Test
    void aDeleteThatArrivesDuringTheSpawnRunsAfterIt() {
        send("h1", new SpawnInstance("h1", "i-2", spec("i-2")));
        send("h1", new DestroyGuest("h1", "i-2"));

        await().atMost(Duration.ofSeconds(5)).until(() -> reports.contains(new RecordGuestDestroyed("i-2", "h1")));
        assertThat(driver.guest("i-2")).isEmpty();
        assertThat(reports.indexOf(new RecordGuestDestroyed("i-2", "h1")))
                .isGreaterThan(reports.stream().filter(RecordInstanceSpawned.class::isInstance).map(reports::indexOf)
                        .findFirst().orElseThrow());
    }

    @Test
    void takesNoCommandAddressedToAnotherHost() {
        boolean delivered = true;
        try {
            send("h2", new SpawnInstance("h2", "i-3", spec("i-3")));
        } catch (Exception noHandler) {
            delivered = false;
        }
        assertThat(delivered).isFalse();
        assertThat(driver.guests()).isEmpty();
    }

    private long spawnedReports() {
        return reports.stream().filter(RecordInstanceSpawned.class::isInstance).count();
    }

    private void send(String host, Object command) {
        String name = HostCommandNames.of(((HostCommand) command).getClass(), host);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        bus.dispatch(new GenericCommandMessage<>(new GenericMessage<>(command), name), (message, result) -> {
            if (result.isExceptional()) {
                failure.set(result.exceptionResult());
            }
        });
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }

    private static InstanceSpec spec(String id) {
        return new InstanceSpec(id + "-0000-0000", "vm-" + id, "p", "u",
                new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true),
                new ImageSpec("img", "cirros", 0, 0, 1, "qcow2", Map.of()), Map.of(), Instant.now());
    }
}
