package io.polycell.command.web;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.aggregate.AddHostToAggregate;
import io.polycell.messages.aggregate.AggregateState;
import io.polycell.messages.aggregate.CreateAggregate;
import io.polycell.messages.aggregate.DeleteAggregate;
import io.polycell.messages.aggregate.RemoveHostFromAggregate;
import io.polycell.messages.aggregate.SetAggregateMetadata;
import io.polycell.messages.aggregate.UpdateAggregate;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Host aggregate management for admins ({@code os-aggregates}): HTTP in, commands out. */
@RestController
@RequestMapping("/v2.1/os-aggregates")
class AggregatesCommandController {

    private static final String METADATA_KEY = "^[a-zA-Z0-9-_:. ]{1,255}$";

    private final CommandRouter router;
    private final AggregateDirectory directory;

    AggregatesCommandController(CommandRouter router, AggregateDirectory directory) {
        this.router = router;
        this.directory = directory;
    }

    @PostMapping
    Map<String, Object> create(@RequestBody(required = false) JsonNode body, Requester requester,
                               ApiVersion version) {
        requireAdmin(requester, "create");
        JsonNode aggregate = section(body, "aggregate");
        String name = text(aggregate, "aggregate", "name", true, false);
        String zone = text(aggregate, "aggregate", "availability_zone", false, true);
        AggregateState created = Outcomes.await(router.toApi(new CreateAggregate(UUID.randomUUID().toString(),
                directory.nextAggregateId(), name, zone)));
        return AggregateJson.created(created, version);
    }

    @PutMapping("/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               Requester requester, ApiVersion version) {
        requireAdmin(requester, "update");
        long novaId = integerId(id);
        JsonNode aggregate = section(body, "aggregate");
        if (!aggregate.has("name") && !aggregate.has("availability_zone")) {
            throw invalid("aggregate", aggregate,
                    PythonRepr.of(aggregate) + " is not valid under any of the given schemas");
        }
        String name = aggregate.has("name") ? text(aggregate, "aggregate", "name", true, false) : null;
        Map<String, String> zone = new HashMap<>();
        if (aggregate.has("availability_zone")) {
            zone.put("availability_zone", text(aggregate, "aggregate", "availability_zone", false, true));
        }
        return AggregateJson.full(send(novaId, uuid -> new UpdateAggregate(uuid, name, zone)), version);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Requester requester) {
        requireAdmin(requester, "delete");
        send(integerId(id), DeleteAggregate::new);
        return ResponseEntity.ok().build();
    }

    @PostMapping("/{id}/action")
    Map<String, Object> action(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               Requester requester, ApiVersion version) {
        String action = body != null && body.isObject() && body.size() == 1 ? body.propertyNames().iterator().next()
                : null;
        if (!"add_host".equals(action) && !"remove_host".equals(action) && !"set_metadata".equals(action)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "There is no such action: " + action);
        }
        requireAdmin(requester, action);
        long novaId = integerId(id);
        JsonNode arguments = section(body, action);
        Function<String, Object> command = switch (action) {
            case "add_host" -> {
                String host = text(arguments, action, "host", true, false);
                yield uuid -> new AddHostToAggregate(uuid, host);
            }
            case "remove_host" -> {
                String host = text(arguments, action, "host", true, false);
                yield uuid -> new RemoveHostFromAggregate(uuid, host);
            }
            default -> {
                Map<String, String> changes = metadata(arguments);
                yield uuid -> new SetAggregateMetadata(uuid, changes);
            }
        };
        return AggregateJson.full(send(novaId, command), version);
    }

    /** Sends the command for the aggregate that has Nova's id {@code novaId}, addressed by its uuid. */
    private <R> R send(long novaId, Function<String, Object> command) {
        try {
            String uuid = directory.aggregateWithId(novaId).orElseThrow(() -> notFound(novaId));
            return Outcomes.await(router.toApi(command.apply(uuid)));
        } catch (AggregateNotFoundException deletedMeanwhile) {
            throw notFound(novaId);
        }
    }

    private static PolycellException notFound(long novaId) {
        return new PolycellException(ErrorCode.NOT_FOUND, "Aggregate " + novaId + " could not be found.");
    }

    private static void requireAdmin(Requester requester, String rule) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-aggregates:" + rule + " to be performed.");
        }
    }

    /** Nova's {@code validate_integer}: the path id of every call but show must be an integer. */
    private static long integerId(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException notANumber) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input received: id must be an integer");
        }
    }

    private static JsonNode section(JsonNode body, String name) {
        if (body == null || !body.isObject() || !body.has(name)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "'" + name + "' is a required property");
        }
        JsonNode section = body.get(name);
        if (!section.isObject()) {
            throw invalid(name, section, PythonRepr.of(section) + " is not of type 'object'");
        }
        return section;
    }

    private static String text(JsonNode parent, String parentName, String field, boolean required,
                               boolean nullable) {
        JsonNode value = parent.get(field);
        if (value == null) {
            if (required) {
                throw invalid(parentName, parent, "'" + field + "' is a required property");
            }
            return null;
        }
        if (value.isNull() && nullable) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, value, PythonRepr.of(value) + " is not of type 'string'");
        }
        String text = value.asString();
        if (text.isEmpty()) {
            throw invalid(field, value, PythonRepr.of(value) + " is too short");
        }
        if (text.length() > 255) {
            throw invalid(field, value, PythonRepr.of(value) + " is too long");
        }
        return text;
    }

    private static Map<String, String> metadata(JsonNode arguments) {
        JsonNode metadata = arguments.get("metadata");
        if (metadata == null) {
            throw invalid("set_metadata", arguments, "'metadata' is a required property");
        }
        if (!metadata.isObject()) {
            throw invalid("metadata", metadata, PythonRepr.of(metadata) + " is not of type 'object'");
        }
        Map<String, String> changes = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
            JsonNode value = entry.getValue();
            if (!entry.getKey().matches(METADATA_KEY)) {
                throw invalid("metadata", metadata, "Additional properties are not allowed ('" + entry.getKey()
                        + "' was unexpected)");
            }
            if (!value.isNull() && (!value.isString() || value.asString().length() > 255)) {
                throw invalid(entry.getKey(), value, PythonRepr.of(value) + " is not of type 'string', 'null'");
            }
            changes.put(entry.getKey(), value.isNull() ? null : value.asString());
        }
        return changes;
    }

    private static PolycellException invalid(String field, JsonNode value, String problem) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                + ". Value: " + PythonRepr.of(value) + ". " + problem);
    }
}
