package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.action.InstanceActionRecord;
import io.polycell.query.action.InstanceActions;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code os-instance-actions}: what was done to a server, read from its cell's view. */
@RestController
@RequestMapping("/v2.1/servers/{id}/os-instance-actions")
class InstanceActionsController {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final ServerListing servers;
    private final InstanceActions actions;

    InstanceActionsController(ServerListing servers, InstanceActions actions) {
        this.servers = servers;
        this.actions = actions;
    }

    @GetMapping
    Map<String, Object> list(@PathVariable String id, Requester requester) {
        ServerRow server = server(id, requester);
        if (server.cell() == null) {
            return Map.of("instanceActions", List.of());
        }
        return Map.of("instanceActions", actions.list(server.cell(), id).stream().map(InstanceActionsController::action)
                .toList());
    }

    @GetMapping("/{requestId}")
    Map<String, Object> show(@PathVariable String id, @PathVariable String requestId, Requester requester) {
        ServerRow server = server(id, requester);
        InstanceActionRecord record = server.cell() == null ? null
                : actions.find(server.cell(), id, requestId).orElse(null);
        if (record == null) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Action " + requestId + " could not be found.");
        }
        Map<String, Object> json = action(record);
        json.put("events", record.events().stream().map(event -> event(event, requester)).toList());
        return Map.of("instanceAction", json);
    }

    private ServerRow server(String id, Requester requester) {
        return servers.find(id, requester).orElseThrow(
                () -> new PolycellException(ErrorCode.NOT_FOUND, "Instance " + id + " could not be found."));
    }

    private static Map<String, Object> action(InstanceActionRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", record.action());
        json.put("instance_uuid", record.instanceId());
        json.put("request_id", record.requestId());
        json.put("user_id", record.userId());
        json.put("project_id", record.projectId());
        json.put("start_time", time(record.startTime()));
        json.put("message", record.message());
        return json;
    }

    private static Map<String, Object> event(InstanceActionRecord.Event event, Requester requester) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event", event.event());
        json.put("start_time", time(event.startTime()));
        json.put("finish_time", time(event.finishTime()));
        json.put("result", event.result());
        if (requester.admin()) {
            json.put("traceback", event.traceback());
        }
        return json;
    }

    private static String time(Instant instant) {
        return instant == null ? null : MICROS.format(instant);
    }
}
