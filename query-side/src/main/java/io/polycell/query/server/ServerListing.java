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

/**
 * Lists servers across the API tier's build requests and every cell by merge sort (cells v2, seed
 * 001): each source answers one page in the default order, and the pages are merged. A server seen
 * both as a build request and in its cell (while the views catch up) is shown once, from its cell.
 */
public final class ServerListing {

    /** Nova's default and maximum page size. */
    public static final int MAX_LIMIT = 1000;
    private static final Comparator<ServerRow> ORDER = Comparator.comparing(ServerRow::createdAt)
            .thenComparing(ServerRow::id).reversed();

    /** Extra rows asked of each source, for build requests that turn out to be handed over. */
    private static final int HANDOVER_SLACK = 16;

    private final List<ServerSource> sources;
    private final Map<String, ServerSource> byName;

    public ServerListing(List<ServerSource> sources) {
        this.sources = List.copyOf(sources);
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
     * {@code marker} when given; an unknown marker is refused as Nova does.
     */
    public List<ServerRow> page(Requester requester, String projectId, String marker, int limit) {
        ListingCursor cursor = null;
        if (marker != null) {
            ServerRow markerRow = find(marker, requester)
                    .filter(row -> projectId == null || row.projectId().equals(projectId))
                    .orElseThrow(() -> new PolycellException(ErrorCode.BAD_REQUEST, "marker [" + marker + "] not found"));
            cursor = new ListingCursor(markerRow.createdAt(), markerRow.id());
        }
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
