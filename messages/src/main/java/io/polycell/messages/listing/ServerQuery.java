package io.polycell.messages.listing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One server listing after Nova's rules have been applied to the request: whose servers, which of them,
 * in which order, one page of how many after which marker. Every path that answers a listing (the
 * search index, the merge of the cells' views) reads the same query and gives the same page.
 *
 * @param projectId    the only project listed; null for every project (admins with all_tenants)
 * @param userId       only this user's servers; null for any
 * @param namePattern  a regular expression searched in the name, case-insensitively; null for any
 * @param statuses     Nova statuses, any of which a server may have; empty for any
 * @param flavorId     only servers of this flavor; null for any
 * @param imageId      only servers of this image; null for any
 * @param host         only servers on this host (admins); null for any
 * @param addressPattern a regular expression for a fixed IP; servers have no addresses yet, so a query
 *                     with one matches nothing
 * @param changesSince only servers updated at or after this time; null for any
 * @param order        the sort keys, ending with created_at and id so the order is total
 * @param marker       the id of the last server of the previous page; null for the first page
 */
public record ServerQuery(String projectId, String userId, String namePattern, Set<String> statuses,
                          String flavorId, String imageId, String host, String addressPattern, Instant changesSince,
                          Deletion deletion, List<SortKey> order, String marker, int limit) {

    /** Nova's default order: newest first, then by id. */
    public static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey(ServerField.CREATED_AT, true),
            new SortKey(ServerField.ID, true));

    public ServerQuery {
        statuses = Set.copyOf(statuses);
        order = List.copyOf(order);
        Objects.requireNonNull(deletion, "deletion");
        if (order.isEmpty() || order.get(order.size() - 1).field() != ServerField.ID) {
            throw new IllegalArgumentException("an order ends with the id, so that it is total");
        }
    }

    /** Live servers of {@code projectId} (every project when null) in the default order. */
    public static ServerQuery page(String projectId, String marker, int limit) {
        return new ServerQuery(projectId, null, null, Set.of(), null, null, null, null, null, Deletion.LIVE,
                DEFAULT_ORDER, marker, limit);
    }

    /** Whether no server can match, so no store needs to be asked. */
    public boolean matchesNothing() {
        return addressPattern != null || limit == 0;
    }

    public ServerQuery withMarker(String newMarker) {
        return new ServerQuery(projectId, userId, namePattern, statuses, flavorId, imageId, host, addressPattern,
                changesSince, deletion, order, newMarker, limit);
    }

    public ServerQuery withLimit(int newLimit) {
        return new ServerQuery(projectId, userId, namePattern, statuses, flavorId, imageId, host, addressPattern,
                changesSince, deletion, order, marker, newLimit);
    }
}
