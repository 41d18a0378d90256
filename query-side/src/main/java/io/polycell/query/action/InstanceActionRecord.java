package io.polycell.query.action;

import java.time.Instant;
import java.util.List;

/** One instance action with its events, as {@code os-instance-actions} shows it. */
public record InstanceActionRecord(String requestId, String instanceId, String action, String userId,
                                   String projectId, Instant startTime, String message, List<Event> events) {

    /** One step of an action on the host. */
    public record Event(String event, Instant startTime, Instant finishTime, String result, String traceback) {
    }
}
