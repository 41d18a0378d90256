package io.polycell.command.instance;

import io.polycell.command.Specs;
import io.polycell.command.support.Refusals;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceLocked;
import io.polycell.messages.instance.InstancePowerStateChanged;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.InstanceUnlocked;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.RecordPowerState;
import io.polycell.messages.instance.RecordServerActionResult;
import io.polycell.messages.instance.RequestServerAction;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionFailed;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import io.polycell.messages.image.ImageSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The instance's rules for server actions, lock and power-state sync. */
class InstanceActionRulesTest {

    private static final String ID = "i-1";
    private final AggregateTestFixture<Instance> fixture = new AggregateTestFixture<>(Instance.class);
    private final InstanceSpec spec = Specs.instance(ID);
    private final InstanceCreated created = new InstanceCreated(ID, "cell1", "h1", spec);
    private final InstanceSpawned spawned = new InstanceSpawned(ID, "h1", PowerState.RUNNING, Specs.NOW);

    @BeforeEach
    void fixClock() {
        fixture.registerInjectableResource(Clock.fixed(Specs.NOW, ZoneOffset.UTC));
    }

    private static RequestServerAction request(String requestId, ServerAction action) {
        return new RequestServerAction(ID, requestId, action, false, null, Specs.OWNER);
    }

    private ServerActionStarted started(String requestId, ServerAction action, TaskState task) {
        return new ServerActionStarted(ID, requestId, action, false, "h1", task, "alice", "tenant-a", spec);
    }

    @Test
    void stoppingAnActiveServerSetsPoweringOff() {
        fixture.given(created, spawned)
                .when(request("r1", ServerAction.STOP))
                .expectEvents(started("r1", ServerAction.STOP, TaskState.POWERING_OFF));
    }

    @Test
    void theHostsReportFinishesTheActionWithItsPowerState() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF))
                .when(new RecordServerActionResult(ID, "r1", "h1", PowerState.SHUTDOWN, null))
                .expectEvents(new ServerActionCompleted(ID, "r1", ServerAction.STOP, VmState.STOPPED,
                        PowerState.SHUTDOWN));
    }

    @Test
    void aReportForAnotherRequestChangesNothing() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF))
                .when(new RecordServerActionResult(ID, "old", "h1", PowerState.RUNNING, null))
                .expectNoEvents();
    }

    @Test
    void aFailureOnTheHostClearsTheTaskAndKeepsTheState() {
        fixture.given(created, spawned, started("r1", ServerAction.PAUSE, TaskState.PAUSING))
                .when(new RecordServerActionResult(ID, "r1", "h1", null, "libvirt said no"))
                .expectEvents(new ServerActionFailed(ID, "r1", ServerAction.PAUSE, "libvirt said no"));
    }

    @Test
    void pausingAStoppedServerIsRefusedWithNovasMessage() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF),
                        new ServerActionCompleted(ID, "r1", ServerAction.STOP, VmState.STOPPED, PowerState.SHUTDOWN))
                .when(request("r2", ServerAction.PAUSE))
                .expectNoEvents()
                .expectExceptionMessage("Cannot 'pause' instance i-1 while it is in vm_state stopped");
    }

    @Test
    void noSecondActionWhileOneRuns() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF))
                .when(request("r2", ServerAction.REBOOT))
                .expectExceptionMessage("Cannot 'reboot' instance i-1 while it is in task_state powering-off");
    }

    @Test
    void aHardRebootIsAllowedFromStopped() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF),
                        new ServerActionCompleted(ID, "r1", ServerAction.STOP, VmState.STOPPED, PowerState.SHUTDOWN))
                .when(new RequestServerAction(ID, "r2", ServerAction.REBOOT, true, null, Specs.OWNER))
                .expectEvents(new ServerActionStarted(ID, "r2", ServerAction.REBOOT, true, "h1",
                        TaskState.REBOOTING_HARD, "alice", "tenant-a", spec));
    }

    @Test
    void aSoftRebootIsNotAllowedFromStopped() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF),
                        new ServerActionCompleted(ID, "r1", ServerAction.STOP, VmState.STOPPED, PowerState.SHUTDOWN))
                .when(request("r2", ServerAction.REBOOT))
                .expectException(Refusals.refusedWith(ErrorCode.CONFLICT));
    }

    @Test
    void aRebuildCarriesTheNewImageToTheHost() {
        ImageSpec debian = new ImageSpec("debian", "debian-12", 2, 256, 1L, "qcow2", Map.of());
        InstanceSpec rebuilt = spec.withImage(debian);
        fixture.given(created, spawned)
                .when(new RequestServerAction(ID, "r1", ServerAction.REBUILD, false, debian, Specs.OWNER))
                .expectEvents(new ServerActionStarted(ID, "r1", ServerAction.REBUILD, false, "h1", TaskState.REBUILDING,
                        "alice", "tenant-a", rebuilt));
    }

    @Test
    void aLockedServerRefusesItsOwnerButNotAnAdmin() {
        fixture.given(created, spawned, new InstanceLocked(ID, "r0", "alice", "tenant-a"))
                .when(request("r1", ServerAction.STOP))
                .expectExceptionMessage("Instance i-1 is locked");
        fixture.given(created, spawned, new InstanceLocked(ID, "r0", "alice", "tenant-a"))
                .when(new RequestServerAction(ID, "r1", ServerAction.STOP, false, null, Specs.ADMIN))
                .expectEvents(new ServerActionStarted(ID, "r1", ServerAction.STOP, false, "h1", TaskState.POWERING_OFF,
                        "admin", "ops", spec));
    }

    @Test
    void lockingTwiceRecordsOnceAndUnlockingClearsIt() {
        fixture.given(created, spawned, new InstanceLocked(ID, "r0", "alice", "tenant-a"))
                .when(request("r1", ServerAction.LOCK))
                .expectNoEvents();
        fixture.given(created, spawned, new InstanceLocked(ID, "r0", "alice", "tenant-a"))
                .when(request("r1", ServerAction.UNLOCK))
                .expectEvents(new InstanceUnlocked(ID, "r1", "alice", "tenant-a"));
    }

    @Test
    void anotherProjectCannotActOnTheServer() {
        fixture.given(created, spawned)
                .when(new RequestServerAction(ID, "r1", ServerAction.STOP, false, null, Specs.STRANGER))
                .expectException(Refusals.refusedWith(ErrorCode.NOT_FOUND));
    }

    @Test
    void aGuestThatStoppedBehindOurBackStopsTheServer() {
        fixture.given(created, spawned)
                .when(new RecordPowerState(ID, "h1", PowerState.SHUTDOWN))
                .expectEvents(new InstancePowerStateChanged(ID, PowerState.SHUTDOWN, VmState.STOPPED));
    }

    @Test
    void aGuestThatVanishedStopsTheServerWithNoState() {
        fixture.given(created, spawned)
                .when(new RecordPowerState(ID, "h1", PowerState.NOSTATE))
                .expectEvents(new InstancePowerStateChanged(ID, PowerState.NOSTATE, VmState.STOPPED));
    }

    @Test
    void anUnchangedPowerStateRecordsNothing() {
        fixture.given(created, spawned)
                .when(new RecordPowerState(ID, "h1", PowerState.RUNNING))
                .expectNoEvents();
    }

    @Test
    void powerStateSyncWaitsWhileAnActionRuns() {
        fixture.given(created, spawned, started("r1", ServerAction.STOP, TaskState.POWERING_OFF))
                .when(new RecordPowerState(ID, "h1", PowerState.SHUTDOWN))
                .expectNoEvents();
    }

    @Test
    void aRunningGuestFoundForABuildWhoseReportWasLostFinishesTheBuild() {
        fixture.given(created)
                .when(new RecordPowerState(ID, "h1", PowerState.RUNNING))
                .expectEvents(new InstanceSpawned(ID, "h1", PowerState.RUNNING, Specs.NOW));
    }

    @Test
    void noGuestYetForABuildChangesNothing() {
        fixture.given(created)
                .when(new RecordPowerState(ID, "h1", PowerState.NOSTATE))
                .expectNoEvents();
    }
}
