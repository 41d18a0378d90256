package io.polycell.command.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.command.Specs;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.quota.ReturnServerQuota;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * Every way a server goes sends its quota back to the API tier: deleted in a cell (cell0 too) or
 * cancelled before it reached one. A release the API tier did not take fails the event, so the
 * processor retries it; the policy starts at the head of a store, not at its first event.
 */
class QuotaReleasePolicyTest {

    private final RecordingStores stores = new RecordingStores("api");
    private final QuotaReleasePolicy policy = new QuotaReleasePolicy(stores.router());

    @Test
    void aServerDeletedInItsCellGivesItsQuotaBack() {
        stores.accept("api", ReturnServerQuota.class);

        policy.on(new InstanceDeleted("s1", "cell1-host1", Specs.NOW));

        assertThat(stores.payloadsSentTo("api")).containsExactly(new ReturnServerQuota("s1"));
    }

    @Test
    void aFailedBuildDeletedFromCell0GivesItsQuotaBack() {
        stores.accept("api", ReturnServerQuota.class);

        policy.on(new InstanceDeleted("s1", null, Specs.NOW));

        assertThat(stores.payloadsSentTo("api")).containsExactly(new ReturnServerQuota("s1"));
    }

    @Test
    void aBuildRequestCancelledBeforeItReachedACellGivesItsQuotaBack() {
        stores.accept("api", ReturnServerQuota.class);

        policy.on(new BuildRequestCancelled("s1", Specs.OWNER.projectId()));

        assertThat(stores.payloadsSentTo("api")).containsExactly(new ReturnServerQuota("s1"));
    }

    @Test
    void aReleaseTheApiTierDidNotTakeFailsTheEventSoItIsRetried() {
        stores.on("api", ReturnServerQuota.class, command -> {
            throw new IllegalStateException("the API store does not answer");
        });

        assertThatThrownBy(() -> policy.on(new InstanceDeleted("s1", "cell1-host1", Specs.NOW)))
                .hasMessageContaining("does not answer");
    }

    @Test
    void registeredOnAStoreItStartsAtItsHeadNotAtItsFirstEvent() throws InterruptedException {
        CountDownLatch released = new CountDownLatch(1);
        stores.on("api", ReturnServerQuota.class, command -> {
            released.countDown();
            return null;
        });
        InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
        storage.appendEvents(GenericEventMessage.asEventMessage(new InstanceDeleted("before", "h", Specs.NOW)));
        Configurer configurer = DefaultConfigurer.defaultConfiguration().configureEmbeddedEventStore(c -> storage);
        QuotaReleasePolicy.register(configurer, stores.router());
        Configuration axon = configurer.buildConfiguration();
        axon.start();
        try {
            awaitSegmentClaimed(axon.eventProcessingConfiguration()
                    .eventProcessor(QuotaReleasePolicy.GROUP, TrackingEventProcessor.class).orElseThrow());
            axon.eventBus().publish(GenericEventMessage.asEventMessage(new InstanceDeleted("after", "h", Specs.NOW)));

            assertThat(released.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stores.payloadsSentTo("api")).containsExactly(new ReturnServerQuota("after"));
        } finally {
            axon.shutdown();
        }
    }

    /** The head is taken when the processor claims its segment: events published before that are behind it. */
    private static void awaitSegmentClaimed(TrackingEventProcessor processor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (processor.processingStatus().isEmpty()) {
            assertThat(System.nanoTime()).as("the processor claims its segment").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
