package io.polycell.command.web;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.host.HostDirectory;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.host.ComputeServiceIds;
import io.polycell.messages.host.DisableHostService;
import io.polycell.messages.host.EnableHostService;
import io.polycell.messages.host.ForceHostDown;
import io.polycell.messages.host.HostServiceStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Operators' changes to compute services ({@code os-services}): from microversion 2.53 a service is
 * addressed by its UUID, before that by host and binary through named actions. Either way the command
 * goes to the one cell that holds the host, found in the {@link HostDirectory}.
 */
@RestController
class ServicesCommandController {

    static final String BINARY = "nova-compute";
    /** Nova's {@code default_availability_zone}, for hosts no zoned aggregate holds. */
    private static final String DEFAULT_ZONE = "nova";
    private static final Pattern UUID_LIKE = Pattern.compile(
            "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$");
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final CommandRouter router;
    private final HostDirectory hosts;
    private final AggregateDirectory aggregates;

    ServicesCommandController(CommandRouter router, HostDirectory hosts, AggregateDirectory aggregates) {
        this.router = router;
        this.hosts = hosts;
        this.aggregates = aggregates;
    }

    @PutMapping("/v2.1/os-services/{id}")
    Map<String, Object> update(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                               Requester requester, ApiVersion version) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-services:update to be performed.");
        }
        return Map.of("service", version.atLeast(53) ? updateById(id, body) : action(id, body, version));
    }

    private Map<String, Object> updateById(String id, JsonNode body) {
        if (!UUID_LIKE.matcher(id).matches()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid uuid " + id);
        }
        String host = hosts.hostOf(UUID.fromString(canonical(id))).orElseThrow(
                () -> new PolycellException(ErrorCode.NOT_FOUND, "Service " + id + " could not be found."));
        ServiceUpdateRequest update = ServiceUpdateRequest.parse(body);
        String cell = cellOf(host);
        HostServiceStatus status = null;
        if (update.disable() != null) {
            status = send(cell, update.disable() ? new DisableHostService(host, update.reason())
                    : new EnableHostService(host));
        }
        if (update.forcedDown() != null) {
            status = send(cell, new ForceHostDown(host, update.forcedDown()));
        }
        return detail(status);
    }

    private Map<String, Object> action(String action, JsonNode body, ApiVersion version) {
        boolean known = switch (action) {
            case "enable", "disable", "disable-log-reason" -> true;
            case "force-down" -> version.atLeast(11);
            default -> false;
        };
        if (!known) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Unknown action");
        }
        LegacyServiceBody request = LegacyServiceBody.parse(body);
        String cell = cellOf(request.host());
        if (!BINARY.equals(request.binary())) {
            throw new PolycellException(ErrorCode.NOT_FOUND,
                    "Could not find binary " + request.binary() + " on host " + request.host() + ".");
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("host", request.host());
        json.put("binary", request.binary());
        switch (action) {
            case "enable" -> json.put("status", send(cell, new EnableHostService(request.host())).status());
            case "disable" -> json.put("status", send(cell, new DisableHostService(request.host(), null)).status());
            case "disable-log-reason" -> {
                HostServiceStatus status = send(cell, new DisableHostService(request.host(), request.requiredReason()));
                json.put("status", status.status());
                json.put("disabled_reason", status.disabledReason());
            }
            default -> json.put("forced_down",
                    send(cell, new ForceHostDown(request.host(), request.requiredForcedDown())).forcedDown());
        }
        return json;
    }

    private String cellOf(String host) {
        return hosts.cellOf(host).orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND,
                "Host '" + host + "' is not mapped to any cell"));
    }

    private HostServiceStatus send(String cell, Object command) {
        return Outcomes.await(router.toCell(cell, command));
    }

    /** The whole service, as Nova answers a 2.53 update and lists services. */
    private Map<String, Object> detail(HostServiceStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("binary", BINARY);
        json.put("host", status.host());
        json.put("id", ComputeServiceIds.of(status.host()).service().toString());
        json.put("zone", aggregates.zoneOf(status.host()).orElse(DEFAULT_ZONE));
        json.put("status", status.status());
        json.put("state", status.state());
        json.put("updated_at", status.updatedAt() == null ? null : MICROS.format(status.updatedAt()));
        json.put("disabled_reason", status.disabledReason());
        json.put("forced_down", status.forcedDown());
        return json;
    }

    private static String canonical(String id) {
        String hex = id.replace("-", "").toLowerCase();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
