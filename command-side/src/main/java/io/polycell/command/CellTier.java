package io.polycell.command;

import io.polycell.command.action.ServerActionSaga;
import io.polycell.command.delete.DeleteSaga;
import io.polycell.command.host.Host;
import io.polycell.command.host.HostLiveness;
import io.polycell.command.instance.Instance;
import io.polycell.command.quota.QuotaReleasePolicy;
import io.polycell.command.routing.CellIdentity;
import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.ConductorSettings;
import io.polycell.command.spawn.SpawnSaga;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.common.caching.WeakReferenceCache;

/**
 * The command side of one cell, registered on that cell's Axon configuration: its instances, its
 * hosts and the cell conductor's spawn, action and delete tasks.
 */
public final class CellTier {

    /** Threads (and segments) of each cell conductor task. */
    public static final int CONDUCTOR_THREADS = 2;
    /** Events a conductor thread takes per transaction. */
    static final int CONDUCTOR_BATCH = 10;

    private CellTier() {
    }

    /** How long a host may stay silent before it is marked down (Nova's service_down_time). */
    public static final Duration HOST_DOWN_TIME = Duration.ofSeconds(60);

    public static void configure(Configurer configurer, CellIdentity cell, CommandRouter router, Clock clock,
                                 ConductorSettings conductor) {
        configurer.registerComponent(ConductorSettings.class, c -> conductor);
        HostLiveness liveness = new HostLiveness(cell, router, clock, HOST_DOWN_TIME);
        configurer.registerCommandHandler(c -> liveness);
        configurer.onStart(() -> liveness.start(HOST_DOWN_TIME.dividedBy(6)));
        configurer.onShutdown(liveness::stop);
        configurer.registerComponent(CellIdentity.class, c -> cell);
        configurer.registerComponent(CommandRouter.class, c -> router);
        configurer.registerComponent(Clock.class, c -> clock);
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Instance.class));
        // A host collects a claim and a release per instance it ever ran: keep it in memory once loaded.
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Host.class)
                .configureCache(c -> new WeakReferenceCache()));
        QuotaReleasePolicy.register(configurer, router);
        configurer.eventProcessing(processing -> processing
                .registerSaga(SpawnSaga.class)
                .registerSaga(DeleteSaga.class)
                .registerSaga(ServerActionSaga.class)
                .registerTrackingEventProcessor("SpawnSagaProcessor", c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(CONDUCTOR_THREADS)
                                .andInitialSegmentsCount(CONDUCTOR_THREADS).andBatchSize(CONDUCTOR_BATCH))
                .registerTrackingEventProcessor("ServerActionSagaProcessor", c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(CONDUCTOR_THREADS)
                                .andInitialSegmentsCount(CONDUCTOR_THREADS).andBatchSize(CONDUCTOR_BATCH))
                .registerTrackingEventProcessor("DeleteSagaProcessor", c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(CONDUCTOR_THREADS)
                                .andInitialSegmentsCount(CONDUCTOR_THREADS).andBatchSize(CONDUCTOR_BATCH)));
    }
}
