package io.polycell.command.web;

import io.polycell.command.image.ImageCatalog;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.RequestServerAction;
import io.polycell.messages.instance.ServerAction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code POST /servers/{id}/action}: Nova's action bodies in, one command to the server's cell out. */
@RestController
class ServerActionsController {

    private static final Map<String, ServerAction> ACTIONS = Map.of(
            "os-stop", ServerAction.STOP, "os-start", ServerAction.START, "reboot", ServerAction.REBOOT,
            "pause", ServerAction.PAUSE, "unpause", ServerAction.UNPAUSE, "suspend", ServerAction.SUSPEND,
            "resume", ServerAction.RESUME, "rebuild", ServerAction.REBUILD, "lock", ServerAction.LOCK,
            "unlock", ServerAction.UNLOCK);

    private final CommandRouter router;
    private final ImageCatalog images;

    ServerActionsController(CommandRouter router, ImageCatalog images) {
        this.router = router;
        this.images = images;
    }

    @PostMapping("/v2.1/servers/{id}/action")
    ResponseEntity<Map<String, Object>> act(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                            Requester requester) {
        if (body == null || !body.isObject() || body.size() != 1) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Malformed request body");
        }
        String name = body.propertyNames().iterator().next();
        ServerAction action = ACTIONS.get(name);
        if (action == null) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "There is no such action: " + name);
        }
        JsonNode argument = body.get(name);
        boolean hard = action == ServerAction.REBOOT && hardReboot(argument);
        ImageSpec image = action == ServerAction.REBUILD ? rebuildImage(argument) : null;
        String cell = ServerCells.locate(router, id, requester, action.apiName());
        String requestId = "req-" + UUID.randomUUID();
        Outcomes.await(router.toCell(cell, new RequestServerAction(id, requestId, action, hard, image, requester)));
        ResponseEntity.BodyBuilder accepted = ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("x-openstack-request-id", requestId).header("x-compute-request-id", requestId);
        if (action != ServerAction.REBUILD) {
            return accepted.build();
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("id", id);
        server.put("status", "REBUILD");
        server.put("image", Map.of("id", image.id(), "links",
                List.of(Map.of("rel", "bookmark", "href", base + "/images/" + image.id()))));
        server.put("links", List.of(Map.of("rel", "self", "href", base + "/v2.1/servers/" + id),
                Map.of("rel", "bookmark", "href", base + "/servers/" + id)));
        return accepted.body(Map.of("server", server));
    }

    private static boolean hardReboot(JsonNode argument) {
        String type = argument == null ? "" : argument.path("type").asString("");
        if (type.equalsIgnoreCase("HARD")) {
            return true;
        }
        if (type.equalsIgnoreCase("SOFT")) {
            return false;
        }
        throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute type. Value: "
                + PythonRepr.of(argument == null ? null : argument.get("type")) + ". "
                + PythonRepr.of(argument == null ? null : argument.get("type")) + " is not one of ['HARD', 'Hard', "
                + "'hard', 'SOFT', 'Soft', 'soft']");
    }

    private ImageSpec rebuildImage(JsonNode argument) {
        JsonNode ref = argument == null ? null : argument.get("imageRef");
        if (ref == null || !ref.isString() || ref.asString().isBlank()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute rebuild. Value: "
                    + PythonRepr.of(argument) + ". 'imageRef' is a required property");
        }
        return images.find(ref.asString()).orElseThrow(() -> new PolycellException(ErrorCode.BAD_REQUEST,
                "Image " + ref.asString() + " could not be found."));
    }
}
