package io.polycell.query.server;

import io.polycell.messages.common.Fault;
import java.time.Instant;
import java.util.Map;

/**
 * One server as a listing shows it, read from a build request (API tier) or an instance (a cell).
 * {@code fromBuildRequest} tells which, so a server seen in both during its move wins from its cell.
 * {@code cellDown} marks a server whose cell's store does not answer: it was read from the search
 * index and is shown as Nova's minimal UNKNOWN record (microversion 2.69 and later).
 */
public record ServerRow(String id, String name, String projectId, String userId, String cell, String host,
                        String flavorId, String imageId, Map<String, String> metadata, String vmState,
                        String taskState, int powerState, Fault fault, Instant createdAt, Instant updatedAt,
                        Instant launchedAt, Instant deletedAt, boolean fromBuildRequest, boolean cellDown) {

    /** The same server, marked as read while its cell's store did not answer. */
    public ServerRow inDownCell() {
        return new ServerRow(id, name, projectId, userId, cell, host, flavorId, imageId, metadata, vmState, taskState,
                powerState, fault, createdAt, updatedAt, launchedAt, deletedAt, fromBuildRequest, true);
    }
}
