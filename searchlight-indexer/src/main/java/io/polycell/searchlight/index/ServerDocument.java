package io.polycell.searchlight.index;

import static io.polycell.messages.instance.VmState.statusOf;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.polycell.messages.common.Fault;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * One server in the search index, as listing, filtering and the operators' dashboard need it. Field
 * names are those of {@link ServerIndex#mapping()}, which is strict: a field added here and not there
 * is refused by the index. Times are kept to the microsecond, as the cells' views keep them, so the
 * index and the merge-sort listing order servers created in the same instant alike.
 *
 * @param buildRequest   true while only the API tier's build request knows the server
 * @param pendingImageId the image a rebuild in progress boots, until it completes
 * @param timeToActive   seconds from the API accepting the server to its guest running
 */
public record ServerDocument(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("project_id") String projectId,
        @JsonProperty("user_id") String userId,
        @JsonProperty("cell") String cell,
        @JsonProperty("host") String host,
        @JsonProperty("node") String node,
        @JsonProperty("flavor_id") String flavorId,
        @JsonProperty("flavor_name") String flavorName,
        @JsonProperty("image_id") String imageId,
        @JsonProperty("pending_image_id") String pendingImageId,
        @JsonProperty("metadata") Map<String, String> metadata,
        @JsonProperty("status") String status,
        @JsonProperty("vm_state") String vmState,
        @JsonProperty("task_state") String taskState,
        @JsonProperty("power_state") int powerState,
        @JsonProperty("fault_code") Integer faultCode,
        @JsonProperty("fault_message") String faultMessage,
        @JsonProperty("fault_details") String faultDetails,
        @JsonProperty("fault_created") Instant faultCreated,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("launched_at") Instant launchedAt,
        @JsonProperty("deleted_at") Instant deletedAt,
        @JsonProperty("time_to_active_seconds") Double timeToActive,
        @JsonProperty("build_request") boolean buildRequest) {

    public ServerDocument {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        faultCreated = micros(faultCreated);
        createdAt = micros(createdAt);
        updatedAt = micros(updatedAt);
        launchedAt = micros(launchedAt);
        deletedAt = micros(deletedAt);
    }

    /** A server as its spec describes it, in {@code vmState}, before any later event. */
    static ServerDocument of(InstanceSpec spec, String cell, String host, VmState vmState, TaskState taskState,
                             Fault fault, Instant at, boolean buildRequest) {
        return new ServerDocument(spec.instanceId(), spec.name(), spec.projectId(), spec.userId(), cell, host, host,
                spec.flavor().id(), spec.flavor().name(), spec.image().id(), null, spec.metadata(),
                statusOf(vmState.apiName(), taskState == null ? null : taskState.apiName()), vmState.apiName(),
                taskState == null ? null : taskState.apiName(), 0,
                fault == null ? null : fault.code(), fault == null ? null : fault.message(),
                fault == null ? null : fault.details(), fault == null ? null : fault.created(),
                spec.createdAt(), at, null, null, null, buildRequest);
    }

    /** The cell a build request's server went to; the server itself has not changed yet. */
    ServerDocument withCell(String newCell) {
        return new ServerDocument(id, name, projectId, userId, newCell, host, node, flavorId, flavorName, imageId,
                pendingImageId, metadata, status, vmState, taskState, powerState, faultCode, faultMessage,
                faultDetails, faultCreated, createdAt, updatedAt, launchedAt, deletedAt, timeToActive, buildRequest);
    }

    /** New vm, task and power states; the status follows from them as Nova derives it. */
    ServerDocument withStates(String newVmState, String newTaskState, int newPowerState, Instant at) {
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                pendingImageId, metadata, statusOf(newVmState, newTaskState), newVmState, newTaskState, newPowerState,
                faultCode, faultMessage, faultDetails, faultCreated, createdAt, at, launchedAt, deletedAt,
                timeToActive, buildRequest);
    }

    /** The server's metadata replaced, as its metadata API changed it. */
    ServerDocument withMetadata(Map<String, String> newMetadata, Instant at) {
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                pendingImageId, newMetadata, status, vmState, taskState, powerState, faultCode, faultMessage,
                faultDetails, faultCreated, createdAt, at, launchedAt, deletedAt, timeToActive, buildRequest);
    }

    ServerDocument launched(Instant launched, int newPowerState, Instant at) {
        Double seconds = launched == null || createdAt == null ? null
                : Duration.between(createdAt, launched).toNanos() / 1e9;
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                pendingImageId, metadata, statusOf(VmState.ACTIVE.apiName(), null), VmState.ACTIVE.apiName(), null,
                newPowerState, faultCode, faultMessage, faultDetails, faultCreated, createdAt, at, launched,
                deletedAt, seconds, buildRequest);
    }

    ServerDocument failed(Fault fault, Instant at) {
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                pendingImageId, metadata, statusOf(VmState.ERROR.apiName(), null), VmState.ERROR.apiName(), null,
                powerState, fault.code(), fault.message(), fault.details(), fault.created(), createdAt, at,
                launchedAt, deletedAt, timeToActive, buildRequest);
    }

    ServerDocument deleted(Instant deleted, Instant at) {
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                null, metadata, statusOf(VmState.DELETED.apiName(), null), VmState.DELETED.apiName(), null, 0,
                faultCode, faultMessage, faultDetails, faultCreated, createdAt, at, launchedAt, deleted,
                timeToActive, buildRequest);
    }

    /** A task starts; a rebuild also names the image it will boot. */
    ServerDocument taskStarted(String newTaskState, String rebuildImage, Instant at) {
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, imageId,
                rebuildImage, metadata, statusOf(vmState, newTaskState), vmState, newTaskState, powerState, faultCode,
                faultMessage, faultDetails, faultCreated, createdAt, at, launchedAt, deletedAt, timeToActive,
                buildRequest);
    }

    /** A task ends: new states if it completed, a rebuild's image becomes the server's. */
    ServerDocument taskEnded(String newVmState, int newPowerState, boolean completed, Instant at) {
        String image = completed && pendingImageId != null ? pendingImageId : imageId;
        return new ServerDocument(id, name, projectId, userId, cell, host, node, flavorId, flavorName, image, null,
                metadata, statusOf(newVmState, null), newVmState, null, newPowerState, faultCode, faultMessage,
                faultDetails, faultCreated, createdAt, at, launchedAt, deletedAt, timeToActive, buildRequest);
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
