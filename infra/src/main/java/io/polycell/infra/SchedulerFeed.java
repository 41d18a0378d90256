package io.polycell.infra;

import io.polycell.scheduler.HostStateProjection;
import io.polycell.scheduler.HostStates;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiStreamableMessageSource;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * What feeds one scheduler replica: every store's stream read as one source into the replica's own
 * host states, from the beginning, with its position kept in memory only (the state lives there too).
 */
public final class SchedulerFeed {

    private static final int BATCH = 100;

    private SchedulerFeed() {
    }

    /** Starts reading {@code streams} (by store name) into {@code states}. */
    public static TrackingEventProcessor start(String name, HostStates states,
                                               Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams) {
        MultiStreamableMessageSource.Builder source = MultiStreamableMessageSource.builder();
        streams.forEach(source::addMessageSource);
        TrackingEventProcessor feed = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new HostStateProjection(states)).build())
                .messageSource(source.build())
                .tokenStore(new InMemoryTokenStore())
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
}
