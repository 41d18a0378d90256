package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.build.Admission;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.build.CreateBuildRequest;
import io.polycell.messages.build.DeleteServer;
import io.polycell.messages.build.ServerLocation;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.group.RemoveGroupMember;
import io.polycell.messages.instance.DeleteInstance;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code POST} and {@code DELETE} on servers: HTTP in, commands out. */
@RestController
@RequestMapping("/v2.1/servers")
class ServersCommandController {

    private static final String PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final CommandRouter router;

    ServersCommandController(CommandRouter router) {
        this.router = router;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, Requester requester) {
        ServerCreateRequest request = ServerRequestParser.parse(body);
        List<CreateBuildRequest> servers = new ArrayList<>();
        for (int i = 1; i <= request.maxCount(); i++) {
            String name = request.maxCount() == 1 ? request.name() : request.name() + "-" + i;
            servers.add(new CreateBuildRequest(UUID.randomUUID().toString(), name, request.flavorRef(),
                    request.imageRef(), request.metadata(), request.networks(), request.userData(),
                    request.availabilityZone(), request.groupId(), requester, request.hints(), request.keyName()));
        }
        Admission admission = Outcomes.await(router.toApi(new AdmitServers(servers, request.minCount())));
        if (admission.refusal() != null) {
            throw new PolycellException(admission.refusal().code(), admission.refusal().message());
        }
        String firstId = admission.instanceIds().get(0);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("id", firstId);
        server.put("links", List.of(
                Map.of("rel", "self", "href", base + "/v2.1/servers/" + firstId),
                Map.of("rel", "bookmark", "href", base + "/servers/" + firstId)));
        server.put("OS-DCF:diskConfig", "MANUAL");
        server.put("security_groups", List.of(Map.of("name", "default")));
        server.put("adminPass", password());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(base + "/v2.1/servers/" + firstId))
                .body(Map.of("server", server));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Requester requester) {
        ServerLocation location;
        try {
            location = Outcomes.await(router.toApi(new DeleteServer(id, requester)));
        } catch (AggregateNotFoundException unknown) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Instance " + id + " could not be found.");
        }
        if (location.cell() != null) {
            Outcomes.await(router.toCell(location.cell(), new DeleteInstance(id, requester)));
        }
        if (location.groupId() != null) {
            router.toApi(new RemoveGroupMember(location.groupId(), id));
        }
        return ResponseEntity.noContent().build();
    }

    private String password() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        }
        return password.toString();
    }
}
