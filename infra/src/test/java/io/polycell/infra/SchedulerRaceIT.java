package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.command.routing.Outcomes;
import io.polycell.infra.support.Hypervisors;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.StoredEvents;
import io.polycell.messages.build.LocateServer;
import io.polycell.messages.build.ServerLocation;
import io.polycell.messages.common.Requester;
import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostInventoryChanged;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.scheduler.HostState;
import io.polycell.scheduler.HostStates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two scheduler replicas that share nothing, a cloud full but for one slot per host, and four times
 * as many concurrent boots as slots left: the replicas hand out the same last slots, a host refuses
 * the claims it has no room for and the refused boot tries another host. No host is ever over-committed, in vCPUs, RAM
 * or disk: not in either replica's view, not in the hosts' own records, not in the hypervisor API.
 * Exactly as many servers as there were free slots end ACTIVE; every other one is in cell0 in ERROR
 * with Nova's fault.
 */
class SchedulerRaceIT {

    private static final String JUDY = "judy:tenant-j";
    private static final String ADMIN = "admin:tenant-j";
    /** Each host takes exactly this many m1.tiny (1 vCPU, 512 MB, 1 GB) in every dimension. */
    private static final int SLOTS_PER_HOST = 4;
    private static final int HOSTS_PER_CELL = 4;
    private static final int HOSTS = 2 * HOSTS_PER_CELL;
    /** One slot left on each host. */
    private static final int FREE_SLOTS = HOSTS;
    private static final int BOOTS = 32;

    @TempDir
    Path dataDir;

    @Test
    void concurrentBootsFillTheLastSlotsOfANearlyFullCloudWithoutOverCommit() throws Exception {
        List<String> properties = new ArrayList<>(List.of("polycell.scheduler.replicas=2"));
        for (String cell : List.of("cell1", "cell2")) {
            properties.addAll(List.of("polycell.cells." + cell + ".hosts=" + HOSTS_PER_CELL,
                    "polycell.cells." + cell + ".vcpus=" + SLOTS_PER_HOST,
                    "polycell.cells." + cell + ".ram-mb=" + SLOTS_PER_HOST * 512,
                    "polycell.cells." + cell + ".disk-gb=" + SLOTS_PER_HOST));
        }
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, properties.toArray(String[]::new))) {
            fillAllButOneSlotPerHost(polycell);

            List<String> ids = bootAllAtOnce(polycell);
            Map<String, JsonNode> settled = awaitSettled(polycell, ids);

            Map<String, List<String>> byStatus = new HashMap<>();
            settled.forEach((id, server) -> byStatus.computeIfAbsent(server.path("status").asString(),
                    status -> new ArrayList<>()).add(id));
            assertThat(byStatus.keySet()).containsOnly("ACTIVE", "ERROR");
            assertThat(byStatus.get("ACTIVE")).hasSize(FREE_SLOTS);
            List<String> failed = byStatus.get("ERROR");
            assertThat(failed).hasSize(BOOTS - FREE_SLOTS);
            for (String id : byStatus.get("ACTIVE")) {
                String host = settled.get(id).path("OS-EXT-SRV-ATTR:host").asString();
                assertThat(cellOf(polycell, id)).as(id).isEqualTo(host.substring(0, host.indexOf('-')));
            }
            for (String id : failed) {
                JsonNode server = settled.get(id);
                assertThat(server.path("fault").path("code").asInt()).isEqualTo(500);
                assertThat(server.path("fault").path("message").asString()).isEqualTo("No valid host was found. ");
                assertThat(server.path("OS-EXT-SRV-ATTR:host").isNull()).as(id).isTrue();
                assertThat(cellOf(polycell, id)).as(id).isEqualTo("cell0");
            }
            assertThat(StoredEvents.aggregatesWith(polycell, "cell0", FailedInstanceCreated.class, failed))
                    .containsExactlyInAnyOrderElementsOf(failed);

            assertAClaimWasRefusedAndRetriedOnAnotherHost(polycell);
            assertEveryHostFullAndNeverOverCommitted(polycell);
        }
    }

    /**
     * Leaves one m1.tiny's room on every host: a flavor of all but that room, one server of it per host
     * (no host has room for two), booted in one multi-create and waited for.
     */
    private static void fillAllButOneSlotPerHost(RunningPolycell polycell) {
        int most = SLOTS_PER_HOST - 1;
        Response flavor = polycell.post("admin:ops", "/v2.1/flavors", "{\"flavor\": {\"name\": \"fill\", \"id\": "
                + "\"fill\", \"vcpus\": " + most + ", \"ram\": " + most * 512 + ", \"disk\": " + most + "}}");
        assertThat(flavor.status()).as(flavor.body()).isEqualTo(200);
        Response fill = polycell.post(JUDY, "/v2.1/servers", "{\"server\": {\"name\": \"fill\", \"flavorRef\": "
                + "\"fill\", \"imageRef\": \"" + RunningPolycell.IMAGE + "\", \"min_count\": " + HOSTS
                + ", \"max_count\": " + HOSTS + "}}");
        assertThat(fill.status()).as(fill.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> StreamSupport.stream(
                polycell.get(JUDY, "/v2.1/servers/detail").json().path("servers").spliterator(), false)
                .filter(server -> server.path("status").asString().equals("ACTIVE")).count() == HOSTS);
        Hypervisors.byHost(polycell).forEach((host, hypervisor) -> assertThat(hypervisor.path("vcpus").asInt()
                - hypervisor.path("vcpus_used").asInt()).as("free vCPUs on %s", host).isEqualTo(1));
    }

    /** Every boot on a thread of its own, all held until all are ready, then released together. */
    private static List<String> bootAllAtOnce(RunningPolycell polycell) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(BOOTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> boots = new ArrayList<>();
            for (int i = 0; i < BOOTS; i++) {
                String name = "race-" + i;
                boots.add(clients.submit(() -> {
                    go.await();
                    return polycell.boot(JUDY, name, "1");
                }));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> boot : boots) {
                ids.add(boot.get(60, TimeUnit.SECONDS));
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Each server as an admin sees it once it is ACTIVE or ERROR. */
    private static Map<String, JsonNode> awaitSettled(RunningPolycell polycell, List<String> ids) {
        Map<String, JsonNode> settled = new HashMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String id : ids) {
                JsonNode server = polycell.get(ADMIN, "/v2.1/servers/" + id).json().path("server");
                String status = server.path("status").asString();
                if (status.equals("ACTIVE") || status.equals("ERROR")) {
                    settled.put(id, server);
                }
            }
            return settled.size() == ids.size();
        });
        return settled;
    }

    /** The cell the server's instance mapping names. */
    private static String cellOf(RunningPolycell polycell, String id) {
        ServerLocation location = Outcomes.await(polycell.system().router().toApi(new LocateServer(id,
                new Requester("admin", "ops", true))));
        return location.cell();
    }

    /**
     * The super-conductor counts, in {@code /health}, each claim a host refused and each server placed
     * only after one. At least one claim was refused (two replicas gave away the same slot), and a
     * boot it refused was then placed: on another host, since a host that refused is never asked again.
     */
    private static void assertAClaimWasRefusedAndRetriedOnAnotherHost(RunningPolycell polycell) {
        JsonNode placement = polycell.get("admin:ops", "/health").json().path("placement");
        assertThat(placement.path("claims_refused").asLong()).as("claims refused by a host another replica had filled")
                .isPositive();
        assertThat(placement.path("servers_placed_after_a_refused_claim").asLong())
                .as("a refused boot that was placed on another host").isPositive();
        assertThat(placement.path("servers_placed").asLong()).as("the fill servers and one per free slot")
                .isEqualTo(HOSTS + FREE_SLOTS);
        assertThat(placement.path("servers_with_no_valid_host").asLong()).isEqualTo(BOOTS - FREE_SLOTS);
    }

    /**
     * Every host is full and none ever held more than it may sell: in each replica's host states, in
     * the host aggregates' own events replayed one by one, and in the hypervisor API.
     */
    private static void assertEveryHostFullAndNeverOverCommitted(RunningPolycell polycell) {
        List<HostStates> replicas = polycell.system().replicaHostStates();
        assertThat(replicas).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> replicas.stream().allMatch(states -> states.all().stream()
                .mapToInt(host -> host.used().vcpus()).sum() == HOSTS * SLOTS_PER_HOST));
        for (HostStates states : replicas) {
            assertThat(states.all()).hasSize(HOSTS);
            for (HostState host : states.all()) {
                assertThat(host.used()).as(host.host()).isEqualTo(host.capacity());
            }
        }
        for (String host : Hypervisors.byHost(polycell).keySet()) {
            assertNeverOverCommitted(polycell, host);
        }
        Hypervisors.byHost(polycell).forEach((host, hypervisor) -> {
            assertThat(hypervisor.path("vcpus_used").asInt()).as(host).isEqualTo(hypervisor.path("vcpus").asInt());
            assertThat(hypervisor.path("memory_mb_used").asInt()).as(host)
                    .isEqualTo(hypervisor.path("memory_mb").asInt());
            assertThat(hypervisor.path("local_gb_used").asInt()).as(host)
                    .isEqualTo(hypervisor.path("local_gb").asInt());
        });
    }

    /** Replays the host aggregate's events: after each claim, what is claimed fits what may be sold. */
    private static void assertNeverOverCommitted(RunningPolycell polycell, String host) {
        Resources sellable = null;
        Resources used = new Resources(0, 0, 0);
        for (Object event : StoredEvents.of(polycell, host.substring(0, host.indexOf('-')), host,
                HostRegistered.class, HostInventoryChanged.class, HostResourcesClaimed.class,
                HostResourcesReleased.class)) {
            if (event instanceof HostRegistered registered) {
                sellable = registered.schedulable();
            } else if (event instanceof HostInventoryChanged changed) {
                sellable = changed.schedulable();
            } else if (event instanceof HostResourcesClaimed claimed) {
                used = plus(used, claimed.amount(), 1);
            } else if (event instanceof HostResourcesReleased released) {
                used = plus(used, released.amount(), -1);
            }
            assertThat(sellable).isNotNull();
            assertThat(used.vcpus()).as("%s after %s", host, event).isLessThanOrEqualTo(sellable.vcpus());
            assertThat(used.ramMb()).as("%s after %s", host, event).isLessThanOrEqualTo(sellable.ramMb());
            assertThat(used.diskGb()).as("%s after %s", host, event).isLessThanOrEqualTo(sellable.diskGb());
        }
        assertThat(used).as(host).isEqualTo(sellable);
    }

    private static Resources plus(Resources used, Resources amount, int sign) {
        return new Resources(used.vcpus() + sign * amount.vcpus(), used.ramMb() + sign * amount.ramMb(),
                used.diskGb() + sign * amount.diskGb());
    }
}
