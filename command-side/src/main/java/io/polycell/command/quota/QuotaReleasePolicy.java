package io.polycell.command.quota;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.quota.ReturnServerQuota;
import org.axonframework.config.Configurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * A server that is gone gives its quota back: deleted in its cell (also from cell0, where a build
 * that failed keeps counting until then, as in Nova), or deleted before it reached one. Runs in every
 * store on its own tracking processor, so a release is retried until the API tier has taken it; the
 * quota counts each server's release once, however often it is sent.
 */
@ProcessingGroup(QuotaReleasePolicy.GROUP)
public final class QuotaReleasePolicy {

    public static final String GROUP = "quota-release";

    private final CommandRouter router;

    public QuotaReleasePolicy(CommandRouter router) {
        this.router = router;
    }

    /**
     * Registers the policy on a store. It starts at the head of the store's events the first time:
     * servers deleted before quotas existed were never counted.
     */
    public static void register(Configurer configurer, CommandRouter router) {
        configurer.eventProcessing(processing -> processing
                .registerEventHandler(c -> new QuotaReleasePolicy(router))
                .registerTrackingEventProcessor(GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }

    @EventHandler
    void on(InstanceDeleted event) {
        release(event.instanceId());
    }

    @EventHandler
    void on(BuildRequestCancelled event) {
        release(event.instanceId());
    }

    private void release(String instanceId) {
        Outcomes.await(router.toApi(new ReturnServerQuota(instanceId)));
    }
}
