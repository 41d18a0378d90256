package io.polycell.command;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.aggregate.HostAggregate;
import io.polycell.command.aggregate.JdbcAggregateDirectory;
import io.polycell.command.build.BuildRequestHandler;
import io.polycell.command.build.InstanceMapping;
import io.polycell.command.build.BatchPlacements;
import io.polycell.command.build.PlacementTally;
import io.polycell.command.build.PlacementSaga;
import io.polycell.command.build.ServerQuotaReturns;
import io.polycell.command.flavor.Flavor;
import io.polycell.command.group.ServerGroup;
import io.polycell.command.group.ServerGroupAdmission;
import io.polycell.command.image.ImageCatalog;
import io.polycell.command.keypair.KeyPair;
import io.polycell.command.keypair.KeyPairAdmission;
import io.polycell.command.quota.ProjectQuota;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.quota.QuotaReleasePolicy;
import io.polycell.command.routing.CommandRouter;
import io.polycell.scheduler.Scheduler;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * The command side of the API tier, registered on the API store's Axon configuration: flavors,
 * instance mappings with their build requests, server groups, key pairs, projects' quotas, and the
 * super-conductor.
 */
public final class ApiTier {

    /** Threads (and segments) of the super-conductor: builds are placed in parallel. */
    public static final int CONDUCTOR_THREADS = 8;
    /** Events a conductor thread takes per transaction. */
    static final int CONDUCTOR_BATCH = 10;

    private ApiTier() {
    }

    public static void configure(Configurer configurer, CommandRouter router, Scheduler scheduler,
                                 ImageCatalog images, Clock clock, QuotaDefaults quotaDefaults) {
        configurer.registerComponent(CommandRouter.class, c -> router);
        configurer.registerComponent(Scheduler.class, c -> scheduler);
        configurer.registerComponent(BatchPlacements.class, c -> new BatchPlacements(scheduler, clock));
        configurer.registerComponent(PlacementTally.class, c -> new PlacementTally());
        configurer.registerComponent(Clock.class, c -> clock);
        // A flavor's commands take its lock, so two writes in one process never race; boots read it without a
        // lock, so they never queue on one. Neither caches it: a cached flavor would be one object that writers
        // change while boots read it and put it back, stale, into the cache. Its stream is a few events.
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Flavor.class)
                .configureRepository(c -> flavorRepository(c).build()));
        configurer.configureAggregate(InstanceMapping.class);
        configurer.configureAggregate(HostAggregate.class);
        configurer.configureAggregate(ServerGroup.class);
        configurer.configureAggregate(KeyPair.class);
        configureQuotas(configurer, router, quotaDefaults);
        configurer.registerCommandHandler(c -> new BuildRequestHandler(
                flavorRepository(c).lockFactory(NullLockFactory.INSTANCE).build(),
                c.repository(ServerGroup.class), c.repository(KeyPair.class), c.repository(InstanceMapping.class),
                c.getComponent(ProjectQuotas.class), images, c.getComponent(AggregateDirectory.class), clock));
        configurer.eventProcessing(processing -> processing
                .registerSaga(PlacementSaga.class)
                .registerTrackingEventProcessor("PlacementSagaProcessor", c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forParallelProcessing(CONDUCTOR_THREADS)
                                .andInitialSegmentsCount(CONDUCTOR_THREADS).andBatchSize(CONDUCTOR_BATCH)));
    }

    private static EventSourcingRepository.Builder<Flavor> flavorRepository(Configuration c) {
        return EventSourcingRepository.builder(Flavor.class)
                .eventStore(c.eventStore())
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(Flavor.class));
    }

    /**
     * Projects' quotas: one aggregate per project, kept in memory and snapshotted (it is on every
     * boot's path), used by the boot, server group and key pair commands in their own
     * transactions, and released by the policy that sees servers go.
     */
    private static void configureQuotas(Configurer configurer, CommandRouter router, QuotaDefaults defaults) {
        configurer.registerComponent(QuotaDefaults.class, c -> defaults);
        configurer.configureAggregate(ProjectQuotas.aggregateConfiguration());
        ExecutorService snapshots = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quota-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        configurer.registerComponent(Snapshotter.class, c -> ProjectQuotas.snapshotter(c, snapshots));
        configurer.onShutdown(snapshots::shutdown);
        configurer.registerComponent(ProjectQuotas.class,
                c -> new ProjectQuotas(c.repository(ProjectQuota.class), c.eventStore(), defaults));
        configurer.registerCommandHandler(c -> c.getComponent(ProjectQuotas.class));
        configurer.registerCommandHandler(c -> new ServerQuotaReturns(c.repository(InstanceMapping.class),
                c.getComponent(ProjectQuotas.class)));
        configurer.registerCommandHandler(c -> new ServerGroupAdmission(c.repository(ServerGroup.class),
                c.getComponent(ProjectQuotas.class)));
        configurer.registerCommandHandler(c -> new KeyPairAdmission(c.repository(KeyPair.class),
                c.getComponent(ProjectQuotas.class)));
        QuotaReleasePolicy.register(configurer, router);
    }

    /**
     * Registers the lookup the host aggregates check set-wide rules against. It must be updated by a
     * subscribing processor, in the transaction that stores the events, or a check could pass on a
     * lookup that has not yet seen the previous command's events.
     */
    public static void registerAggregateDirectory(Configurer configurer, JdbcAggregateDirectory directory) {
        configurer.registerComponent(AggregateDirectory.class, c -> directory);
        configurer.eventProcessing(processing -> processing
                .registerSubscribingEventProcessor(JdbcAggregateDirectory.GROUP)
                .registerEventHandler(c -> directory));
    }
}
