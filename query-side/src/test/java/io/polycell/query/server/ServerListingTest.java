package io.polycell.query.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.PolycellException;
import java.time.Instant;
import java.util.ArrayList;
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

        assertThat(listing.page(ALICE, "p", null, 3)).extracting(ServerRow::id).containsExactly("d", "c", "b");
        assertThat(listing.page(ALICE, "p", "b", 3)).extracting(ServerRow::id).containsExactly("a");
        assertThatThrownBy(() -> listing.page(ALICE, "p", "zzz", 3)).isInstanceOf(PolycellException.class)
                .hasMessage("marker [zzz] not found");
    }

    @Test
    void aMappedServerStaysListedUntilItsCellHasIt() {
        api.rows.add(row("m", 1, "cell2", true));

        assertThat(listing.page(ALICE, "p", null, 10)).extracting(ServerRow::id).containsExactly("m");
        assertThat(listing.find("m", ALICE)).isPresent();

        cell2.rows.add(row("m", 1, "cell2", false));
        assertThat(listing.page(ALICE, "p", null, 10)).singleElement().satisfies(row ->
                assertThat(row.fromBuildRequest()).isFalse());
    }

    @Test
    void aServerDeletedInItsCellDoesNotComeBackFromItsBuildRequest() {
        api.rows.add(row("gone", 1, "cell1", true));
        cell1.deleted.add("gone");

        assertThat(listing.page(ALICE, "p", null, 10)).isEmpty();
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

        ServerPage page = withIndex.list(ALICE, "p", "b", 5);

        assertThat(page.path()).isEqualTo(ListingPath.INDEX);
        assertThat(page.rows()).extracting(ServerRow::id).containsExactly("a");
        assertThat(index.askedAfter).isEqualTo(new ListingCursor(row("b", 2, "cell1", false).createdAt(), "b"));
        assertThat(withIndex.counts()).containsEntry("index", 1L).containsEntry("merge", 0L);
    }

    @Test
    void mergesWhenTheIndexIsNotReadyOrDoesNotAnswer() {
        cell1.rows.add(row("a", 1, "cell1", false));
        StubIndex index = new StubIndex();
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        ServerPage notReady = withIndex.list(ALICE, "p", null, 5);
        index.ready = true;
        index.failure = new IllegalStateException("connection refused");
        ServerPage failing = withIndex.list(ALICE, "p", null, 5);

        assertThat(notReady.path()).isEqualTo(ListingPath.MERGE);
        assertThat(failing.path()).isEqualTo(ListingPath.MERGE);
        assertThat(failing.rows()).extracting(ServerRow::id).containsExactly("a");
        assertThat(withIndex.counts()).containsEntry("index", 0L).containsEntry("merge", 2L);
        assertThat(listing.list(ALICE, "p", null, 5).path()).as("without an index").isEqualTo(ListingPath.MERGE);
    }

    @Test
    void refusesAnUnknownMarkerBeforeAskingTheIndex() {
        StubIndex index = new StubIndex();
        index.ready = true;
        ServerListing withIndex = new ServerListing(List.of(api, cell1, cell2), index);

        assertThatThrownBy(() -> withIndex.list(ALICE, "p", "zzz", 3)).isInstanceOf(PolycellException.class)
                .hasMessage("marker [zzz] not found");
        assertThat(index.askedAfter).isNull();
    }

    /** An index whose readiness and answer the test sets. */
    private static final class StubIndex implements IndexedServers {
        private boolean ready;
        private List<ServerRow> answer = List.of();
        private RuntimeException failure;
        private ListingCursor askedAfter;

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public List<ServerRow> page(String projectId, ListingCursor cursor, int limit) {
            askedAfter = cursor;
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    private static ServerRow row(String id, int second, String cell, boolean buildRequest) {
        Instant created = Instant.parse("2026-11-21T10:00:00Z").plusSeconds(second);
        return new ServerRow(id, "vm-" + id, "p", "u", cell, null, "1", "img", Map.of(), "building", null, 0, null,
                created, created, null, buildRequest);
    }

    /** A source over a list, with the same order and cursor rules as the SQL ones. */
    private static final class InMemorySource implements ServerSource {
        private final String name;
        private final List<ServerRow> rows = new ArrayList<>();
        private final Set<String> deleted = new HashSet<>();

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
        public List<ServerRow> page(String projectId, ListingCursor cursor, int limit) {
            return rows.stream()
                    .filter(row -> projectId == null || row.projectId().equals(projectId))
                    .filter(row -> cursor == null || row.createdAt().isBefore(cursor.createdAt())
                            || (row.createdAt().equals(cursor.createdAt()) && row.id().compareTo(cursor.id()) < 0))
                    .sorted((a, b) -> b.createdAt().compareTo(a.createdAt()) != 0 ? b.createdAt().compareTo(a.createdAt())
                            : b.id().compareTo(a.id()))
                    .limit(limit).toList();
        }

        @Override
        public boolean knows(String id) {
            return deleted.contains(id) || find(id).isPresent();
        }
    }
}
