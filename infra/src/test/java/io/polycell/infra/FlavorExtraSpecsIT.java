package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Nova's {@code os-extra_specs} through HTTP: bodies, codes and messages, on the assembled default. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlavorExtraSpecsIT {

    private static final String MEMBER = "bob:tenant-b";
    private static final String ADMIN = "admin:tenant-b";

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir);
    }

    @AfterAll
    void stop() {
        polycell.close();
    }

    @Test
    void adminsSetMergeReplaceAndDeleteExtraSpecsThatAnyoneCanRead() {
        String specs = flavor("merged");

        Response created = polycell.post(ADMIN, specs, "{\"extra_specs\": {\"hw:cpu_policy\": \"dedicated\", "
                + "\"quota:cpu_shares\": 2048}}");
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).isEqualTo("{\"extra_specs\":{\"hw:cpu_policy\":\"dedicated\","
                + "\"quota:cpu_shares\":2048}}");
        assertThat(polycell.post(ADMIN, specs, "{\"extra_specs\": {\"trait:HW_CPU_X86_AVX2\": \"required\"}}").status())
                .isEqualTo(200);
        Response all = polycell.get(MEMBER, specs);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("extra_specs").properties()).hasSize(3);
        assertThat(all.json().path("extra_specs").path("hw:cpu_policy").asString()).isEqualTo("dedicated");
        assertThat(all.json().path("extra_specs").path("quota:cpu_shares").isString()).as("kept as text").isTrue();
        assertThat(all.json().path("extra_specs").path("quota:cpu_shares").asString()).isEqualTo("2048");
        assertThat(all.json().path("extra_specs").path("trait:HW_CPU_X86_AVX2").asString()).isEqualTo("required");

        Response replaced = polycell.put(ADMIN, specs + "/hw:cpu_policy", "{\"hw:cpu_policy\": \"shared\"}", null);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo("{\"hw:cpu_policy\":\"shared\"}");
        Response one = polycell.get(MEMBER, specs + "/hw:cpu_policy");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"hw:cpu_policy\":\"shared\"}");

        Response deleted = polycell.delete(ADMIN, specs + "/hw:cpu_policy");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEmpty();
        assertThat(polycell.get(MEMBER, specs).json().path("extra_specs").properties()).hasSize(2);
        assertNotFound(polycell.get(MEMBER, specs + "/hw:cpu_policy"),
                "Flavor merged has no extra specs with key hw:cpu_policy.");
        assertNotFound(polycell.delete(ADMIN, specs + "/hw:cpu_policy"),
                "Flavor merged has no extra specs with key hw:cpu_policy.");
    }

    @Test
    void concurrentWritesToOneFlavorAreAllKept() {
        String specs = flavor("raced");
        ExecutorService writers = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<Response>> writes = IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> polycell.post(ADMIN, specs,
                            "{\"extra_specs\": {\"key-" + i + "\": \"" + i + "\"}}"), writers))
                    .toList();

            assertThat(writes).allSatisfy(write -> assertThat(write.join().status()).as(write.join().body())
                    .isEqualTo(200));
        } finally {
            writers.shutdown();
        }
        assertThat(polycell.get(ADMIN, specs).json().path("extra_specs").properties()).hasSize(100);
    }

    @Test
    void membersMayNotWriteExtraSpecs() {
        String specs = flavor("guarded");

        assertForbidden(polycell.post(MEMBER, specs, "{\"extra_specs\": {\"a\": \"b\"}}"), "create");
        assertForbidden(polycell.put(MEMBER, specs + "/a", "{\"a\": \"b\"}", null), "update");
        assertForbidden(polycell.delete(MEMBER, specs + "/a"), "delete");
        assertThat(polycell.get(MEMBER, specs).json().path("extra_specs").isEmpty()).isTrue();
    }

    @Test
    void anUnknownFlavorIsNotFoundForEveryCall() {
        String specs = "/v2.1/flavors/nope/os-extra_specs";
        String message = "Flavor nope could not be found.";

        assertNotFound(polycell.get(MEMBER, specs), message);
        assertNotFound(polycell.get(MEMBER, specs + "/a"), message);
        assertNotFound(polycell.post(ADMIN, specs, "{\"extra_specs\": {\"a\": \"b\"}}"), message);
        assertNotFound(polycell.put(ADMIN, specs + "/a", "{\"a\": \"b\"}", null), message);
        assertNotFound(polycell.delete(ADMIN, specs + "/a"), message);
    }

    @Test
    void badBodiesAreNovasBadRequests() {
        String specs = flavor("strict");

        assertBadRequest(polycell.put(ADMIN, specs + "/a", "{\"b\": \"c\"}", null), "Request body and URI mismatch");
        assertBadRequest(polycell.put(ADMIN, specs + "/a", "{\"a\": \"b\", \"c\": \"d\"}", null),
                "{'a': 'b', 'c': 'd'} has too many properties");
        assertBadRequest(polycell.put(ADMIN, specs + "/a", "{}", null), "{} does not have enough properties");
        assertBadRequest(polycell.post(ADMIN, specs, "{\"specs\": {}}"), "'extra_specs' is a required property");
        assertBadRequest(polycell.post(ADMIN, specs, "{\"extra_specs\": {\"a/b\": \"c\"}}"),
                "Invalid input for field/attribute extra_specs. Value: {'a/b': 'c'}. Additional properties are not "
                        + "allowed ('a/b' was unexpected)");
        assertBadRequest(polycell.post(ADMIN, specs, "{\"extra_specs\": {\"a\": true}}"),
                "Invalid input for field/attribute a. Value: True. True is not of type 'string', 'number'");
        assertThat(polycell.get(ADMIN, specs).json().path("extra_specs").isEmpty()).as("nothing was set").isTrue();
    }

    @Test
    void flavorsShowTheirExtraSpecsFromMicroversion261() {
        String specs = flavor("shown");
        polycell.post(ADMIN, specs, "{\"extra_specs\": {\"aggregate_instance_extra_specs:ssd\": \"true\"}}");

        JsonNode old = polycell.get(MEMBER, "/v2.1/flavors/shown").json().path("flavor");
        JsonNode shown = polycell.get(MEMBER, "/v2.1/flavors/shown", "2.61").json().path("flavor");
        JsonNode inDetail = detailOf(polycell.get(MEMBER, "/v2.1/flavors/detail", "2.61").json(), "shown");

        assertThat(old.has("extra_specs")).isFalse();
        assertThat(shown.path("extra_specs").path("aggregate_instance_extra_specs:ssd").asString()).isEqualTo("true");
        assertThat(inDetail.path("extra_specs").path("aggregate_instance_extra_specs:ssd").asString())
                .isEqualTo("true");
        assertThat(detailOf(polycell.get(MEMBER, "/v2.1/flavors/detail", "2.60").json(), "shown").has("extra_specs"))
                .isFalse();
        JsonNode created = polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"new\", \"ram\": 256, "
                + "\"vcpus\": 1, \"disk\": 1, \"id\": \"new\"}}", "2.61").json().path("flavor");
        assertThat(created.path("extra_specs").isObject()).isTrue();
        assertThat(created.path("extra_specs").isEmpty()).isTrue();
    }

    private String flavor(String id) {
        Response created = polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"" + id
                + "\", \"ram\": 256, \"vcpus\": 1, \"disk\": 1, \"id\": \"" + id + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return "/v2.1/flavors/" + id + "/os-extra_specs";
    }

    private static JsonNode detailOf(JsonNode listing, String id) {
        for (JsonNode flavor : listing.path("flavors")) {
            if (flavor.path("id").asString().equals(id)) {
                return flavor;
            }
        }
        throw new AssertionError("Flavor " + id + " is not listed: " + listing);
    }

    private static void assertForbidden(Response response, String action) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().path("forbidden").path("message").asString())
                .isEqualTo("Policy doesn't allow os_compute_api:os-flavor-extra-specs:" + action + " to be performed.");
    }

    private static void assertNotFound(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().path("itemNotFound").path("code").asInt()).isEqualTo(404);
        assertThat(response.json().path("itemNotFound").path("message").asString()).isEqualTo(message);
    }

    private static void assertBadRequest(Response response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("badRequest").path("message").asString()).isEqualTo(message);
    }
}
