package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.aggregate.AggregateRow;
import io.polycell.query.aggregate.AggregateViewProjection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading host aggregates, for admins only as in Nova. */
@RestController
@RequestMapping("/v2.1/os-aggregates")
class AggregatesQueryController {

    /** The microversion from which aggregates show their uuid. */
    private static final int UUID_VERSION = 41;

    private final AggregateViewProjection aggregates;

    AggregatesQueryController(AggregateViewProjection aggregates) {
        this.aggregates = aggregates;
    }

    @GetMapping
    Map<String, Object> list(Requester requester, ApiVersion version) {
        requireAdmin(requester, "index");
        return Map.of("aggregates", aggregates.all().stream().map(row -> render(row, version)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester, ApiVersion version) {
        requireAdmin(requester, "show");
        AggregateRow row = parse(id).flatMap(aggregates::find).orElseThrow(
                () -> new PolycellException(ErrorCode.NOT_FOUND, "Aggregate " + id + " could not be found."));
        return Map.of("aggregate", render(row, version));
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static void requireAdmin(Requester requester, String rule) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-aggregates:" + rule + " to be performed.");
        }
    }

    private static Map<String, Object> render(AggregateRow row, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("availability_zone", row.availabilityZone());
        json.put("created_at", NovaTime.of(row.createdAt()));
        json.put("deleted", false);
        json.put("deleted_at", null);
        json.put("hosts", row.hosts());
        json.put("id", row.id());
        json.put("metadata", row.metadata());
        json.put("name", row.name());
        json.put("updated_at", NovaTime.of(row.updatedAt()));
        if (version.atLeast(UUID_VERSION)) {
            json.put("uuid", row.uuid());
        }
        return json;
    }
}
