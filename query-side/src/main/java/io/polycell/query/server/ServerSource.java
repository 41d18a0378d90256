package io.polycell.query.server;

import java.util.List;
import java.util.Optional;

/** A store's servers, as one input of the cross-cell listing. */
public interface ServerSource {

    /** The store's name, such as {@code api} or {@code cell1}. */
    String name();

    /** A live (not deleted) server by id. */
    Optional<ServerRow> find(String id);

    /**
     * Up to {@code limit} live servers of {@code projectId} (every project when null) after
     * {@code cursor} (from the start when null), in the default order.
     */
    List<ServerRow> page(String projectId, ListingCursor cursor, int limit);

    /** Whether this store's view has the server at all, deleted or not. */
    default boolean knows(String id) {
        return false;
    }
}
