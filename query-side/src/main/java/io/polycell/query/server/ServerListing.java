package io.polycell.query.server;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists servers from the search index when it is healthy and current, else across the API tier's build
 * requests and every cell by merge sort (cells v2, seed 001): each source answers one page in the
 * default order, and the pages are merged. A server seen both as a build request and in its cell (while
 * the views catch up) is shown once, from its cell. Both ways give the same page on the same data.
 */
public final class ServerListing {

    private static final Logger log = LoggerFactory.getLogger(ServerListing.class);

    /** Nova's default and maximum page size. */
    public static final int MAX_LIMIT = 1000;
    private static final Comparator<ServerRow> ORDER = Comparator.comparing(ServerRow::createdAt)
            .thenComparing(ServerRow::id).reversed();

    /** Extra rows asked of each source, for build requests that turn out to be handed over. */
    private static final int HANDOVER_SLACK = 16;

    private final List<ServerSource> sources;
    private final Map<String, ServerSource> byName;
    private final IndexedServers index;
    private final AtomicLong fromIndex = new AtomicLong();
    private final AtomicLong merged = new AtomicLong();
    /** Whether the last search request failed: warn once when it starts failing, not on every listing. */
    private final AtomicBoolean indexFailed = new AtomicBoolean();

    /** A listing by merge sort only. */
    public ServerListing(List<ServerSource> sources) {
        this(sources, null);
    }

    /** A listing on {@code index} when it is ready, by merge sort otherwise; {@code index} may be null. */
    public ServerListing(List<ServerSource> sources, IndexedServers index) {
        this.sources = List.copyOf(sources);
        this.index = index;
        this.byName = new HashMap<>();
        sources.forEach(source -> byName.put(source.name(), source));
    }

    /** A live server the requester may see. */
    public Optional<ServerRow> find(String id, Requester requester) {
        Optional<ServerRow> found = Optional.empty();
        for (ServerSource source : sources) {
            Optional<ServerRow> row = source.find(id);
            if (row.isPresent() && (found.isEmpty() || !row.get().fromBuildRequest())) {
                found = row;
            }
        }
        return found.filter(row -> !handedOver(row))
                .filter(row -> requester.admin() || row.projectId().equals(requester.projectId()));
    }

    /**
     * A build request whose cell's view already has the instance (live or deleted): the cell speaks
     * for it now. Until then the build request keeps the server listed, so it never drops out while
     * the views catch up.
     */
    private boolean handedOver(ServerRow row) {
        if (!row.fromBuildRequest() || row.cell() == null) {
            return false;
        }
        ServerSource cell = byName.get(row.cell());
        return cell != null && cell.knows(row.id());
    }

    /**
     * One page of servers of {@code projectId} (all projects when null), after the server
     * {@code marker} when given, from the index when it is ready and by merge sort otherwise. An unknown
     * marker is refused as Nova does, whichever way the page is read.
     */
    public ServerPage list(Requester requester, String projectId, String marker, int limit) {
        ListingCursor cursor = cursor(requester, projectId, marker);
        if (index != null && index.ready()) {
            try {
                List<ServerRow> rows = index.page(projectId, cursor, limit);
                fromIndex.incrementAndGet();
                if (indexFailed.compareAndSet(true, false)) {
                    log.info("The search index answers listings again");
                }
                return new ServerPage(rows, ListingPath.INDEX);
            } catch (RuntimeException e) {
                if (indexFailed.compareAndSet(false, true)) {
                    log.warn("The search index did not answer a listing ({}); merging the cells' views until it "
                            + "does", e.getMessage());
                }
            }
        }
        merged.incrementAndGet();
        return new ServerPage(merge(projectId, cursor, limit), ListingPath.MERGE);
    }

    /** How many listings each way answered since the start, for the health document. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ListingPath.INDEX.headerValue(), fromIndex.get());
        counts.put(ListingPath.MERGE.headerValue(), merged.get());
        return counts;
    }

    /**
     * One page of servers of {@code projectId} (all projects when null), after the server
     * {@code marker} when given, always by merge sort; an unknown marker is refused as Nova does.
     */
    public List<ServerRow> page(Requester requester, String projectId, String marker, int limit) {
        return merge(projectId, cursor(requester, projectId, marker), limit);
    }

    private ListingCursor cursor(Requester requester, String projectId, String marker) {
        if (marker == null) {
            return null;
        }
        ServerRow markerRow = find(marker, requester)
                .filter(row -> projectId == null || row.projectId().equals(projectId))
                .orElseThrow(() -> new PolycellException(ErrorCode.BAD_REQUEST, "marker [" + marker + "] not found"));
        return new ListingCursor(markerRow.createdAt(), markerRow.id());
    }

    private List<ServerRow> merge(String projectId, ListingCursor cursor, int limit) {
        List<ServerRow> merged = new ArrayList<>();
        for (ServerSource source : sources) {
            for (ServerRow row : source.page(projectId, cursor, limit + HANDOVER_SLACK)) {
                if (!handedOver(row)) {
                    merged.add(row);
                }
            }
        }
        merged.sort(ORDER);
        Map<String, ServerRow> unique = new LinkedHashMap<>();
        for (ServerRow row : merged) {
            unique.merge(row.id(), row, (first, second) -> first.fromBuildRequest() ? second : first);
        }
        return unique.values().stream().limit(limit).toList();
    }
}
