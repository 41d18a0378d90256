package io.polycell.searchlight.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the servers index by replay: every stream from its beginning into the next versioned index,
 * then the alias moves to it in one request, so listings read the old index until the new one is
 * complete and never see neither. The replay goes on after the move until it has read everything the
 * streams held at that moment, so an event the live indexer wrote to the old index just before the
 * move is in the new one too; the live indexer writes through the alias and so into the new index from
 * then on. Both write with the same external versions, so whichever writes second changes nothing.
 */
public final class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final int BATCH = 500;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private IndexRebuild() {
    }

    /** What a rebuild made: the new index the alias names now, and the one it named before. */
    public record Result(String previous, String rebuilt, long documents) {
    }

    /**
     * Replays {@code streams} into a new index of {@code index}'s family and moves the alias to it;
     * the old index stays until the caller deletes it.
     */
    public static Result run(ServerIndex index, Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams,
                             Duration timeout) {
        try {
            String previous = index.current().orElse(null);
            String rebuilt = index.createNext();
            log.info("Rebuilding the search index into {} by replaying every store's events", rebuilt);
            long deadline = System.nanoTime() + timeout.toNanos();
            ServerIndexer indexer = new ServerIndexer(index.client(), rebuilt);
            try (SearchIndexFeed feed = SearchIndexFeed.start("search-index-rebuild-" + rebuilt, indexer, streams,
                    new InMemoryTokenStore(), NoTransactionManager.INSTANCE, BATCH)) {
                await(feed::reachedHead, deadline, rebuilt, indexer);
                index.client().indices().refresh(r -> r.index(rebuilt));
                index.moveAliasTo(rebuilt);
                await(feed::reachedHead, deadline, rebuilt, indexer);
            }
            index.client().indices().refresh(r -> r.index(rebuilt));
            long documents = index.client().count(c -> c.index(rebuilt)).count();
            log.info("Search index rebuilt: {} now names {} ({} servers); {} is no longer read", index.alias(),
                    rebuilt, documents, previous);
            return new Result(previous, rebuilt, documents);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not rebuild the search index", e);
        }
    }

    /** Waits for the replay, saying every {@link #PROGRESS_EVERY} how many documents it has written. */
    private static void await(BooleanSupplier done, long deadline, String index, ServerIndexer indexer) {
        long nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > nextReport) {
                log.info("Rebuilding {}: {} documents written so far", index, indexer.written());
                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The rebuild of " + index + " did not catch up with the events in time");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while rebuilding " + index, e);
            }
        }
    }
}
