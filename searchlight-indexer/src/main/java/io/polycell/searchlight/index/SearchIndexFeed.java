package io.polycell.searchlight.index;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.MultiStreamableMessageSource;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * What feeds a {@link ServerIndexer}: every cell's stream and the API tier's read as one source by a
 * tracking processor, its position in {@code tokens}. For the live index that is a durable token store
 * (the API store's), so a restart goes on from where the indexer stopped; a rebuild uses one of its own.
 * A handler that fails (the search cluster is down) stops the feed at that batch, which it retries
 * with back-off: no event is skipped.
 */
public final class SearchIndexFeed implements AutoCloseable {

    private final TrackingEventProcessor processor;
    private final ServerIndexer indexer;
    private final Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams;
    private final Instant started = Instant.now();

    private SearchIndexFeed(TrackingEventProcessor processor, ServerIndexer indexer,
                            Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams) {
        this.processor = processor;
        this.indexer = indexer;
        this.streams = streams;
    }

    /**
     * Starts reading {@code streams} (by store name) into {@code indexer}, from the position {@code tokens}
     * holds for {@code name}, or from the beginning.
     *
     * @param transactions the token store's transactions: the position is committed after the batch's bulk
     *                     write succeeded, and not at all when it failed
     */
    public static SearchIndexFeed start(String name, ServerIndexer indexer,
                                        Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams,
                                        TokenStore tokens, TransactionManager transactions, int batchSize) {
        MultiStreamableMessageSource.Builder source = MultiStreamableMessageSource.builder();
        streams.forEach(source::addMessageSource);
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(indexer)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(source.build())
                .tokenStore(tokens)
                .transactionManager(transactions)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(batchSize))
                .build();
        processor.start();
        return new SearchIndexFeed(processor, indexer, new LinkedHashMap<>(streams));
    }

    public ServerIndexer indexer() {
        return indexer;
    }

    /** Whether the feed has read everything its streams held when it last looked. */
    public boolean caughtUp() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp)
                && status.values().stream().noneMatch(EventTrackerStatus::isErrorState);
    }

    /** Whether the feed is failing on a batch (the search cluster refused or did not answer). */
    public boolean failing() {
        return processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /**
     * Whether every event the streams held when this was called is in the index: the feed's position
     * covers each stream's head.
     */
    public boolean reachedHead() {
        Map<String, TrackingToken> heads = new LinkedHashMap<>();
        streams.forEach((store, stream) -> heads.put(store, stream.createHeadToken()));
        return covers(heads);
    }

    /** Whether the feed's position covers {@code positions}, by store name; a null position is covered. */
    public boolean covers(Map<String, TrackingToken> positions) {
        TrackingToken position = processor.processingStatus().values().stream().findFirst()
                .map(EventTrackerStatus::getTrackingToken).orElse(null);
        // While it first reads the streams, the position is wrapped in a replay token.
        MultiSourceTrackingToken multi = position == null ? null
                : WrappedToken.unwrap(position, MultiSourceTrackingToken.class).orElse(null);
        if (multi == null) {
            return positions.values().stream().allMatch(token -> token == null);
        }
        for (Map.Entry<String, TrackingToken> wanted : positions.entrySet()) {
            if (wanted.getValue() == null) {
                continue;
            }
            TrackingToken reached = multi.getTrackingTokens().get(wanted.getKey());
            if (reached == null || !passed(reached, wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * By position, not {@link TrackingToken#covers}: a JDBC store's sequence has gaps where a transaction
     * rolled back (a refused command), the feed's token keeps them for a while, and a head token has
     * none, so {@code covers} would say no until the gaps time out.
     */
    private static boolean passed(TrackingToken reached, TrackingToken wanted) {
        if (reached.position().isPresent() && wanted.position().isPresent()) {
            return reached.position().getAsLong() >= wanted.position().getAsLong();
        }
        return reached.covers(wanted);
    }

    /**
     * How far the index is behind the events: zero when the feed has caught up, otherwise the age of the
     * newest event it has written (or the whole time since it started, before the first).
     */
    public Duration lag(Clock clock) {
        if (caughtUp()) {
            return Duration.ZERO;
        }
        Instant last = indexer.lastIndexedEvent();
        return Duration.between(last == null ? started : last, clock.instant()).abs();
    }

    /** Stops reading; what was written stays, and so does the committed position. */
    @Override
    public void close() {
        processor.shutDown();
    }
}
