package io.polycell.query.server;

import io.polycell.messages.listing.ServerQuery;
import java.util.List;
import java.util.Optional;

/**
 * The search index as the listing's first choice: it answers a page in one query instead of one per
 * store, when it is healthy and current. {@link ServerListing} falls back to its merge sort whenever
 * {@link #ready()} says no or {@link #page} fails, and asks the index for the servers of a cell whose
 * store does not answer ({@link #pageOfCell}).
 */
public interface IndexedServers {

    /**
     * Whether the index may answer a listing now: it is set up, its feed is not failing, it is not behind
     * the events by more than the allowed lag, and it holds every event written before this call (waiting
     * briefly for that), so a requester's own creations and deletions are in the page.
     */
    boolean ready();

    /**
     * Up to {@code limit} servers {@code query} selects, after {@code after} in its order (from the start
     * when null), as the merge sort would list them.
     *
     * @throws RuntimeException when the index does not answer, or cannot express the query (then the
     *                          merge sort answers it)
     */
    List<ServerRow> page(ServerQuery query, ServerRow after, int limit);

    /**
     * The same for the servers the index last knew in {@code cell}, whatever the feed's state: what is
     * left to say about a cell whose store does not answer.
     *
     * @throws RuntimeException when the index does not answer
     */
    List<ServerRow> pageOfCell(String cell, ServerQuery query, ServerRow after, int limit);

    /** The server as the index last knew it, deleted or not; empty when it does not know it or does not answer. */
    Optional<ServerRow> find(String id);
}
