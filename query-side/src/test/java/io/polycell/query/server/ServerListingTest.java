package io.polycell.query.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.PolycellException;
import java.time.Instant;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import io.polycell.messages.listing.Deletion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge across sources, the hand-over from a build request to its cell, and the choice of the index. */
class ServerListingTest {

    private static final Requester ALICE = new Requester("alice", "p", false);
    private final InMemorySource api = new InMemorySource("api");
    private final InMemorySource cell1 = new InMemorySource("cell1");
    private final InMemorySource cell2 = new InMemorySource("cell2");
    private final ServerListing listing = new ServerListing(List.of(api, cell1, cell2));

    @Test
    void mergesEverySourceNewestFirstAndPagesWithTheMarker() {
        cell1.rows.add(row("a", 1, "cell1", false));
        cell2.rows.add(row("b", 2, "cell2", false));
        api.rows.add(row("c", 3, null, true));
        cell1.rows.add(row("d", 4, "cell1", false));

        assertThat(listing.page(ALICE, ServerQuery.page("p", null, 3))).extracting(ServerRow::id).containsExactly("d", "c", "b");
        assertThat(listing.page(ALICE, ServerQuery.page("p", "b", 3))).extracting(ServerRow::id).containsExactly("a");
        assertThatThrownBy(() -> listing.page(ALICE, ServerQuery.page("p", "zzz", 3))).isInstanceOf(PolycellException.class)
                .hasMessage("marker [zzz] not found");
    }

    @Test
    void aMappedServerStaysListedUntilItsCellHasIt() {
        api.rows.add(row("m", 1, "cell2", true));

        assertThat(listing.page(ALICE, ServerQuery.page("p", null, 10))).extracting(ServerRow::id).containsExactly("m");
        assertThat(listing.find("m", ALICE)).isPresent();

        cell2.rows.add(row("m", 1, "cell2", false));
        assertThat(listing.page(ALICE, ServerQuery.page("p", null, 10))).singleElement().satisfies(row ->
                assertThat(row.fromBuildRequest()).isFalse());
    }

    @Test
    void aServerDeletedInItsCellDoesNotComeBackFromItsBuildRequest() {
        api.rows.add(row("gone", 1, "cell1", true));
        cell1.deleted.add("gone");

        assertThat(listing.page(ALICE, ServerQuery.page("p", null, 10))).isEmpty();
        assertThat(listing.find("gone", ALICE)).isEmpty();
    }

    @Test
    void anotherProjectsServerIsInvisible() {
        cell1.rows.add(row("x", 1, "cell1", false));
        assertThat(listing.find("x", new Requester("bob", "q", false))).isEmpty();
        assertThat(listing.find("x", new Requester("admin", "q", true))).isPresent();
    }

    @Test
    void listsFromTheIndexWhenItIsReadyWithTheMarkersPositionFromTheViews() {
        cell1.rows.add(row("a", 1, "cell1", false));
        cell1.rows.add(row("b", 2, "cell1", false));
        StubIndex index = new StubIndex();
        index.ready = true;
        index.answer = List.of(row("a", 1, "cell1", false));
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        ServerPage page = withIndex.list(ALICE, ServerQuery.page("p", "b", 5));

        assertThat(page.path()).isEqualTo(ListingPath.INDEX);
        assertThat(page.rows()).extracting(ServerRow::id).containsExactly("a");
        assertThat(index.askedAfter).isEqualTo(row("b", 2, "cell1", false));
        assertThat(withIndex.counts()).containsEntry("index", 1L).containsEntry("merge", 0L);
    }

    @Test
    void mergesWhenTheIndexIsNotReadyOrDoesNotAnswer() {
        cell1.rows.add(row("a", 1, "cell1", false));
        StubIndex index = new StubIndex();
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        ServerPage notReady = withIndex.list(ALICE, ServerQuery.page("p", null, 5));
        index.ready = true;
        index.failure = new IllegalStateException("connection refused");
        ServerPage failing = withIndex.list(ALICE, ServerQuery.page("p", null, 5));

        assertThat(notReady.path()).isEqualTo(ListingPath.MERGE);
        assertThat(failing.path()).isEqualTo(ListingPath.MERGE);
        assertThat(failing.rows()).extracting(ServerRow::id).containsExactly("a");
        assertThat(withIndex.counts()).containsEntry("index", 0L).containsEntry("merge", 2L);
        assertThat(listing.list(ALICE, ServerQuery.page("p", null, 5)).path()).as("without an index").isEqualTo(ListingPath.MERGE);
    }

    @Test
    void refusesAnUnknownMarkerBeforeAskingTheIndex() {
        StubIndex index = new StubIndex();
        index.ready = true;
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        assertThatThrownBy(() -> withIndex.list(ALICE, ServerQuery.page("p", "zzz", 3))).isInstanceOf(PolycellException.class)
                .hasMessage("marker [zzz] not found");
        assertThat(index.askedAfter).isNull();
    }

    @Test
    void aCellThatDoesNotAnswerIsListedFromTheIndexMarkedAsDown() {
        cell1.rows.add(row("a", 1, "cell1", false));
        cell2.rows.add(row("b", 2, "cell2", false));
        cell2.down = true;
        StubIndex index = new StubIndex();
        index.known.add(row("b", 2, "cell2", false));
        index.known.add(row("c", 3, "cell2", false));
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        ServerPage page = withIndex.list(ALICE, ServerQuery.page("p", null, 10));

        assertThat(page.path()).isEqualTo(ListingPath.MERGE);
        assertThat(page.rows()).extracting(ServerRow::id, ServerRow::cellDown)
                .containsExactly(tuple("c", true), tuple("b", true), tuple("a", false));
        assertThat(withIndex.list(ALICE, ServerQuery.page("p", "c", 10)).rows()).extracting(ServerRow::id)
                .as("a marker in the cell that does not answer").containsExactly("b", "a");
        assertThat(listing.list(ALICE, ServerQuery.page("p", null, 10)).rows()).extracting(ServerRow::id)
                .as("without an index the cell's servers are left out").containsExactly("a");
    }

    @Test
    void mergesInTheQuerysOrderWithMissingValuesAsTheSmallest() {
        cell1.rows.add(withHost(row("a", 1, "cell1", false), "h2"));
        cell2.rows.add(withHost(row("b", 2, "cell2", false), null));
        cell1.rows.add(withHost(row("c", 3, "cell1", false), "h1"));
        api.rows.add(row("d", 4, null, true));
        List<SortKey> byHost = List.of(new SortKey(ServerField.HOST, false), new SortKey(ServerField.CREATED_AT, false),
                new SortKey(ServerField.ID, false));
        ServerQuery query = new ServerQuery("p", null, null, Set.of(), null, null, null, null, null, Deletion.LIVE,
                byHost, null, 3);

        assertThat(listing.page(ALICE, query)).extracting(ServerRow::id).containsExactly("b", "d", "c");
        assertThat(listing.page(ALICE, query.withMarker("d"))).extracting(ServerRow::id).containsExactly("c", "a");
    }

    private static ServerRow withHost(ServerRow row, String host) {
        return new ServerRow(row.id(), row.name(), row.projectId(), row.userId(), row.cell(), host, row.flavorId(),
                row.imageId(), row.metadata(), row.vmState(), row.taskState(), row.powerState(), row.fault(),
                row.createdAt(), row.updatedAt(), row.launchedAt(), row.deletedAt(), row.fromBuildRequest(), false);
    }

    /** An index whose readiness and answer the test sets. */
    private static final class StubIndex implements IndexedServers {
        private boolean ready;
        private List<ServerRow> answer = List.of();
        private RuntimeException failure;
        private ServerRow askedAfter;
        private final List<ServerRow> known = new ArrayList<>();

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public List<ServerRow> page(ServerQuery query, ServerRow after, int limit) {
            askedAfter = after;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }

        @Override
        public List<ServerRow> pageOfCell(String cell, ServerQuery query, ServerRow after, int limit) {
            return InMemorySource.select(known.stream().filter(row -> cell.equals(row.cell())).toList(), query,
                    after, limit);
        }

        @Override
        public Optional<ServerRow> find(String id) {
            return known.stream().filter(row -> row.id().equals(id)).findFirst();
        }
    }

    private static ServerRow row(String id, int second, String cell, boolean buildRequest) {
        Instant created = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(second);
        return new ServerRow(id, "vm-" + id, "p", "u", cell, null, "1", "img", Map.of(), "building", null, 0, null,
                created, created, null, null, buildRequest, false);
    }

    /** A source over a list, with the same order and cursor rules as the SQL ones. */
    private static final class InMemorySource implements ServerSource {
        private final String name;
        private final List<ServerRow> rows = new ArrayList<>();
        private final Set<String> deleted = new HashSet<>();
        private boolean down;

        InMemorySource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Optional<ServerRow> find(String id) {
            return rows.stream().filter(row -> row.id().equals(id)).findFirst();
        }

        @Override
        public List<ServerRow> page(ServerQuery query, ServerRow after, int limit) {
            if (down) {
                throw new IllegalStateException("Connection refused");
            }
            return select(rows, query, after, limit);
        }

        @Override
        public boolean isCell() {
            return !name.equals("api");
        }

        /** The project and the order of {@code query}, as the SQL applies them (other filters are not used here). */
        static List<ServerRow> select(List<ServerRow> rows, ServerQuery query, ServerRow after, int limit) {
            Comparator<ServerRow> order = RowOrder.of(query.order());
            return rows.stream()
                    .filter(row -> query.projectId() == null || row.projectId().equals(query.projectId()))
                    .filter(row -> after == null || order.compare(row, after) > 0)
                    .sorted(order).limit(limit).toList();
        }

        @Override
        public Set<String> knownAmong(java.util.Collection<String> ids) {
            Set<String> known = new HashSet<>();
            ids.stream().filter(id -> deleted.contains(id) || find(id).isPresent()).forEach(known::add);
            return known;
        }
    }
}
