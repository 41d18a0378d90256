package io.polycell.infra;

import io.polycell.scheduler.HostStateProjection;
import io.polycell.scheduler.HostStates;
import io.polycell.scheduler.HostStatesSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.MultiStreamableMessageSource;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What feeds one scheduler replica: every store's stream read as one source into the replica's own
 * host states, with its position kept in memory only (the state lives there too). It reads from the
 * beginning, or from the position of a snapshot the states were restored from; a feed given
 * {@link Snapshotting} also saves a snapshot every so many events.
 */
public final class SchedulerFeed {

    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(SchedulerFeed.class);

    /**
     * Where and how often a feed saves snapshots; {@code writer} runs the saves off the feed's thread,
     * and {@code counted} is how many events the states already hold (those of the snapshot they were
     * restored from), so the counts the snapshots record run on across restarts.
     */
    public record Snapshotting(SchedulerSnapshots snapshots, int every, ExecutorService writer, long counted) {
    }

    private SchedulerFeed() {
    }

    /** Starts reading {@code streams} (by store name) from their beginning into {@code states}. */
    public static TrackingEventProcessor start(String name, HostStates states,
                                               Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams) {
        return start(name, states, streams, null, null);
    }

    /**
     * Starts reading {@code streams} into {@code states} from {@code position} (null for the beginning),
     * saving snapshots as {@code snapshotting} says (null for none).
     */
    public static TrackingEventProcessor start(String name, HostStates states,
                                               Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams,
                                               TrackingToken position, Snapshotting snapshotting) {
        MultiStreamableMessageSource.Builder source = MultiStreamableMessageSource.builder();
        streams.forEach(source::addMessageSource);
        InMemoryTokenStore tokens = new InMemoryTokenStore();
        if (position != null) {
            tokens.initializeTokenSegments(name, 1, position);
        }
        List<Object> handlers = new ArrayList<>();
        handlers.add(new HostStateProjection(states));
        if (snapshotting != null && snapshotting.every() > 0) {
            handlers.add(new SnapshotTrigger(states, snapshotting));
        }
        TrackingEventProcessor feed = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handlers).build())
                .messageSource(source.build())
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(BATCH))
                .build();
        feed.start();
        return feed;
    }

    /** Whether the feed has read everything its streams held when it last looked. */
    public static boolean caughtUp(TrackingEventProcessor feed) {
        Map<Integer, EventTrackerStatus> status = feed.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    /**
     * Waits up to {@code within} until {@code feed} has read every event {@code streams} held when this
     * was called; whether it has.
     */
    public static boolean awaitCurrent(TrackingEventProcessor feed,
                                       Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams,
                                       Duration within) {
        Map<String, TrackingToken> heads = new HashMap<>();
        try {
            streams.forEach((name, stream) -> heads.put(name, stream.createHeadToken()));
        } catch (RuntimeException storeDown) {
            return false;
        }
        heads.values().removeIf(Objects::isNull);
        MultiSourceTrackingToken head = new MultiSourceTrackingToken(heads);
        long deadline = System.nanoTime() + within.toNanos();
        while (!reached(feed, head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static boolean reached(TrackingEventProcessor feed, MultiSourceTrackingToken head) {
        return feed.processingStatus().values().stream().map(EventTrackerStatus::getTrackingToken)
                .anyMatch(position -> position instanceof MultiSourceTrackingToken read && covers(read, head));
    }

    /**
     * Per store, by position: a gap the feed still waits on (a transaction that rolled back) must not
     * hold the answer back until it times out. A store with no events yet has no head to reach.
     */
    private static boolean covers(MultiSourceTrackingToken read, MultiSourceTrackingToken head) {
        return head.getTrackingTokens().entrySet().stream().allMatch(store -> {
            TrackingToken position = read.getTrackingTokens().get(store.getKey());
            return position != null && position.position().orElse(-1)
                    >= store.getValue().position().orElse(Long.MAX_VALUE);
        });
    }

    /**
     * Runs after the projection for every event: every {@code every} events it copies the host states
     * (under their lock, so the copy and the event's position agree) and hands the copy to the writer.
     * While a save is still running, the next one is skipped rather than queued.
     */
    static final class SnapshotTrigger {

        private final HostStates states;
        private final Snapshotting snapshotting;
        private final AtomicBoolean saving = new AtomicBoolean();
        private long events;

        SnapshotTrigger(HostStates states, Snapshotting snapshotting) {
            this.states = states;
            this.snapshotting = snapshotting;
            this.events = snapshotting.counted();
        }

        @EventHandler
        void on(Object event, TrackingToken position) {
            if (++events % snapshotting.every() != 0 || !saving.compareAndSet(false, true)) {
                return;
            }
            HostStatesSnapshot copy = states.snapshot();
            long at = events;
            try {
                snapshotting.writer().execute(() -> {
                    try {
                        snapshotting.snapshots().save(copy, position, at);
                    } catch (RuntimeException e) {
                        log.warn("Could not save a snapshot of the scheduler's host states: {}", e.getMessage());
                    } finally {
                        saving.set(false);
                    }
                });
            } catch (RejectedExecutionException stopping) {
                saving.set(false);
            }
        }
    }
}
