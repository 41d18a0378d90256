package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.Quotas;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Boots racing for the last places of a quota, through HTTP, all released at once: exactly the quota
 * is accepted and the rest refused with Nova's 403, never one more (Nova Zed with two cells accepted
 * 10 of 30 against an instance quota of 5), whether the limit is on instances or cores, the requests
 * single or ranges of counts, and when two projects race at once. After the builds the quota's count equals the count
 * recomputed from the events; after deleting everything it is zero, still without drift.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaConcurrencyIT {

    private static final int BOOTS = 200;

    @TempDir
    static Path dataDir;
    private RunningPolycell polycell;
    private ExecutorService clients;

    @BeforeAll
    void start() {
        polycell = RunningPolycell.start(dataDir, "polycell.quota.defaults.instances=10");
        clients = Executors.newFixedThreadPool(BOOTS);
    }

    @AfterAll
    void stop() {
        clients.shutdownNow();
        polycell.close();
    }

    @Test
    void twoHundredConcurrentBootsAgainstFiftyInstancesAcceptExactlyFifty() {
        raceForFiftyPlaces("race-instances", "\"instances\": 50, \"cores\": -1, \"ram\": -1", "1",
                "Quota exceeded for instances: Requested 1, but already used 50 of 50 instances", 50, 50 * 512);
    }

    @Test
    void twoHundredConcurrentBootsAgainstAHundredCoresAcceptExactlyFifty() {
        raceForFiftyPlaces("race-cores", "\"instances\": -1, \"cores\": 100, \"ram\": -1", "3",
                "Quota exceeded for cores: Requested 2, but already used 100 of 100 cores", 100, 50 * 4096);
    }

    /** 200 boots of one server of {@code flavor} where the quota has room for 50 of them. */
    private void raceForFiftyPlaces(String project, String limits, String flavor, String refusal, long cores,
                                    long ram) {
        Quotas.set(polycell, project, limits);

        List<Response> answers = bootAllAtOnce(project, i -> body("vm-" + i, flavor, ""));

        assertThat(statuses(answers)).containsExactlyInAnyOrderEntriesOf(Map.of(202, 50L, 403, 150L));
        assertThat(refusals(answers)).containsOnly(refusal);
        settleThenDeleteEverything(project, 50, cores, ram);
    }

    /**
     * Single boots, ranges ({@code min_count} 1 to {@code max_count} 4) and fixed triples race for 50
     * instances. A request is never half taken below its minimum, and since more than 50 requests can
     * take a single place, the quota ends exactly full.
     */
    @Test
    void minAndMaxCountRequestsMixedInNeverPassTheQuota() {
        raceMixedCounts("race-counts", "\"instances\": 50, \"cores\": -1, \"ram\": -1", "1", Map.of(
                "one", "Quota exceeded for instances: Requested 1, but already used 50 of 50 instances",
                "range", "Quota exceeded for instances: Requested 1-4, but already used 50 of 50 instances",
                "three", "Quota exceeded for instances: Requested 3, but already used (48|49|50) of 50 instances"));
        settleThenDeleteEverything("race-counts", 50, 50, 50 * 512);
    }

    /**
     * The same mix of counts against 100 cores, each server an m1.medium (2 vCPUs): the cores decide,
     * and the quota ends exactly full at 50 servers. A refused range found no core left and names what
     * its {@code max_count} would have taken; a refused triple found fewer than 6 left.
     */
    @Test
    void minAndMaxCountRequestsMixedInNeverPassTheCoresQuota() {
        raceMixedCounts("race-counts-cores", "\"instances\": -1, \"cores\": 100, \"ram\": -1", "3", Map.of(
                "one", "Quota exceeded for cores: Requested 2, but already used 100 of 100 cores",
                "range", "Quota exceeded for cores: Requested 8, but already used 100 of 100 cores",
                "three", "Quota exceeded for cores: Requested 6, but already used (96|98|100) of 100 cores"));
        settleThenDeleteEverything("race-counts-cores", 50, 100, 50 * 4096);
    }

    /**
     * Two projects race at the same moment, their boots interleaved: one for 30 instances, the other
     * for 40 cores (20 m1.medium). Each ends exactly at its own limit and every refusal names only its
     * own project's usage: one project's boots neither take nor block the other's places.
     */
    @Test
    void twoProjectsRacingAtOnceEachEndExactlyAtTheirOwnLimit() {
        Quotas.set(polycell, "race-a", "\"instances\": 30, \"cores\": -1, \"ram\": -1");
        Quotas.set(polycell, "race-b", "\"instances\": -1, \"cores\": 40, \"ram\": -1");

        List<Response> answers = allAtOnce(BOOTS, i -> i % 2 == 0
                ? polycell.post("racer:race-a", "/v2.1/servers", body("a-" + i, "1", ""))
                : polycell.post("racer:race-b", "/v2.1/servers", body("b-" + i, "3", "")));

        List<Response> a = IntStream.range(0, BOOTS).filter(i -> i % 2 == 0).mapToObj(answers::get).toList();
        List<Response> b = IntStream.range(0, BOOTS).filter(i -> i % 2 == 1).mapToObj(answers::get).toList();
        assertThat(statuses(a)).containsExactlyInAnyOrderEntriesOf(Map.of(202, 30L, 403, 70L));
        assertThat(refusals(a)).containsOnly("Quota exceeded for instances: Requested 1, but already used 30 of 30 "
                + "instances");
        assertThat(statuses(b)).containsExactlyInAnyOrderEntriesOf(Map.of(202, 20L, 403, 80L));
        assertThat(refusals(b)).containsOnly("Quota exceeded for cores: Requested 2, but already used 40 of 40 cores");
        settleThenDeleteEverything("race-a", 30, 30, 30 * 512);
        settleThenDeleteEverything("race-b", 20, 40, 20 * 4096);
    }

    /**
     * {@value #BOOTS} requests of {@code flavor} at once, a mix of single boots, ranges and triples
     * (see {@link #request}), where the quota has room for 50 servers. Checks that every accepted
     * request got between its minimum and its maximum, every refused one nothing and the 403 that
     * {@code refusals} gives for its kind ({@code one}, {@code range}, {@code three}; a regular
     * expression), and that exactly 50 servers were accepted.
     */
    private void raceMixedCounts(String project, String limits, String flavor, Map<String, String> refusals) {
        Quotas.set(polycell, project, limits);

        List<Response> answers = bootAllAtOnce(project, i -> body(request(i), flavor, switch (i % 10) {
            case 0, 1, 2, 3 -> "";
            case 4, 5, 6 -> ", \"min_count\": 1, \"max_count\": 4";
            default -> ", \"min_count\": 3";
        }));

        // A multi-create names its servers <name>-1, <name>-2, ...
        Map<String, Long> serversPerRequest = listed(project).stream()
                .collect(Collectors.groupingBy(name -> name.replaceFirst("^((range|three)-[0-9]+)-[0-9]+$", "$1"),
                        Collectors.counting()));
        assertThat(serversPerRequest.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(50);
        for (int i = 0; i < BOOTS; i++) {
            Response answer = answers.get(i);
            String request = request(i);
            String kind = request.substring(0, request.indexOf('-'));
            long servers = serversPerRequest.getOrDefault(request, 0L);
            if (answer.status() == 202) {
                assertThat(servers).as(request).isBetween(kind.equals("three") ? 3L : 1L,
                        kind.equals("range") ? 4L : kind.equals("three") ? 3L : 1L);
            } else {
                assertThat(answer.status()).as(answer.body()).isEqualTo(403);
                assertThat(servers).as(request).isZero();
                assertThat(answer.json().path("forbidden").path("message").asString()).as(request)
                        .matches(refusals.get(kind));
            }
        }
    }

    /** Four in ten requests boot one server, three a range of one to four, three exactly three. */
    private static String request(int i) {
        return switch (i % 10) {
            case 0, 1, 2, 3 -> "one-" + i;
            case 4, 5, 6 -> "range-" + i;
            default -> "three-" + i;
        };
    }

    /**
     * Waits for every accepted server to be ACTIVE, checks the quota's count against the servers and
     * against the count recomputed from the events, deletes them all, and checks both are zero.
     */
    private void settleThenDeleteEverything(String project, long instances, long cores, long ram) {
        String token = "racer:" + project;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> statusesListed(token).equals(Map.of("ACTIVE", instances)));
        JsonNode detail = Quotas.detail(polycell, project);
        assertThat(detail.path("instances").path("in_use").asLong()).isEqualTo(instances);
        assertThat(detail.path("cores").path("in_use").asLong()).isEqualTo(cores);
        assertThat(detail.path("ram").path("in_use").asLong()).isEqualTo(ram);
        assertNoDrift(project, instances);

        List<String> ids = StreamSupport.stream(polycell.get(token, "/v2.1/servers?limit=1000").json()
                .path("servers").spliterator(), false).map(server -> server.path("id").asString()).toList();
        List<Future<Response>> deletes = ids.stream()
                .map(id -> clients.submit(() -> polycell.delete(token, "/v2.1/servers/" + id))).toList();
        for (Future<Response> delete : deletes) {
            assertThat(join(delete).status()).isEqualTo(204);
        }
        Quotas.awaitInUse(polycell, project, "instances", 0);
        JsonNode after = Quotas.detail(polycell, project);
        assertThat(after.path("cores").path("in_use").asLong()).isZero();
        assertThat(after.path("ram").path("in_use").asLong()).isZero();
        assertThat(polycell.get(token, "/v2.1/servers").json().path("servers")).isEmpty();
        assertNoDrift(project, 0);
    }

    private void assertNoDrift(String project, long instances) {
        JsonNode drift = Quotas.drift(polycell, project);
        assertThat(drift.path("drifted").asBoolean()).as(drift.toString()).isFalse();
        assertThat(drift.path("recomputed").path("instances").asLong()).isEqualTo(instances);
        assertThat(drift.path("servers_counted_but_gone")).isEmpty();
        assertThat(drift.path("servers_not_counted")).isEmpty();
        Response all = polycell.get(Quotas.ADMIN, "/v2.1/os-quota-drift");
        assertThat(all.json().path("quota_drift")).as(all.body()).isEmpty();
    }

    /** {@value #BOOTS} POSTs of the given bodies, all released together. */
    private List<Response> bootAllAtOnce(String project, Function<Integer, String> bodies) {
        return allAtOnce(BOOTS, i -> polycell.post("racer:" + project, "/v2.1/servers", bodies.apply(i)));
    }

    /** {@code count} calls, each on a client thread of its own, held until all are ready, then released together. */
    private <T> List<T> allAtOnce(int count, IntFunction<T> call) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(clients.submit(() -> {
                go.await();
                return call.apply(index);
            }));
        }
        go.countDown();
        return calls.stream().map(QuotaConcurrencyIT::join).toList();
    }

    private static String body(String name, String flavor, String counts) {
        return "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"" + flavor + "\", \"imageRef\": \""
                + RunningPolycell.IMAGE + "\"" + counts + "}}";
    }

    private static Map<Integer, Long> statuses(List<Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
    }

    private static List<String> refusals(List<Response> answers) {
        return answers.stream().filter(answer -> answer.status() == 403)
                .map(answer -> answer.json().path("forbidden").path("message").asString()).toList();
    }

    private List<String> listed(String project) {
        JsonNode servers = polycell.get("racer:" + project, "/v2.1/servers?limit=1000").json().path("servers");
        return StreamSupport.stream(servers.spliterator(), false).map(server -> server.path("name").asString())
                .toList();
    }

    private Map<String, Long> statusesListed(String token) {
        JsonNode servers = polycell.get(token, "/v2.1/servers/detail?limit=1000").json().path("servers");
        return StreamSupport.stream(servers.spliterator(), false)
                .collect(Collectors.groupingBy(server -> server.path("status").asString(), Collectors.counting()));
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
