package io.polycell.query.server;

import java.util.List;

/**
 * The search index as the listing's first choice: it answers a page in one query instead of one per
 * store, when it is healthy and current. {@link ServerListing} falls back to its merge sort whenever
 * {@link #ready()} says no or {@link #page} fails.
 */
public interface IndexedServers {

    /**
     * Whether the index may answer a listing now: it is set up, its feed is not failing, it is not behind
     * the events by more than the allowed lag, and it holds every event written before this call (waiting
     * briefly for that), so a requester's own creations and deletions are in the page.
     */
    boolean ready();

    /**
     * Up to {@code limit} live servers of {@code projectId} (every project when null) after {@code cursor}
     * (from the start when null), in the default order, as the merge sort would list them.
     *
     * @throws RuntimeException when the index does not answer
     */
    List<ServerRow> page(String projectId, ListingCursor cursor, int limit);
}
