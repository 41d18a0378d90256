package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.query.web.ServerListQuery;
import io.polycell.query.server.ListingPath;
import io.polycell.query.server.ServerListing;
import io.polycell.query.server.ServerPage;
import io.polycell.query.server.ServerRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Listing servers from the search index on a real node: for every filter and sort key Nova has, the same
 * servers in the same order as the merge sort over the cells' views, page by page; project isolation;
 * Nova's refusals of bad filters; a requester's own creations and deletions in their next listing; the
 * header that says which way a listing was read.
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
    static String stopped;
    static String paused;
    static String imageId;
    static Instant beforeChanges;

    @BeforeAll
    static void bootServersInTwoProjects() {
        polycell = RunningPolycell.start(dataDir, "polycell.search.enabled=true", "polycell.cells.cell1.hosts=2",
                "polycell.cells.cell2.hosts=2");
        assertThat(polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"galactic\", \"ram\": 9999999, "
                + "\"vcpus\": 4096, \"disk\": 1, \"id\": \"galactic\"}}").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            bobs.add(polycell.boot(BOB, "bob-" + i, "1"));
            carols.add(polycell.boot(CAROL, "Carol-" + i, i % 2 == 0 ? "1" : "2"));
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
        imageId = Servers.awaitStatus(polycell, BOB, bobs.get(0), "ACTIVE").path("image").path("id").asString();
        beforeChanges = Instant.now();
        assertThat(polycell.delete(BOB, "/v2.1/servers/" + deleted).status()).isEqualTo(204);
        Servers.awaitGone(polycell, BOB, deleted);
        stopped = bobs.get(1);
        assertThat(polycell.post(BOB, "/v2.1/servers/" + stopped + "/action", "{\"os-stop\": null}").status())
                .isEqualTo(202);
        Servers.awaitStatus(polycell, BOB, stopped, "SHUTOFF");
        paused = carols.get(2);
        assertThat(polycell.post(CAROL, "/v2.1/servers/" + paused + "/action", "{\"pause\": null}").status())
                .isEqualTo(202);
        Servers.awaitStatus(polycell, CAROL, paused, "PAUSED");
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
        for (Requester requester : List.of(BOB_REQUESTER, CAROL_REQUESTER, ADMIN_REQUESTER)) {
            for (String query : List.of("", "all_tenants=1", "all_tenants=1&project_id=tenant-b",
                    "all_tenants=1&tenant_id=tenant-c")) {
                if (!query.contains("all_tenants") || requester.admin()) {
                    samePagesBothWays(requester, query);
                }
            }
        }
    }

    @Test
    void everyFilterGivesTheSameServersBothWays() {
        String since = "changes-since=" + beforeChanges;
        assertThat(samePagesBothWays(BOB_REQUESTER, "name=bob-[0-2]")).containsExactlyInAnyOrderElementsOf(
                bobs.subList(0, 3));
        assertThat(samePagesBothWays(CAROL_REQUESTER, "name=^carol")).as("case-insensitive, as most Novas")
                .containsExactlyInAnyOrderElementsOf(carols);
        assertThat(samePagesBothWays(CAROL_REQUESTER, "name=-3$")).containsExactly(carols.get(3));
        assertThat(samePagesBothWays(BOB_REQUESTER, "name=o.-1|big")).containsExactlyInAnyOrder(bobs.get(1),
                bobs.get(5));
        assertThat(samePagesBothWays(BOB_REQUESTER, "name=\\d$")).hasSize(5);
        assertThat(samePagesBothWays(BOB_REQUESTER, "status=ACTIVE")).hasSize(4).doesNotContain(stopped);
        assertThat(samePagesBothWays(BOB_REQUESTER, "status=shutoff")).containsExactly(stopped);
        assertThat(samePagesBothWays(BOB_REQUESTER, "status=ERROR&status=SHUTOFF")).containsExactlyInAnyOrder(
                stopped, bobs.get(5));
        assertThat(samePagesBothWays(CAROL_REQUESTER, "status=PAUSED")).containsExactly(paused);
        assertThat(samePagesBothWays(BOB_REQUESTER, "status=RESIZE")).isEmpty();
        assertThat(samePagesBothWays(BOB_REQUESTER, "status=NOT_A_STATUS")).as("2.1 lists nothing").isEmpty();
        assertThat(samePagesBothWays(CAROL_REQUESTER, "flavor=2")).containsExactlyInAnyOrder(carols.get(1),
                carols.get(3));
        assertThat(samePagesBothWays(BOB_REQUESTER, "image=" + imageId)).hasSize(bobs.size());
        assertThat(samePagesBothWays(BOB_REQUESTER, "image=http://glance.example/v2/images/" + imageId))
                .hasSize(bobs.size());
        assertThat(samePagesBothWays(BOB_REQUESTER, "ip=10\\..*")).as("servers have no addresses").isEmpty();
        assertThat(samePagesBothWays(BOB_REQUESTER, since)).as("deleted servers too")
                .containsExactlyInAnyOrder(deleted, stopped);
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&" + since))
                .contains(deleted, stopped, paused).doesNotContain(bobs.get(0), carols.get(0));
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&deleted=false&" + since))
                .contains(stopped, paused).doesNotContain(deleted);
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&project_id=tenant-b&deleted=true"))
                .containsExactly(deleted);
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&project_id=tenant-b&status=DELETED"))
                .containsExactly(deleted);
        assertThat(samePagesBothWays(BOB_REQUESTER, "deleted=true")).as("a member's deleted= is ignored")
                .hasSize(bobs.size());
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&user_id=carol"))
                .containsExactlyInAnyOrderElementsOf(carols);
        String host = polycell.system().listing().find(stopped, ADMIN_REQUESTER).orElseThrow().host();
        List<String> onHost = samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&host=" + host);
        assertThat(onHost).contains(stopped).allSatisfy(id -> assertThat(
                polycell.system().listing().find(id, ADMIN_REQUESTER).orElseThrow().host()).isEqualTo(host));
        assertThat(samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&node=" + host)).isEqualTo(onHost);
        assertThat(samePagesBothWays(BOB_REQUESTER, "host=" + host)).as("a member's host= is ignored")
                .hasSize(bobs.size());
    }

    @Test
    void everySortKeyGivesTheSameOrderBothWays() {
        List<String> byName = samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&sort_key=display_name&sort_dir=asc");
        assertThat(byName.stream().map(id -> polycell.system().listing().find(id, ADMIN_REQUESTER).orElseThrow()
                .name()).toList()).isSorted();
        for (String sort : List.of("sort_key=host&sort_dir=desc&sort_key=display_name&sort_dir=asc",
                "sort_key=node", "sort_key=launched_at&sort_dir=asc", "sort_key=updated_at",
                "sort_key=created_at&sort_dir=asc", "sort_key=uuid", "sort_key=vm_state&sort_key=display_name",
                "sort_key=task_state&sort_dir=asc", "sort_key=power_state&sort_dir=desc&sort_key=uuid&sort_dir=asc",
                "sort_key=instance_type_id&sort_key=image_ref&sort_dir=asc&sort_dir=desc",
                "sort_key=project_id&sort_key=user_id", "sort_key=key_name&sort_key=display_name",
                "sort_key=deleted&sort_dir=asc&sort_key=display_name&sort_dir=desc",
                "sort_key=terminated_at&changes-since=" + beforeChanges)) {
            samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&" + sort);
        }
        samePagesBothWays(BOB_REQUESTER, "sort_key=display_name&sort_dir=asc&status=ACTIVE&name=bob");
    }

    @Test
    void badFiltersAndSortKeysAreRefusedAsNovaDoes() {
        assertRefused(BOB, "sort_key=colour", 400, "badRequest",
                "Invalid input for query parameters sort_key. Value: colour. 'colour' is not one of [");
        assertRefused(BOB, "sort_key=display_name&sort_dir=up", 400, "badRequest",
                "Invalid input for query parameters sort_dir. Value: up. 'up' is not one of ['asc', 'desc']");
        assertRefused(BOB, "sort_key=display_name&sort_dir=asc&sort_dir=desc", 400, "badRequest",
                "Invalid input received: Sort direction size exceeds sort key size");
        assertRefused(BOB, "sort_key=host", 403, "forbidden", "Only administrators can sort servers by host");
        assertRefused(BOB, "changes-since=yesterday", 400, "badRequest",
                "Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'");
        assertRefused(BOB, "name=" + URLEncoder.encode("bob-[", StandardCharsets.UTF_8), 400, "badRequest",
                "Invalid input for query parameters name. Value: bob-[. 'bob-[' is not a 'regex'");
        assertRefused(BOB, "status=DELETED", 403, "forbidden", "Only administrators may list deleted instances");
        assertRefused(BOB, "all_tenants=1", 403, "forbidden",
                "Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
        assertRefused(BOB, "limit=-1", 400, "badRequest", "limit param must be positive");
        RunningPolycell.Response unknownStatus = polycell.get(BOB, "/v2.1/servers?status=NOT_A_STATUS", "2.38");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.json().path("badRequest").path("message").asString()).isEqualTo(
                "Invalid status value");
    }

    @Test
    void anOperatorRebuildsTheIndexByReplayWhileListingsGoOn() {
        String rebuild = "/polycell/v1/search-index/rebuild";
        assertThat(polycell.post(BOB, rebuild, "{}").status()).isEqualTo(403);
        List<String> before = ids(polycell.get(ADMIN, "/v2.1/servers?all_tenants=1&project_id=tenant-b").json());
        RunningPolycell.Response started = polycell.post(ADMIN, rebuild, "{}");
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("rebuild").path("state").asString()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            RunningPolycell.Response during = polycell.get(ADMIN, "/v2.1/servers?all_tenants=1&project_id=tenant-b");
            assertThat(during.status()).isEqualTo(200);
            assertThat(ids(during.json())).as("listings go on during the rebuild").isEqualTo(before);
            assertThat(polycell.get(ADMIN, rebuild).json().path("rebuild").path("state").asString())
                    .isEqualTo("done");
        });
        JsonNode done = polycell.get(ADMIN, rebuild).json().path("rebuild");
        assertThat(done.path("index").asString()).isNotEqualTo(done.path("previous_index").asString());
        assertThat(done.path("documents").asLong()).isGreaterThanOrEqualTo(bobs.size() + carols.size() + 1);
        RunningPolycell.Response after = polycell.get(ADMIN, "/v2.1/servers?all_tenants=1&project_id=tenant-b");
        assertThat(after.listing()).isEqualTo("index");
        assertThat(ids(after.json())).isEqualTo(before);
        samePagesBothWays(ADMIN_REQUESTER, "all_tenants=1&changes-since=" + beforeChanges);
    }

    private static void assertRefused(String token, String query, int status, String kind, String message) {
        RunningPolycell.Response response = polycell.get(token, "/v2.1/servers?" + query);
        assertThat(response.status()).as(query).isEqualTo(status);
        assertThat(response.json().path(kind).path("code").asInt()).isEqualTo(status);
        assertThat(response.json().path(kind).path("message").asString()).as(query).startsWith(message);
    }

    /**
     * Pages through {@code query} (a query string, values unencoded) by 1000, 1, 2 and 3, from the index
     * and by merge sort, asserts every page is the same both ways and that the index answered, and returns
     * the ids listed.
     */
    private static List<String> samePagesBothWays(Requester requester, String query) {
        ServerListing listing = polycell.system().listing();
        MultiValueMap<String, String> params = UriComponentsBuilder.fromUriString("/servers?" + query).build()
                .getQueryParams();
        ServerQuery asked = ServerListQuery.parse(requester, ApiVersion.DEFAULT, params);
        List<String> all = null;
        for (int limit : List.of(ServerListing.MAX_LIMIT, 1, 2, 3)) {
            List<String> fromIndex = new ArrayList<>();
            String marker = null;
            int pages = 0;
            while (true) {
                ServerQuery page = asked.withLimit(limit).withMarker(marker);
                ServerPage indexed = listing.list(requester, page);
                List<ServerRow> merged = listing.page(requester, page);
                if (!asked.matchesNothing()) {
                    assertThat(indexed.path()).as("%s read from", query).isEqualTo(ListingPath.INDEX);
                }
                assertThat(indexed.rows().stream().map(IndexListingIT::shown).toList())
                        .as("page %d of %s for %s by %d", pages, query, requester, limit)
                        .isEqualTo(merged.stream().map(IndexListingIT::shown).toList());
                indexed.rows().forEach(row -> fromIndex.add(row.id()));
                pages++;
                if (indexed.rows().size() < limit) {
                    break;
                }
                marker = indexed.rows().get(indexed.rows().size() - 1).id();
            }
            assertThat(fromIndex).as("%s by %d", query, limit).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(fromIndex.size() / limit + 1);
            if (all == null) {
                all = fromIndex;
            } else {
                assertThat(fromIndex).as("%s by %d against one page", query, limit).isEqualTo(all);
            }
        }
        return all;
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
        assertThat(polycell.get(CAROL, "/v2.1/servers?all_tenants=1").status()).isEqualTo(403);
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

    /** What a listing shows of a row. */
    private static List<Object> shown(ServerRow row) {
        return java.util.Arrays.asList(row.id(), row.name(), row.projectId(), row.userId(), row.cell(), row.host(),
                row.flavorId(), row.imageId(), row.metadata(), row.vmState(), row.taskState(), row.powerState(),
                row.fault() == null ? null : row.fault().message(), row.createdAt(), row.updatedAt(),
                row.launchedAt(), row.deletedAt());
    }

    private static List<String> ids(JsonNode body) {
        return StreamSupport.stream(body.path("servers").spliterator(), false)
                .map(server -> server.path("id").asString()).toList();
    }
}
