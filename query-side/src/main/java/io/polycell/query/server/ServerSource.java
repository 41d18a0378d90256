package io.polycell.query.server;

import io.polycell.messages.listing.ServerQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store's servers, as one input of the cross-cell listing. */
public interface ServerSource {

    /** The store's name, such as {@code api} or {@code cell1}. */
    String name();

    /** A live (not deleted) server by id. */
    Optional<ServerRow> find(String id);

    /** A server by id, deleted or not: a marker may name a deleted server when deleted ones are listed. */
    default Optional<ServerRow> findAny(String id) {
        return find(id);
    }

    /**
     * Up to {@code limit} servers {@code query} selects, after {@code after} in the query's order (from
     * the start when null). The query's own limit and marker are the listing's, not this page's.
     */
    List<ServerRow> page(ServerQuery query, ServerRow after, int limit);

    /** Whether the store is thought to answer; a listing does not wait for one that is not. */
    default boolean reachable() {
        return true;
    }

    /** Whether this is a cell's store, whose servers the index can stand in for while it is down. */
    default boolean isCell() {
        return false;
    }

    /** Those of {@code ids} this store's view has at all, deleted or not; none for a store without instances. */
    default Set<String> knownAmong(Collection<String> ids) {
        return Set.of();
    }
}
