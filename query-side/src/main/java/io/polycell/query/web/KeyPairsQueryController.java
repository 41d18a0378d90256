package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.keypair.KeyPairRow;
import io.polycell.query.keypair.KeyPairViewProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading key pairs ({@code os-keypairs}): a user's own, or from 2.10 an admin's pick with
 * {@code ?user_id=}. From 2.35 the list takes {@code limit} and {@code marker} (a key pair's name)
 * and says where the next page starts; from 2.75 unknown query parameters are refused.
 */
@RestController
@RequestMapping("/v2.1/os-keypairs")
class KeyPairsQueryController {

    /** The microversion that added {@code type}. */
    private static final int TYPED = 2;
    /** The microversion from which an admin may name another user. */
    private static final int OTHER_USERS = 10;
    /** The microversion that added {@code limit}, {@code marker} and {@code keypairs_links}. */
    private static final int PAGED = 35;
    /** The microversion from which unknown query parameters are refused. */
    private static final int STRICT_QUERY = 75;
    /** Nova's {@code max_limit}. */
    private static final int MAX_LIMIT = 1000;
    private static final String POLICY = "os_compute_api:os-keypairs:";

    private final KeyPairViewProjection keyPairs;

    KeyPairsQueryController(KeyPairViewProjection keyPairs) {
        this.keyPairs = keyPairs;
    }

    @GetMapping
    Map<String, Object> list(@RequestParam MultiValueMap<String, String> query, Requester requester,
                             ApiVersion version) {
        boolean paged = version.atLeast(PAGED);
        requireKnown(query, version, paged ? Set.of("user_id", "limit", "marker") : Set.of("user_id"));
        String userId = userId(query, requester, version, "index");
        int limit = paged ? Math.min(QueryParameters.count("limit", query.getFirst("limit"), MAX_LIMIT), MAX_LIMIT)
                : MAX_LIMIT;
        String marker = paged ? query.getFirst("marker") : null;
        if (marker != null && keyPairs.find(userId, marker).isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Marker " + marker + " could not be found.");
        }
        List<KeyPairRow> page = keyPairs.ofUser(userId, marker, paged ? limit : Integer.MAX_VALUE);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("keypairs", page.stream().map(row -> Map.of("keypair", summary(row, version))).toList());
        if (paged && limit > 0 && page.size() == limit) {
            json.put("keypairs_links", List.of(Map.of("rel", "next", "href", Links.next(Links.base(), "os-keypairs",
                    query, page.get(page.size() - 1).name()))));
        }
        return json;
    }

    @GetMapping("/{name}")
    Map<String, Object> show(@PathVariable String name, @RequestParam MultiValueMap<String, String> query,
                             Requester requester, ApiVersion version) {
        requireKnown(query, version, Set.of("user_id"));
        String userId = userId(query, requester, version, "show");
        KeyPairRow row = keyPairs.find(userId, name).orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND,
                "Keypair " + name + " not found for user " + userId));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.name());
        json.put("public_key", row.publicKey());
        json.put("fingerprint", row.fingerprint());
        json.put("created_at", NovaTime.of(row.createdAt()));
        json.put("deleted", false);
        json.put("deleted_at", null);
        json.put("id", row.id());
        json.put("user_id", row.userId());
        json.put("updated_at", null);
        if (version.atLeast(TYPED)) {
            json.put("type", row.type().wireName());
        }
        return Map.of("keypair", json);
    }

    private static Map<String, Object> summary(KeyPairRow row, ApiVersion version) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.name());
        json.put("public_key", row.publicKey());
        json.put("fingerprint", row.fingerprint());
        if (version.atLeast(TYPED)) {
            json.put("type", row.type().wireName());
        }
        return json;
    }

    /**
     * The user whose key pairs are read: the requester's own, or from 2.10 the one {@code user_id}
     * names, which Nova's policy allows only admins (or the user itself).
     */
    private static String userId(MultiValueMap<String, String> query, Requester requester, ApiVersion version,
                                 String action) {
        String asked = version.atLeast(OTHER_USERS) ? query.getFirst("user_id") : null;
        if (asked == null || asked.equals(requester.userId())) {
            return requester.userId();
        }
        AdminOnly.require(requester, POLICY + action);
        return asked;
    }

    private static void requireKnown(MultiValueMap<String, String> query, ApiVersion version, Set<String> known) {
        if (!version.atLeast(STRICT_QUERY)) {
            return;
        }
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Additional properties are not allowed ("
                    + String.join(", ", unknown.stream().map(field -> "'" + field + "'").toList())
                    + (unknown.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }
}
