package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.messages.common.Requester;
import io.polycell.query.server.ListingPath;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.query.server.ServerRow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Listing servers from the search index on a real node: the same servers in the same order as the merge
 * sort over the cells' views, page by page; project isolation; a requester's own creations and deletions
 * in their next listing; the header that says which way a listing was read.
 */
class IndexListingIT {

    private static final String BOB = "bob:tenant-b";
    private static final String CAROL = "carol:tenant-c";
    private static final String ADMIN = "admin:tenant-a";
    private static final Requester BOB_REQUESTER = new Requester("bob", "tenant-b", false);
    private static final Requester CAROL_REQUESTER = new Requester("carol", "tenant-c", false);
    private static final Requester ADMIN_REQUESTER = new Requester("admin", "tenant-a", true);

    @TempDir
    static Path dataDir;
    static RunningPolycell polycell;
    static final List<String> bobs = new ArrayList<>();
    static final List<String> carols = new ArrayList<>();
    static String deleted;

    @BeforeAll
    static void bootServersInTwoProjects() {
        polycell = RunningPolycell.start(dataDir, "polycell.search.enabled=true");
        assertThat(polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"galactic\", \"ram\": 9999999, "
                + "\"vcpus\": 4096, \"disk\": 1, \"id\": \"galactic\"}}").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            bobs.add(polycell.boot(BOB, "bob-" + i, "1"));
            carols.add(polycell.boot(CAROL, "carol-" + i, i % 2 == 0 ? "1" : "2"));
        }
        bobs.add(polycell.boot(BOB, "too-big", "galactic"));
        deleted = polycell.boot(BOB, "gone", "1");
        for (String id : bobs.subList(0, 5)) {
            Servers.awaitStatus(polycell, BOB, id, "ACTIVE");
        }
        Servers.awaitStatus(polycell, BOB, bobs.get(5), "ERROR");
        for (String id : carols) {
            Servers.awaitStatus(polycell, CAROL, id, "ACTIVE");
        }
        Servers.awaitStatus(polycell, BOB, deleted, "ACTIVE");
        assertThat(polycell.delete(BOB, "/v2.1/servers/" + deleted).status()).isEqualTo(204);
        Servers.awaitGone(polycell, BOB, deleted);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> polycell.system().search().feed() != null
                        && polycell.system().search().feed().reachedHead());
    }

    @AfterAll
    static void stop() {
        if (polycell != null) {
            polycell.close();
        }
    }

    @Test
    void theIndexListsTheSameServersInTheSameOrderAsTheMergeSortPageByPage() {
        ServerListing listing = polycell.system().listing();
        record Asked(Requester requester, String projectId) {
        }
        for (Asked asked : List.of(new Asked(BOB_REQUESTER, "tenant-b"), new Asked(CAROL_REQUESTER, "tenant-c"),
                new Asked(ADMIN_REQUESTER, null), new Asked(ADMIN_REQUESTER, "tenant-b"))) {
            for (int limit : List.of(ServerListing.MAX_LIMIT, 1, 2, 3, 4)) {
                List<String> fromIndex = new ArrayList<>();
                List<String> merged = new ArrayList<>();
                String marker = null;
                int pages = 0;
                while (true) {
                    ServerPage page = listing.list(asked.requester(), asked.projectId(), marker, limit);
                    List<ServerRow> mergePage = listing.page(asked.requester(), asked.projectId(), marker, limit);
                    assertThat(page.path()).as("read from").isEqualTo(ListingPath.INDEX);
                    assertThat(page.rows().stream().map(IndexListingIT::shown).toList())
                            .as("page %d of %s by %d", pages, asked, limit)
                            .isEqualTo(mergePage.stream().map(IndexListingIT::shown).toList());
                    page.rows().forEach(row -> fromIndex.add(row.id()));
                    mergePage.forEach(row -> merged.add(row.id()));
                    pages++;
                    if (page.rows().size() < limit) {
                        break;
                    }
                    marker = page.rows().get(page.rows().size() - 1).id();
                }
                assertThat(fromIndex).isEqualTo(merged).doesNotContain(deleted).doesNotHaveDuplicates();
                int expected = asked.projectId() == null ? bobs.size() + carols.size()
                        : asked.projectId().equals("tenant-b") ? bobs.size() : carols.size();
                assertThat(fromIndex).as("%s by %d", asked, limit).hasSize(expected);
                assertThat(pages).isEqualTo(expected / limit + 1);
            }
        }
    }

    @Test
    void listsAndDetailsOverHttpFromTheIndexAndSaySo() {
        RunningPolycell.Response summary = polycell.get(BOB, "/v2.1/servers");
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.listing()).isEqualTo("index");
        assertThat(ids(summary.json())).containsExactlyInAnyOrderElementsOf(bobs);

        RunningPolycell.Response detail = polycell.get(BOB, "/v2.1/servers/detail?limit=2");
        assertThat(detail.listing()).isEqualTo("index");
        JsonNode servers = detail.json().path("servers");
        assertThat(servers.size()).isEqualTo(2);
        assertThat(servers.get(0).path("tenant_id").asString()).isEqualTo("tenant-b");
        assertThat(servers.get(0).path("status").asString()).isIn("ACTIVE", "ERROR");
        List<String> paged = new ArrayList<>(ids(detail.json()));
        JsonNode links = detail.json().path("servers_links");
        while (!links.isMissingNode() && links.size() > 0) {
            String next = links.get(0).path("href").asString();
            assertThat(next).contains("limit=2&marker=" + paged.get(paged.size() - 1));
            RunningPolycell.Response following = polycell.get(BOB, next.substring(next.indexOf("/v2.1/")));
            assertThat(following.listing()).isEqualTo("index");
            paged.addAll(ids(following.json()));
            links = following.json().path("servers_links");
        }
        assertThat(paged).isEqualTo(ids(summary.json()));

        JsonNode health = polycell.get(null, "/health").json().path("search").path("listings");
        assertThat(health.path("index").asLong()).isPositive();
    }

    @Test
    void anotherProjectsServersAreNeverListedUnlessAnAdminAsksForAllTenants() {
        assertThat(ids(polycell.get(CAROL, "/v2.1/servers").json())).containsExactlyInAnyOrderElementsOf(carols);
        RunningPolycell.Response notAdmin = polycell.get(CAROL, "/v2.1/servers?all_tenants=1");
        assertThat(notAdmin.listing()).isEqualTo("index");
        assertThat(ids(notAdmin.json())).containsExactlyInAnyOrderElementsOf(carols);
        RunningPolycell.Response admin = polycell.get(ADMIN, "/v2.1/servers?all_tenants=1");
        assertThat(admin.listing()).isEqualTo("index");
        assertThat(ids(admin.json())).containsAll(bobs).containsAll(carols);
        assertThat(ids(polycell.get(ADMIN, "/v2.1/servers").json())).as("the admin's own project")
                .doesNotContainAnyElementsOf(bobs).doesNotContainAnyElementsOf(carols);

        RunningPolycell.Response foreignMarker = polycell.get(CAROL, "/v2.1/servers?marker=" + bobs.get(0));
        assertThat(foreignMarker.status()).isEqualTo(400);
        assertThat(foreignMarker.json().path("badRequest").path("message").asString()).contains("marker");
    }

    @Test
    void aServerJustCreatedIsInItsCreatorsNextListingAndADeletedOneIsGone() {
        String fresh = polycell.boot(CAROL, "fresh", "1");
        RunningPolycell.Response created = polycell.get(CAROL, "/v2.1/servers/detail");
        assertThat(created.listing()).isEqualTo("index");
        assertThat(ids(created.json())).contains(fresh);

        Servers.awaitStatus(polycell, CAROL, fresh, "ACTIVE");
        assertThat(polycell.delete(CAROL, "/v2.1/servers/" + fresh).status()).isEqualTo(204);
        Servers.awaitGone(polycell, CAROL, fresh);
        RunningPolycell.Response gone = polycell.get(CAROL, "/v2.1/servers");
        assertThat(gone.listing()).isEqualTo("index");
        assertThat(ids(gone.json())).doesNotContain(fresh).containsExactlyInAnyOrderElementsOf(carols);
    }

    /** What a listing shows of a row, but the update time: the index keeps the event's, the view its own. */
    private static List<Object> shown(ServerRow row) {
        return java.util.Arrays.asList(row.id(), row.name(), row.projectId(), row.userId(), row.cell(), row.host(),
                row.flavorId(), row.imageId(), row.metadata(), row.vmState(), row.taskState(), row.powerState(),
                row.fault() == null ? null : row.fault().message(), row.createdAt(), row.launchedAt());
    }

    private static List<String> ids(JsonNode body) {
        return StreamSupport.stream(body.path("servers").spliterator(), false)
                .map(server -> server.path("id").asString()).toList();
    }
}
