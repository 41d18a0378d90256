package io.polycell.infra.search;

import io.polycell.messages.common.Fault;
import io.polycell.query.server.IndexedServers;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.query.server.RowOrder;
import io.polycell.query.server.ServerRow;
import io.polycell.searchlight.index.SearchIndexFeed;
import io.polycell.searchlight.index.ServerDocument;
import io.polycell.searchlight.index.ServerSearch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The listing's reader of the search index. Ready when the feed is set up, not failing, within the
 * allowed lag, and has written every event the stores held when the listing came in (read-your-writes:
 * a server created or deleted before the request is in the index's answer); it waits up to
 * {@link #CATCH_UP} for that, then lets the listing merge the views instead. After the indexer has
 * written, the index is refreshed before searching, since a search sees writes only after a refresh.
 * Documents carry every field a listing renders, so a page needs no read of the views.
 */
public final class IndexedServerListing implements IndexedServers {

    /** How long a listing waits for the index to hold the events written before it. */
    static final Duration CATCH_UP = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 10;

    private final SearchRuntime search;
    private final Duration maxLag;
    private final Clock clock;
    private final Object refreshLock = new Object();
    private long refreshedAt = -1;

    public IndexedServerListing(SearchRuntime search, Duration maxLag, Clock clock) {
        this.search = search;
        this.maxLag = maxLag;
        this.clock = clock;
    }

    @Override
    public boolean ready() {
        SearchIndexFeed feed = search.feed();
        if (feed == null || feed.failing() || feed.lag(clock).compareTo(maxLag) > 0) {
            return false;
        }
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            Boolean reached = reachedHead(feed);
            if (reached == null) {
                return false;
            }
            if (reached) {
                return true;
            }
            if (System.nanoTime() - deadline > 0 || feed.failing()) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Whether the feed has read every store's head; null when a store does not answer, so none can know. */
    private static Boolean reachedHead(SearchIndexFeed feed) {
        try {
            return feed.reachedHead();
        } catch (RuntimeException storeDown) {
            return null;
        }
    }

    @Override
    public List<ServerRow> page(ServerQuery query, ServerRow after, int limit) {
        return search(query, null, after, limit);
    }

    @Override
    public List<ServerRow> pageOfCell(String cell, ServerQuery query, ServerRow after, int limit) {
        return search(query, cell, after, limit);
    }

    @Override
    public Optional<ServerRow> find(String id) {
        if (search.feed() == null) {
            return Optional.empty();
        }
        try {
            return new ServerSearch(search.index().client(), search.index().alias()).find(id)
                    .map(IndexedServerListing::row);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private List<ServerRow> search(ServerQuery query, String cell, ServerRow after, int limit) {
        SearchIndexFeed feed = search.feed();
        if (feed == null) {
            throw new IllegalStateException("the search index is not set up");
        }
        ServerSearch servers = new ServerSearch(search.index().client(), search.index().alias());
        List<Object> afterValues = after == null ? null
                : query.order().stream().<Object>map(key -> RowOrder.value(after, key.field())).toList();
        try {
            refreshIfWritten(feed, servers);
            return servers.page(query, cell, afterValues, limit).stream().map(IndexedServerListing::row).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refreshes once per change: a listing after no write costs no refresh. */
    private void refreshIfWritten(SearchIndexFeed feed, ServerSearch servers) throws IOException {
        synchronized (refreshLock) {
            long written = feed.indexer().written();
            if (written != refreshedAt) {
                servers.refresh();
                refreshedAt = written;
            }
        }
    }

    static ServerRow row(ServerDocument document) {
        Fault fault = document.faultCode() == null ? null : new Fault(document.faultCode(), document.faultMessage(),
                document.faultDetails(), document.faultCreated());
        Instant updated = document.updatedAt() == null ? document.createdAt() : document.updatedAt();
        return new ServerRow(document.id(), document.name(), document.projectId(), document.userId(),
                document.cell(), document.host(), document.flavorId(), document.imageId(), document.metadata(),
                document.vmState(), document.taskState(), document.powerState(), fault, document.createdAt(), updated,
                document.launchedAt(), document.deletedAt(), document.buildRequest(), false);
    }
}
