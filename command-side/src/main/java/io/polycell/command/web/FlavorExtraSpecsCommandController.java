package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.flavor.DeleteFlavorExtraSpec;
import io.polycell.messages.flavor.SetFlavorExtraSpecs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Changing a flavor's extra specs ({@code os-flavor-extra-specs}), for admins: HTTP in, commands out.
 * As in Nova, the body is validated before the policy is checked, and both before the flavor is looked
 * up; the answer echoes the body as it came.
 */
@RestController
@RequestMapping("/v2.1/flavors/{flavorId}/os-extra_specs")
class FlavorExtraSpecsCommandController {

    /** Nova's pattern for metadata keys, which extra specs share. */
    private static final Pattern KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
    private static final int MAX_LENGTH = 255;
    /** Writes to one flavor from two processes can race: the event store refuses the later, which tries again. */
    private static final int ATTEMPTS = 3;

    private final CommandRouter router;

    FlavorExtraSpecsCommandController(CommandRouter router) {
        this.router = router;
    }

    @PostMapping
    JsonNode create(@PathVariable String flavorId, @RequestBody(required = false) JsonNode body,
                    Requester requester) {
        if (body == null || !body.isObject() || !body.has("extra_specs")) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "'extra_specs' is a required property");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("extra_specs")) {
                throw new PolycellException(ErrorCode.BAD_REQUEST,
                        "Additional properties are not allowed ('" + name + "' was unexpected)");
            }
        }
        JsonNode extraSpecs = body.get("extra_specs");
        if (!extraSpecs.isObject()) {
            throw invalid("extra_specs", extraSpecs, PythonRepr.of(extraSpecs) + " is not of type 'object'");
        }
        Map<String, String> specs = specs(extraSpecs, "extra_specs");
        requireAdmin(requester, "create");
        send(flavorId, new SetFlavorExtraSpecs(flavorId, specs));
        return body;
    }

    @PutMapping("/{key}")
    JsonNode update(@PathVariable String flavorId, @PathVariable String key,
                    @RequestBody(required = false) JsonNode body, Requester requester) {
        if (body == null || !body.isObject()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, PythonRepr.of(body) + " is not of type 'object'");
        }
        if (body.isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "{} does not have enough properties");
        }
        if (body.size() > 1) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, PythonRepr.of(body) + " has too many properties");
        }
        Map<String, String> specs = specs(body, null);
        requireAdmin(requester, "update");
        if (!specs.containsKey(key)) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Request body and URI mismatch");
        }
        send(flavorId, new SetFlavorExtraSpecs(flavorId, specs));
        return body;
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(@PathVariable String flavorId, @PathVariable String key, Requester requester) {
        requireAdmin(requester, "delete");
        send(flavorId, new DeleteFlavorExtraSpec(flavorId, key));
        return ResponseEntity.ok().build();
    }

    /**
     * The extra specs of a body, checked as Nova's schema checks them: keys of 1 to 255 letters,
     * digits, {@code -_:. }; values strings of at most 255 characters, or numbers (kept as their text).
     * {@code field} names the object in messages about its keys, or null when it is the body itself.
     */
    private static Map<String, String> specs(JsonNode object, String field) {
        Map<String, String> specs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String unexpected = "Additional properties are not allowed ('" + entry.getKey() + "' was unexpected)";
            if (!KEY.matcher(entry.getKey()).matches()) {
                throw field == null ? new PolycellException(ErrorCode.BAD_REQUEST, unexpected)
                        : invalid(field, object, unexpected);
            }
            JsonNode value = entry.getValue();
            if (!value.isString() && !value.isNumber()) {
                throw invalid(entry.getKey(), value, PythonRepr.of(value) + " is not of type 'string', 'number'");
            }
            String text = value.isString() ? value.asString() : value.toString();
            if (text.length() > MAX_LENGTH) {
                throw value.isString() ? invalid(entry.getKey(), value, PythonRepr.of(value) + " is too long")
                        : new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input received: extra_specs value has"
                                + " more than " + MAX_LENGTH + " characters.");
            }
            specs.put(entry.getKey(), text);
        }
        return specs;
    }

    /** Sends a change to the flavor; a write that lost a race with another is tried again on the new state. */
    private void send(String flavorId, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                Outcomes.await(router.toApi(command));
                return;
            } catch (AggregateNotFoundException unknown) {
                throw new PolycellException(ErrorCode.NOT_FOUND, "Flavor " + flavorId + " could not be found.");
            } catch (ConcurrencyException raced) {
                if (attempt == ATTEMPTS) {
                    throw new PolycellException(ErrorCode.CONFLICT, "Flavor " + flavorId
                            + " was changed by another request at the same time; try again.");
                }
            }
        }
    }

    private static void requireAdmin(Requester requester, String action) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-flavor-extra-specs:" + action + " to be performed.");
        }
    }

    private static PolycellException invalid(String field, JsonNode value, String problem) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field
                + ". Value: " + PythonRepr.of(value) + ". " + problem);
    }
}
