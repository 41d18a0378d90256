package io.polycell.query.server;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists servers from the search index when it is healthy and current, else across the API tier's build
 * requests and every cell by merge sort (cells v2, seed 001): each source answers one page of the query
 * (filters, order and the position after the marker in its own SQL), and the pages are merged in the
 * query's order. A server seen both as a build request and in its cell (while the views catch up) is
 * shown once, from its cell. Both ways give the same page on the same data.
 *
 * <p>A cell whose store does not answer does not fail the listing: its servers come from what the index
 * last knew of them, marked {@link ServerRow#cellDown()}, or are left out when there is no index.
 */
public final class ServerListing {

    private static final Logger log = LoggerFactory.getLogger(ServerListing.class);

    /** Nova's default and maximum page size. */
    public static final int MAX_LIMIT = 1000;

    /** Extra rows asked of each source, for build requests that turn out to be handed over. */
    private static final int HANDOVER_SLACK = 16;

    private final List<ServerSource> sources;
    private final Map<String, ServerSource> byName;
    private final IndexedServers index;
    private final AtomicLong fromIndex = new AtomicLong();
    private final AtomicLong merged = new AtomicLong();
    /** Whether the last search request failed: warn once when it starts failing, not on every listing. */
    private final AtomicBoolean indexFailed = new AtomicBoolean();
    /** The cells last found not answering, to say so once when it starts and once when it ends. */
    private final Set<String> downCells = ConcurrentHashMap.newKeySet();

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

    /** A live server the requester may see; a server of a cell that does not answer is left out. */
    public Optional<ServerRow> find(String id, Requester requester) {
        return find(id, requester, false);
    }

    /**
     * A live server the requester may see; one of a cell whose store does not answer as the index last
     * knew it, marked {@link ServerRow#cellDown()}.
     */
    public Optional<ServerRow> show(String id, Requester requester) {
        Optional<ServerRow> found = find(id, requester, false);
        if (found.isPresent() || index == null) {
            return found;
        }
        return index.find(id).filter(row -> row.deletedAt() == null && row.cell() != null)
                .filter(row -> byName.containsKey(row.cell()) && !byName.get(row.cell()).reachable())
                .filter(row -> requester.admin() || row.projectId().equals(requester.projectId()))
                .map(ServerRow::inDownCell);
    }

    private Optional<ServerRow> find(String id, Requester requester, boolean deletedToo) {
        Optional<ServerRow> found = Optional.empty();
        for (ServerSource source : sources) {
            Optional<ServerRow> row = lookUp(source, id, deletedToo);
            if (row.isPresent() && (found.isEmpty() || !row.get().fromBuildRequest())) {
                found = row;
            }
        }
        return found.filter(row -> !handedOver(row))
                .filter(row -> requester.admin() || row.projectId().equals(requester.projectId()));
    }

    private Optional<ServerRow> lookUp(ServerSource source, String id, boolean deletedToo) {
        if (!source.reachable()) {
            return Optional.empty();
        }
        try {
            return deletedToo ? source.findAny(id) : source.find(id);
        } catch (RuntimeException e) {
            markDown(source, e);
            return Optional.empty();
        }
    }

    /**
     * A build request whose cell's view already has the instance (live or deleted): the cell speaks
     * for it now. Until then the build request keeps the server listed, so it never drops out while
     * the views catch up. A cell that does not answer speaks for it too: its share of a listing comes
     * from the index (or is left out), as for the cell's other servers.
     */
    private boolean handedOver(ServerRow row) {
        return handedOverAmong(List.of(row)).contains(row.id());
    }

    /** The ids among {@code rows} of build requests their cell speaks for now: one query per cell. */
    private Set<String> handedOverAmong(List<ServerRow> rows) {
        Map<String, List<String>> mappedByCell = new HashMap<>();
        for (ServerRow row : rows) {
            if (row.fromBuildRequest() && row.cell() != null && byName.containsKey(row.cell())) {
                mappedByCell.computeIfAbsent(row.cell(), cell -> new ArrayList<>()).add(row.id());
            }
        }
        Set<String> handedOver = new HashSet<>();
        mappedByCell.forEach((cellName, ids) -> {
            ServerSource cell = byName.get(cellName);
            if (!cell.reachable()) {
                handedOver.addAll(ids);
                return;
            }
            try {
                handedOver.addAll(cell.knownAmong(ids));
            } catch (RuntimeException e) {
                markDown(cell, e);
                handedOver.addAll(ids);
            }
        });
        return handedOver;
    }

    /**
     * One page of {@code query}, from the index when it is ready and by merge sort otherwise. An unknown
     * marker is refused as Nova does, whichever way the page is read.
     */
    public ServerPage list(Requester requester, ServerQuery query) {
        if (query.matchesNothing()) {
            return new ServerPage(List.of(), ListingPath.MERGE);
        }
        ServerRow after = marker(requester, query);
        if (index != null && sources.stream().allMatch(ServerSource::reachable) && index.ready()) {
            try {
                List<ServerRow> rows = index.page(query, after, query.limit());
                fromIndex.incrementAndGet();
                if (indexFailed.compareAndSet(true, false)) {
                    log.info("The search index answers listings again");
                }
                return new ServerPage(rows, ListingPath.INDEX);
            } catch (UnsupportedOperationException beyondTheIndex) {
                log.debug("Listing by merge sort: {}", beyondTheIndex.getMessage());
            } catch (RuntimeException e) {
                if (indexFailed.compareAndSet(false, true)) {
                    log.warn("The search index did not answer a listing ({}); merging the cells' views until it "
                            + "does", e.getMessage());
                }
            }
        }
        merged.incrementAndGet();
        return new ServerPage(merge(query, after), ListingPath.MERGE);
    }

    /** How many listings each way answered since the start, for the health document. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(ListingPath.INDEX.headerValue(), fromIndex.get());
        counts.put(ListingPath.MERGE.headerValue(), merged.get());
        return counts;
    }

    /** One page of {@code query}, always by merge sort; an unknown marker is refused as Nova does. */
    public List<ServerRow> page(Requester requester, ServerQuery query) {
        if (query.matchesNothing()) {
            return List.of();
        }
        return merge(query, marker(requester, query));
    }

    private ServerRow marker(Requester requester, ServerQuery query) {
        if (query.marker() == null) {
            return null;
        }
        String marker = query.marker();
        Optional<ServerRow> found = find(marker, requester, query.deletion() != Deletion.LIVE);
        if (found.isEmpty() && index != null) {
            found = index.find(marker).filter(row -> requester.admin() || row.projectId().equals(requester.projectId()))
                    .filter(row -> downCells.contains(row.cell()));
        }
        return found.filter(row -> query.projectId() == null || row.projectId().equals(query.projectId()))
                .orElseThrow(() -> new PolycellException(ErrorCode.BAD_REQUEST, "marker [" + marker + "] not found"));
    }

    private List<ServerRow> merge(ServerQuery query, ServerRow after) {
        int limit = query.limit();
        Comparator<ServerRow> order = RowOrder.of(query.order());
        List<ServerRow> merged = new ArrayList<>();
        for (ServerSource source : sources) {
            List<ServerRow> page = pageOf(source, query, after, limit + HANDOVER_SLACK);
            Set<String> handedOver = handedOverAmong(page);
            for (ServerRow row : page) {
                if (!handedOver.contains(row.id())) {
                    merged.add(row);
                }
            }
        }
        merged.sort(order);
        Map<String, ServerRow> unique = new LinkedHashMap<>();
        for (ServerRow row : merged) {
            unique.merge(row.id(), row, (first, second) -> first.fromBuildRequest() ? second : first);
        }
        return unique.values().stream().limit(limit).toList();
    }

    /** The source's page, or what the index knows of its servers when its store does not answer. */
    private List<ServerRow> pageOf(ServerSource source, ServerQuery query, ServerRow after, int limit) {
        if (source.reachable()) {
            try {
                List<ServerRow> rows = source.page(query, after, limit);
                if (downCells.remove(source.name())) {
                    log.info("The store of {} answers again; its servers are listed from its view", source.name());
                }
                return rows;
            } catch (RuntimeException e) {
                if (!source.isCell()) {
                    throw e;
                }
                markDown(source, e);
            }
        } else if (downCells.add(source.name())) {
            log.warn("The store of {} does not answer; its servers are listed from the search index as it last "
                    + "knew them", source.name());
        }
        if (index == null) {
            return List.of();
        }
        try {
            return index.pageOfCell(source.name(), query, after, limit).stream().map(ServerRow::inDownCell).toList();
        } catch (RuntimeException e) {
            log.warn("Neither the store of {} nor the search index answer; its servers are left out of the "
                    + "listing: {}", source.name(), e.getMessage());
            return List.of();
        }
    }

    private void markDown(ServerSource source, RuntimeException e) {
        if (downCells.add(source.name())) {
            log.warn("The store of {} does not answer ({}); its servers are listed from the search index as it "
                    + "last knew them", source.name(), e.getMessage());
        }
    }
}
