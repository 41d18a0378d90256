package io.polycell.query.server;

import io.polycell.messages.common.Fault;
import java.time.Instant;
import java.util.Map;

/**
 * One server as a listing shows it, read from a build request (API tier) or an instance (a cell).
 * {@code fromBuildRequest} tells which, so a server seen in both during its move wins from its cell.
 */
public record ServerRow(String id, String name, String projectId, String userId, String cell, String host,
                        String flavorId, String imageId, Map<String, String> metadata, String vmState,
                        String taskState, int powerState, Fault fault, Instant createdAt, Instant updatedAt,
                        Instant launchedAt, boolean fromBuildRequest) {
}
