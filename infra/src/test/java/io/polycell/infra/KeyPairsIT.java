package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.infra.support.Quotas;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nova's key pair API on the assembled system, on real PostgreSQL: generating and importing, listing
 * and showing at several microversions, deleting, Nova's 400s, 404s and 409, the key_pairs quota
 * (403 at the limit, released by deletes, nothing drifted), admins acting for other users, and a boot
 * that names a key pair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyPairsIT {

    private static final String ADMIN = Quotas.ADMIN;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Made with ssh-keygen; {@code ssh-keygen -l -E md5} prints the fingerprint. */
    private static final String RSA_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDWJtDoU0f2TA2WoFjw35u6vq+oj5JgIinvBb7g"
            + "08THkfZyxhzcH+HrXkaHpjUKqrAJ9+aXDgM7Shsf3ghwzU3CBy8JDmHWgnRC2clPKVtwHNvSwDkSWRMnEt4nDLax6d1F47IF0oAHi6161"
            + "qm3MXAQKB3E9gstTFcfGIRHAnl/lq3JBjljBsR9zeOXVyVYiczYQxMMSqKppB5SUaStc6kC5KJjun6XwzDy6uq+rpw4CPzld553FHm6P"
            + "pCPG0V17EvNdGOvTLbUJFGDbnjHg83Ks05T/qJlYohPXWp26jJff+3VSLQxlAOrtxk+qodisElIkBEqxRw5ySFYM/ipDs3D "
            + "test@polycell";
    private static final String RSA_FINGERPRINT = "ef:97:23:0a:d9:b9:38:87:3e:25:c2:87:2d:c2:b6:2f";
    private static final String ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPZM9PneqXWa+G8rFa3fQgn6uh8FQ8RDFOBEv"
            + "gmzYUrl test@polycell";
    private static final String ED25519_FINGERPRINT = "74:66:ba:00:66:de:1e:a5:22:85:8d:01:cf:d3:74:ae";

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir, "polycell.quota.defaults.instances=10");
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    private Response create(String token, String keypair, String microversion) {
        return polycell.post(token, "/v2.1/os-keypairs", "{\"keypair\": {" + keypair + "}}", microversion);
    }

    private Response importKey(String token, String name, String publicKey) {
        return create(token, "\"name\": \"" + name + "\", \"public_key\": \"" + publicKey + "\"", "2.2");
    }

    private Response delete(String token, String path, String microversion) {
        return polycell.send(token, "DELETE", path, null, microversion);
    }

    private static void assertError(Response response, int status, String fault, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json()).isEqualTo(JSON.readTree("{\"" + fault + "\": {\"code\": " + status
                + ", \"message\": " + JSON.writeValueAsString(message) + "}}"));
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.path("keypairs").forEach(item -> names.add(item.path("keypair").path("name").asString()));
        return names;
    }

    @Test
    void generatesAKeyPairAndHandsOutItsPrivateKeyOnce() {
        Response created = create("gina:kp-generate", "\"name\": \"generated\"", "2.2");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode keypair = created.json().path("keypair");
        assertThat(keypair.path("private_key").asString()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
                .endsWith("-----END RSA PRIVATE KEY-----\n");
        assertThat(keypair.path("public_key").asString()).startsWith("ssh-rsa ").endsWith(" Generated-by-Nova");
        assertThat(keypair.path("fingerprint").asString()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(keypair.path("user_id").asString()).isEqualTo("gina");
        assertThat(keypair.path("type").asString()).isEqualTo("ssh");

        JsonNode shown = polycell.get("gina:kp-generate", "/v2.1/os-keypairs/generated", "2.2").json()
                .path("keypair");
        assertThat(shown.has("private_key")).isFalse();
        assertThat(shown.path("public_key")).isEqualTo(keypair.path("public_key"));
        assertThat(shown.path("fingerprint")).isEqualTo(keypair.path("fingerprint"));
    }

    @Test
    void importsListsShowsAndDeletesInNovasShapes() {
        String alice = "alice:kp-crud";
        Response imported = create(alice, "\"name\": \"laptop\", \"public_key\": \"" + RSA_KEY + "\"", null);
        assertThat(imported.status()).as("2.1 answers 200").isEqualTo(200);
        assertThat(imported.json()).isEqualTo(JSON.readTree("{\"keypair\": {\"name\": \"laptop\", \"public_key\": "
                + JSON.writeValueAsString(RSA_KEY) + ", \"fingerprint\": \"" + RSA_FINGERPRINT
                + "\", \"user_id\": \"alice\"}}"));
        assertThat(importKey(alice, "desk top", ED25519_KEY).status()).isEqualTo(201);

        JsonNode list = polycell.get(alice, "/v2.1/os-keypairs", "2.2").json();
        assertThat(list).isEqualTo(JSON.readTree("{\"keypairs\": [{\"keypair\": {\"name\": \"desk top\", "
                + "\"public_key\": " + JSON.writeValueAsString(ED25519_KEY) + ", \"fingerprint\": \""
                + ED25519_FINGERPRINT + "\", \"type\": \"ssh\"}}, {\"keypair\": {\"name\": \"laptop\", \"public_key\": "
                + JSON.writeValueAsString(RSA_KEY) + ", \"fingerprint\": \"" + RSA_FINGERPRINT
                + "\", \"type\": \"ssh\"}}]}"));
        assertThat(polycell.get(alice, "/v2.1/os-keypairs").json().path("keypairs").get(0).path("keypair")
                .has("type")).as("no type before 2.2").isFalse();
        assertThat(names(polycell.get("alice:kp-crud-too", "/v2.1/os-keypairs").json()))
                .as("key pairs are the user's, in any project").containsExactly("desk top", "laptop");

        Response shown = polycell.get(alice, "/v2.1/os-keypairs/laptop", "2.2");
        assertThat(shown.status()).isEqualTo(200);
        JsonNode keypair = shown.json().path("keypair");
        assertThat(List.copyOf(keypair.propertyNames())).containsExactly("name", "public_key", "fingerprint", "created_at", "deleted",
                "deleted_at", "id", "user_id", "updated_at", "type");
        assertThat(keypair.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(keypair.path("deleted").asBoolean()).isFalse();
        assertThat(keypair.path("deleted_at").isNull()).isTrue();
        assertThat(keypair.path("updated_at").isNull()).isTrue();
        assertThat(keypair.path("id").isIntegralNumber()).isTrue();
        assertThat(keypair.path("user_id").asString()).isEqualTo("alice");
        assertThat(keypair.path("fingerprint").asString()).isEqualTo(RSA_FINGERPRINT);

        assertError(polycell.get("bob:kp-crud", "/v2.1/os-keypairs/laptop"), 404, "itemNotFound",
                "Keypair laptop not found for user bob");
        assertThat(names(polycell.get("bob:kp-crud", "/v2.1/os-keypairs").json())).isEmpty();

        assertThat(delete(alice, "/v2.1/os-keypairs/laptop", null).status()).as("2.1 answers 202").isEqualTo(202);
        assertThat(delete(alice, "/v2.1/os-keypairs/desk%20top", "2.2").status()).isEqualTo(204);
        assertError(polycell.get(alice, "/v2.1/os-keypairs/laptop"), 404, "itemNotFound",
                "Keypair laptop not found for user alice");
        assertError(delete(alice, "/v2.1/os-keypairs/laptop", "2.2"), 404, "itemNotFound",
                "Keypair laptop not found for user alice");
        assertThat(names(polycell.get(alice, "/v2.1/os-keypairs").json())).isEmpty();
        assertThat(importKey(alice, "laptop", ED25519_KEY).status()).as("a deleted name is free again")
                .isEqualTo(201);
    }

    @Test
    void refusesATakenNameABadKeyAndABadNameWithNovasMessages() {
        String rita = "rita:kp-refusals";
        assertThat(importKey(rita, "mine", RSA_KEY).status()).isEqualTo(201);

        assertError(importKey(rita, "mine", ED25519_KEY), 409, "conflictingRequest",
                "Key pair 'mine' already exists.");
        assertError(importKey("rita:kp-elsewhere", "mine", ED25519_KEY), 409, "conflictingRequest",
                "Key pair 'mine' already exists.");
        assertThat(importKey("robert:kp-refusals", "mine", ED25519_KEY).status()).as("names are per user")
                .isEqualTo(201);
        assertError(importKey(rita, "broken", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQ"), 400, "badRequest",
                "Keypair data is invalid: failed to generate fingerprint");
        assertError(importKey(rita, "bad/name", RSA_KEY), 400, "badRequest", "An invalid 'name' value was provided. "
                + "The name must be: Only expected characters: [_- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
                + "OPQRSTUVWXYZ]");
        assertError(create(rita, "\"name\": \"k\"", "2.92"), 400, "badRequest", "Invalid input for field/attribute "
                + "keypair. Value: {'name': 'k'}. 'public_key' is a required property");
        assertThat(create(rita, "\"name\": \"me@host.example\", \"public_key\": \"" + ED25519_KEY + "\"", "2.92")
                .status()).as("2.92 names may hold @ and .").isEqualTo(201);
        assertThat(names(polycell.get(rita, "/v2.1/os-keypairs").json()))
                .containsExactly("me@host.example", "mine");
    }

    @Test
    void theKeyPairQuotaHoldsPerUserAndDeletesGiveItBack() {
        String quinn = "quinn:kp-quota";
        Quotas.set(polycell, "kp-quota", "\"key_pairs\": 2");
        assertThat(importKey(quinn, "one", RSA_KEY).status()).isEqualTo(201);
        assertThat(create(quinn, "\"name\": \"two\"", "2.2").status()).isEqualTo(201);

        assertError(importKey(quinn, "three", ED25519_KEY), 403, "forbidden", "Quota exceeded, too many key pairs.");
        assertError(create(quinn, "\"name\": \"three\"", "2.2"), 403, "forbidden",
                "Quota exceeded, too many key pairs.");
        assertThat(importKey("quentin:kp-quota", "one", ED25519_KEY).status()).as("quentin has his own key pairs")
                .isEqualTo(201);
        assertError(polycell.get(quinn, "/v2.1/os-keypairs/three"), 404, "itemNotFound",
                "Keypair three not found for user quinn");

        // As Nova: a user's key pairs are not part of a project's usage.
        JsonNode detail = Quotas.detail(polycell, "kp-quota");
        assertThat(detail.path("key_pairs")).isEqualTo(JSON.readTree("{\"limit\": 2, \"in_use\": 0, \"reserved\": 0}"));
        JsonNode limits = polycell.get(quinn, "/v2.1/limits").json().path("limits").path("absolute");
        assertThat(limits.path("maxTotalKeypairs").asInt()).isEqualTo(2);
        assertThat(limits.propertyNames()).noneMatch(field -> field.toLowerCase().contains("keypairsused"));
        JsonNode drift = Quotas.drift(polycell, "kp-quota");
        assertThat(drift.path("key_pairs_counted").asInt()).isEqualTo(3);
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();

        assertThat(delete(quinn, "/v2.1/os-keypairs/one", "2.2").status()).isEqualTo(204);
        assertThat(importKey(quinn, "three", ED25519_KEY).status()).as("the delete gave a place back").isEqualTo(201);
        for (String name : List.of("two", "three")) {
            assertThat(delete(quinn, "/v2.1/os-keypairs/" + name, "2.2").status()).isEqualTo(204);
        }
        assertThat(delete("quentin:kp-quota", "/v2.1/os-keypairs/one", "2.2").status()).isEqualTo(204);
        drift = Quotas.drift(polycell, "kp-quota");
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();
        assertThat(drift.path("key_pairs_counted").asInt()).isZero();
        assertThat(drift.path("key_pairs_recomputed").asInt()).isZero();
    }

    @Test
    void pagesByNameFrom2_35() {
        String paige = "paige:kp-pages";
        for (String name : List.of("c", "a", "b")) {
            assertThat(importKey(paige, name, ED25519_KEY).status()).isEqualTo(201);
        }
        JsonNode first = polycell.get(paige, "/v2.1/os-keypairs?limit=2", "2.35").json();
        assertThat(names(first)).containsExactly("a", "b");
        String next = first.path("keypairs_links").get(0).path("href").asString();
        assertThat(first.path("keypairs_links").get(0).path("rel").asString()).isEqualTo("next");
        assertThat(next).startsWith(polycell.baseUrl() + "/v2.1/os-keypairs?").contains("limit=2").contains("marker=b");

        JsonNode second = polycell.get(paige, next.substring(polycell.baseUrl().length()), "2.35").json();
        assertThat(names(second)).containsExactly("c");
        assertThat(second.has("keypairs_links")).isFalse();
        assertThat(names(polycell.get(paige, "/v2.1/os-keypairs?limit=1", "2.34").json()))
                .as("limit is ignored before 2.35").containsExactly("a", "b", "c");
        assertError(polycell.get(paige, "/v2.1/os-keypairs?marker=nope", "2.35"), 400, "badRequest",
                "Marker nope could not be found.");
        assertError(polycell.get(paige, "/v2.1/os-keypairs?limit=x", "2.35"), 400, "badRequest",
                "Invalid input for query parameters limit. Value: x. 'x' does not match '^[0-9]*$'");
        assertError(polycell.get(paige, "/v2.1/os-keypairs?sort=name", "2.75"), 400, "badRequest",
                "Additional properties are not allowed ('sort' was unexpected)");
    }

    @Test
    void anAdminActsForAnotherUserFrom2_10AndNobodyElseMay() {
        Response created = create(ADMIN, "\"name\": \"given\", \"user_id\": \"carol\", \"public_key\": \""
                + RSA_KEY + "\"", "2.10");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("keypair").path("user_id").asString()).isEqualTo("carol");

        assertThat(names(polycell.get("carol:kp-admin", "/v2.1/os-keypairs").json())).containsExactly("given");
        assertThat(names(polycell.get(ADMIN, "/v2.1/os-keypairs?user_id=carol", "2.10").json()))
                .containsExactly("given");
        assertError(polycell.get("dave:kp-admin", "/v2.1/os-keypairs?user_id=carol", "2.10"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-keypairs:index to be performed.");
        assertError(create("dave:kp-admin", "\"name\": \"x\", \"user_id\": \"carol\"", "2.10"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-keypairs:create to be performed.");
        assertError(delete("dave:kp-admin", "/v2.1/os-keypairs/given?user_id=carol", "2.10"), 403, "forbidden",
                "Policy doesn't allow os_compute_api:os-keypairs:delete to be performed.");
        assertThat(delete(ADMIN, "/v2.1/os-keypairs/given?user_id=carol", "2.10").status()).isEqualTo(204);
        assertThat(names(polycell.get("carol:kp-admin", "/v2.1/os-keypairs").json())).isEmpty();
    }

    @Test
    void aBootNamesOneOfTheUsersKeyPairsOrIsRefused() {
        String bea = "bea:kp-boot";
        assertThat(importKey(bea, "deploy", RSA_KEY).status()).isEqualTo(201);
        assertThat(importKey("bert:kp-boot", "berts", ED25519_KEY).status()).isEqualTo(201);

        assertError(boot(bea, "unknown"), 400, "badRequest", "Invalid key_name provided.");
        assertError(boot(bea, "berts"), 400, "badRequest", "Invalid key_name provided.");
        assertThat(Quotas.inUse(polycell, "kp-boot", "instances")).as("a refused boot claims nothing").isZero();
        Response booted = boot(bea, "deploy");
        assertThat(booted.status()).as(booted.body()).isEqualTo(202);

        assertThat(delete(bea, "/v2.1/os-keypairs/deploy", "2.2").status()).isEqualTo(204);
        assertError(boot(bea, "deploy"), 400, "badRequest", "Invalid key_name provided.");
    }

    private Response boot(String token, String keyName) {
        return polycell.post(token, "/v2.1/servers", "{\"server\": {\"name\": \"with-key\", \"flavorRef\": \"1\", "
                + "\"imageRef\": \"" + RunningPolycell.IMAGE + "\", \"key_name\": \"" + keyName + "\"}}");
    }
}
