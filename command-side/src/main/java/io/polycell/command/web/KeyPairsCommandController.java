package io.polycell.command.web;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.AdmitKeyPair;
import io.polycell.messages.keypair.NewKeyPair;
import io.polycell.messages.keypair.RetireKeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Creating, importing and deleting key pairs ({@code os-keypairs}): HTTP in, commands out; the body
 * is checked by {@link KeyPairRequestParser}. 200 and 202 at 2.1, 201 and 204 from 2.2; from 2.10 an
 * admin may act for another user ({@code user_id}). A key pair counts against the requester's project.
 */
@RestController
@RequestMapping("/v2.1/os-keypairs")
class KeyPairsCommandController {

    /** The microversion that added {@code type}, and answers 201 to a create and 204 to a delete. */
    static final int TYPED = 2;
    /** The microversion from which an admin may name another user. */
    static final int OTHER_USERS = 10;
    /** The microversion from which unknown query parameters are refused. */
    static final int STRICT_QUERY = 75;
    private static final String POLICY = "os_compute_api:os-keypairs:";

    private final CommandRouter router;

    KeyPairsCommandController(CommandRouter router) {
        this.router = router;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) JsonNode body, Requester requester,
                                               ApiVersion version) {
        KeyPairCreateRequest request = KeyPairRequestParser.parse(body, version);
        String userId = userId(request.userId(), requester, "create");
        NewKeyPair created = Outcomes.await(router.toApi(new AdmitKeyPair(userId, requester.projectId(),
                request.name(), request.type(), request.publicKey())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", created.name());
        json.put("public_key", created.publicKey());
        json.put("fingerprint", created.fingerprint());
        json.put("user_id", created.userId());
        if (version.atLeast(TYPED)) {
            json.put("type", created.type().wireName());
        }
        if (created.privateKey() != null) {
            json.put("private_key", created.privateKey());
        }
        return ResponseEntity.status(version.atLeast(TYPED) ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("keypair", json));
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, @RequestParam MultiValueMap<String, String> query,
                                Requester requester, ApiVersion version) {
        requireKnownQuery(query, version);
        String asked = version.atLeast(OTHER_USERS) ? query.getFirst("user_id") : null;
        Outcomes.await(router.toApi(new RetireKeyPair(userId(asked, requester, "delete"), name)));
        return ResponseEntity.status(version.atLeast(TYPED) ? HttpStatus.NO_CONTENT : HttpStatus.ACCEPTED).build();
    }

    /**
     * The user the request acts for: the requester, or the user an admin names. Nova's policy lets
     * only an admin act for another user.
     */
    private static String userId(String asked, Requester requester, String action) {
        if (asked == null || asked.equals(requester.userId())) {
            return requester.userId();
        }
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN, "Policy doesn't allow " + POLICY + action
                    + " to be performed.");
        }
        return asked;
    }

    /** From 2.75 Nova refuses query parameters it does not know; before, it ignores them. */
    private static void requireKnownQuery(MultiValueMap<String, String> query, ApiVersion version) {
        if (!version.atLeast(STRICT_QUERY)) {
            return;
        }
        List<String> unknown = query.keySet().stream().filter(parameter -> !parameter.equals("user_id")).toList();
        if (!unknown.isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, KeyPairRequestParser.unexpected(unknown));
        }
    }
}
