package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.flavor.DeleteFlavor;
import io.polycell.messages.flavor.FlavorSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Flavor management for admins ({@code os-flavor-manage}): HTTP in, commands out. */
@RestController
@RequestMapping("/v2.1/flavors")
class FlavorsCommandController {

    private final CommandRouter router;

    FlavorsCommandController(CommandRouter router) {
        this.router = router;
    }

    /** From 2.61 a flavor's detail shows its extra specs; a new flavor has none. */
    private static final int EXTRA_SPECS_SHOWN = 61;

    @PostMapping
    Map<String, Object> create(@RequestBody(required = false) JsonNode body, Requester requester,
                               ApiVersion version) {
        requireAdmin(requester, "create");
        FlavorSpec spec = parse(body);
        try {
            Outcomes.await(router.toApi(new CreateFlavor(spec.id(), spec)));
        } catch (AggregateStreamCreationException taken) {
            throw new PolycellException(ErrorCode.CONFLICT, "Flavor with ID " + spec.id() + " already exists.");
        }
        Map<String, Object> flavor = render(spec);
        if (version.atLeast(EXTRA_SPECS_SHOWN)) {
            flavor.put("extra_specs", spec.extraSpecs());
        }
        return Map.of("flavor", flavor);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Requester requester) {
        requireAdmin(requester, "delete");
        try {
            Outcomes.await(router.toApi(new DeleteFlavor(id)));
        } catch (AggregateNotFoundException unknown) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Flavor " + id + " could not be found.");
        }
        return ResponseEntity.accepted().build();
    }

    private static void requireAdmin(Requester requester, String action) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-flavor-manage:" + action + " to be performed.");
        }
    }

    private static FlavorSpec parse(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("flavor").isObject()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute flavor. Value: "
                    + PythonRepr.of(body == null ? null : body.get("flavor")) + ". 'flavor' is a required property");
        }
        JsonNode flavor = body.get("flavor");
        for (String required : new String[] {"name", "ram", "vcpus", "disk"}) {
            if (!flavor.has(required)) {
                throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute flavor. Value: "
                        + PythonRepr.of(flavor) + ". '" + required + "' is a required property");
            }
        }
        JsonNode name = flavor.get("name");
        if (!name.isString() || name.asString().isBlank() || name.asString().length() > 255) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute name. Value: "
                    + PythonRepr.of(name) + ". " + PythonRepr.of(name) + " is not a valid flavor name");
        }
        JsonNode id = flavor.get("id");
        String flavorId = id == null || id.isNull() || "auto".equals(id.asString()) ? UUID.randomUUID().toString()
                : id.asString();
        return new FlavorSpec(flavorId, name.asString(), positive(flavor, "vcpus", 1), positive(flavor, "ram", 1),
                positive(flavor, "disk", 0), positive(flavor, "OS-FLV-EXT-DATA:ephemeral", 0),
                positive(flavor, "swap", 0), 1.0, flavor.path("os-flavor-access:is_public").asBoolean(true));
    }

    private static int positive(JsonNode flavor, String field, int minimum) {
        JsonNode value = flavor.get(field);
        if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
            if (minimum == 0) {
                return 0;
            }
        }
        long number;
        if (value != null && value.isIntegralNumber()) {
            number = value.asLong();
        } else if (value != null && value.isString() && value.asString().matches("^[0-9]{1,9}$")) {
            number = Long.parseLong(value.asString());
        } else {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                    + ". Value: " + PythonRepr.of(value) + ". " + PythonRepr.of(value) + " is not of type 'integer'");
        }
        if (number < minimum || number > Integer.MAX_VALUE) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                    + ". Value: " + number + ". " + number + " is less than the minimum of " + minimum);
        }
        return (int) number;
    }

    private static Map<String, Object> render(FlavorSpec spec) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> flavor = new LinkedHashMap<>();
        flavor.put("id", spec.id());
        flavor.put("name", spec.name());
        flavor.put("ram", spec.ramMb());
        flavor.put("disk", spec.diskGb());
        flavor.put("swap", spec.swapMb() == 0 ? "" : spec.swapMb());
        flavor.put("OS-FLV-EXT-DATA:ephemeral", spec.ephemeralGb());
        flavor.put("OS-FLV-DISABLED:disabled", false);
        flavor.put("vcpus", spec.vcpus());
        flavor.put("os-flavor-access:is_public", spec.isPublic());
        flavor.put("rxtx_factor", spec.rxtxFactor());
        flavor.put("links", List.of(Map.of("rel", "self", "href", base + "/v2.1/flavors/" + spec.id()),
                Map.of("rel", "bookmark", "href", base + "/flavors/" + spec.id())));
        return flavor;
    }
}
