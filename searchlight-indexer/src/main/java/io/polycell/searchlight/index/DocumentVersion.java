package io.polycell.searchlight.index;

/**
 * The external version of a server's document, from the event that last changed it. A server's events
 * come from two aggregates with the server's id: the API tier's build request (created, mapped to a
 * cell, cancelled), then the instance in its cell. Each numbers its events from 0 without gaps, and
 * the build request's events that matter all come before the cell has the instance. So the version is
 * the aggregate's sequence number, with the cell's instance above every build request event:
 *
 * <pre>  build request event n → n + 1        instance event n → 2^32 + n</pre>
 *
 * The same event always yields the same version, so a replay writes nothing new, and a write from an
 * older event (replayed, delayed, or from an indexer that fell behind) is refused by the index. A
 * build request event that arrives after its cell's first event (the mapping, read from the other
 * stream later) has a lower version and changes nothing, which is right: the cell speaks for the
 * server from then on.
 */
public final class DocumentVersion {

    /** The first version of a cell's instance; build request versions stay below it. */
    public static final long CELL = 1L << 32;

    private DocumentVersion() {
    }

    public static long ofBuildRequestEvent(long sequenceNumber) {
        return sequenceNumber + 1;
    }

    public static long ofInstanceEvent(long sequenceNumber) {
        return CELL + sequenceNumber;
    }
}
