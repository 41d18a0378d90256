package io.polycell.command.instance;

import static io.polycell.command.support.Refusals.refusedWith;

import io.polycell.command.Specs;
import io.polycell.messages.common.Fault;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.instance.DeleteServerMetadataItem;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceLocked;
import io.polycell.messages.instance.InstanceMetadataChanged;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.PowerState;
import io.polycell.messages.instance.ServerAction;
import io.polycell.messages.instance.ServerActionCompleted;
import io.polycell.messages.instance.ServerActionStarted;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.UpdateServerMetadata;
import io.polycell.messages.instance.VmState;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** A server's metadata API on its instance: Nova's states, lock and metadata_items limit. */
class InstanceMetadataTest {

    private static final String ID = "i-1";
    private final AggregateTestFixture<Instance> fixture = new AggregateTestFixture<>(Instance.class);
    /** The spec's metadata is {"role": "web"}. */
    private final InstanceCreated created = new InstanceCreated(ID, "cell1", "h1", Specs.instance(ID));
    private final InstanceSpawned spawned = new InstanceSpawned(ID, "h1", PowerState.RUNNING, Specs.NOW);

    private static UpdateServerMetadata merge(Map<String, String> items, int limit) {
        return new UpdateServerMetadata(ID, items, false, limit, Specs.OWNER);
    }

    @Test
    void mergesItemsIntoWhatTheServerHasAndAnswersTheWhole() {
        fixture.given(created, spawned)
                .when(merge(Map.of("tier", "front", "role", "cache"), 128))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("role", "cache", "tier", "front")))
                .expectResultMessagePayload(Map.of("role", "cache", "tier", "front"));
    }

    @Test
    void replacesAllOfIt() {
        fixture.given(created, spawned)
                .when(new UpdateServerMetadata(ID, Map.of("tier", "front"), true, 128, Specs.OWNER))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("tier", "front")));
    }

    @Test
    void refusesMoreItemsThanTheLimitWithNovasMessage() {
        fixture.given(created, spawned)
                .when(merge(Map.of("a", "1", "b", "2"), 2))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Maximum number of metadata items exceeds 2");
    }

    @Test
    void theLimitCountsWhatTheServerEndsWith() {
        fixture.given(created, spawned)
                .when(new UpdateServerMetadata(ID, Map.of("a", "1", "b", "2"), true, 2, Specs.OWNER))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("a", "1", "b", "2")));
    }

    @Test
    void anUnlimitedQuotaTakesAnyNumber() {
        fixture.given(created, spawned)
                .when(merge(Map.of("a", "1", "b", "2", "c", "3"), -1))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void nothingIsRecordedWhenNothingChanges() {
        fixture.given(created, spawned)
                .when(merge(Map.of("role", "web"), 128))
                .expectNoEvents()
                .expectResultMessagePayload(Map.of("role", "web"));
    }

    @Test
    void aBuildingServerRefusesAsNovaDoes() {
        fixture.given(created)
                .when(merge(Map.of("a", "1"), 128))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot 'update metadata' instance i-1 while it is in vm_state building");
    }

    @Test
    void aServerInErrorRefuses() {
        fixture.given(new FailedInstanceCreated(ID, "cell0", Specs.instance(ID),
                        new Fault(500, "No valid host was found.", null, Specs.NOW)))
                .when(merge(Map.of("a", "1"), 128))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot 'update metadata' instance i-1 while it is in vm_state error");
    }

    @Test
    void aServerWithATaskUnderWayRefuses() {
        fixture.given(created, spawned, new ServerActionStarted(ID, "r1", ServerAction.STOP, false, "h1",
                        TaskState.POWERING_OFF, "alice", "tenant-a", Specs.instance(ID)))
                .when(new DeleteServerMetadataItem(ID, "role", Specs.OWNER))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot 'delete metadata' instance i-1 while it is in task_state "
                        + "powering-off");
    }

    @Test
    void aStoppedServerTakesMetadata() {
        fixture.given(created, spawned, new ServerActionStarted(ID, "r1", ServerAction.STOP, false, "h1",
                        TaskState.POWERING_OFF, "alice", "tenant-a", Specs.instance(ID)),
                        new ServerActionCompleted(ID, "r1", ServerAction.STOP, VmState.STOPPED, PowerState.SHUTDOWN))
                .when(merge(Map.of("a", "1"), 128))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("role", "web", "a", "1")));
    }

    @Test
    void aLockedServerRefuses() {
        fixture.given(created, spawned, new InstanceLocked(ID, "r1", "admin", "ops"))
                .when(merge(Map.of("a", "1"), 128))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Instance i-1 is locked");
    }

    @Test
    void anAdminChangesALockedServer() {
        fixture.given(created, spawned, new InstanceLocked(ID, "r1", "admin", "ops"))
                .when(new UpdateServerMetadata(ID, Map.of("a", "1"), false, 128, Specs.ADMIN))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("role", "web", "a", "1")));
    }

    @Test
    void anotherProjectsServerIsNotFound() {
        fixture.given(created, spawned)
                .when(new UpdateServerMetadata(ID, Map.of("a", "1"), false, 128, Specs.STRANGER))
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("Instance i-1 could not be found.");
    }

    @Test
    void deletesAnItem() {
        fixture.given(created, spawned)
                .when(new DeleteServerMetadataItem(ID, "role", Specs.OWNER))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of()));
    }

    @Test
    void anItemTheServerDoesNotHaveIsNotFoundBeforeItsStateMatters() {
        fixture.given(created)
                .when(new DeleteServerMetadataItem(ID, "nope", Specs.OWNER))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("Metadata item was not found");
    }

    @Test
    void aServerBeingDeletedRefuses() {
        fixture.given(created, spawned, new InstanceDeletionStarted(ID, "h1"))
                .when(merge(Map.of("a", "1"), 128))
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot 'update metadata' instance i-1 while it is in task_state deleting");
    }

    @Test
    void theChangedMetadataIsWhatTheNextChangeStartsFrom() {
        fixture.given(created, spawned, new InstanceMetadataChanged(ID, Map.of("tier", "front")))
                .when(merge(Map.of("zone", "a"), 128))
                .expectEvents(new InstanceMetadataChanged(ID, Map.of("tier", "front", "zone", "a")));
    }
}
