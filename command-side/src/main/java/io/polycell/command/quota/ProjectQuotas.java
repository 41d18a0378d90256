package io.polycell.command.quota;

import io.polycell.messages.quota.ClaimKeyPairQuota;
import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.ReadQuota;
import io.polycell.messages.quota.ReadQuotaUsage;
import io.polycell.messages.quota.ReleaseKeyPairQuota;
import io.polycell.messages.quota.ReleaseServerGroupQuota;
import io.polycell.messages.quota.ReleaseServerQuota;
import java.util.List;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventSequenceAware;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The projects' quotas for the API tier's other command handlers, inside their unit of work: a boot
 * claims its servers in the transaction that records their build requests, and a server group or a
 * key pair is counted in the transaction that creates it, so a claim and what it was for are stored
 * together or not at all. Also answers reads of a quota, with the defaults for a project that has none yet
 * (looked up in the event store first, so that an unknown project is an answer, not a failure).
 */
public final class ProjectQuotas {

    /** The projects whose quotas stay in memory: every boot of them reads theirs. */
    static final int PROJECTS_IN_MEMORY = 10_000;
    /** A project's quota is snapshotted every so many events, so a load never replays more. */
    public static final int SNAPSHOT_EVERY = 1_000;

    private final Repository<ProjectQuota> repository;
    private final DomainEventSequenceAware events;
    private final QuotaDefaults defaults;

    public ProjectQuotas(Repository<ProjectQuota> repository, DomainEventSequenceAware events,
                         QuotaDefaults defaults) {
        this.repository = repository;
        this.events = events;
        this.defaults = defaults;
    }

    /**
     * How the API store keeps projects' quotas: the recently used ones in memory, and a snapshot of
     * each every {@value #SNAPSHOT_EVERY} events, since a project's history grows with every boot
     * and every delete it ever had.
     */
    public static AggregateConfigurer<ProjectQuota> aggregateConfiguration() {
        return AggregateConfigurer.defaultConfiguration(ProjectQuota.class)
                .configureCache(c -> new LeastRecentlyUsedCache(PROJECTS_IN_MEMORY))
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                        SNAPSHOT_EVERY));
    }

    /**
     * The API store's snapshotter: it takes quotas' snapshots on {@code executor}, in a transaction of
     * its own, so the boot that crosses the threshold neither waits for the snapshot of a large
     * project nor holds the project's lock while it is written. It knows only the quota aggregate,
     * the only one the API store snapshots.
     */
    public static Snapshotter snapshotter(Configuration configuration, Executor executor) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        ProjectQuota.class, configuration.parameterResolverFactory(),
                        configuration.handlerDefinition(ProjectQuota.class))))
                .repositoryProvider(configuration::repository)
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(ProjectQuota.class))
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .executor(executor)
                .build();
    }

    /** Whether the project's quota has ever recorded anything. */
    private boolean exists(String projectId) {
        return events.lastSequenceNumberFor(projectId).isPresent();
    }

    /** Claims quota for new servers (see {@link ClaimServerQuota}); answers the ids it took. */
    @SuppressWarnings("unchecked")
    public List<String> claimServers(ClaimServerQuota claim) throws Exception {
        return (List<String>) repository.loadOrCreate(claim.projectId(), () -> ProjectQuota.unclaimed(null))
                .handle(GenericCommandMessage.asCommandMessage(claim));
    }

    /** Releases a server's quota; a project without a quota counts nothing to release. */
    public void releaseServer(ReleaseServerQuota release) throws Exception {
        if (exists(release.projectId())) {
            repository.load(release.projectId()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    public void claimServerGroup(ClaimServerGroupQuota claim) throws Exception {
        repository.loadOrCreate(claim.projectId(), () -> ProjectQuota.unclaimed(null))
                .handle(GenericCommandMessage.asCommandMessage(claim));
    }

    public void releaseServerGroup(ReleaseServerGroupQuota release) throws Exception {
        if (exists(release.projectId())) {
            repository.load(release.projectId()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    /** Counts a new key pair, or refuses with Nova's 403 (see {@link ClaimKeyPairQuota}). */
    public void claimKeyPair(ClaimKeyPairQuota claim) throws Exception {
        repository.loadOrCreate(claim.projectId(), () -> ProjectQuota.unclaimed(null))
                .handle(GenericCommandMessage.asCommandMessage(claim));
    }

    /** Gives a deleted key pair's place back; a project without a quota counts nothing to release. */
    public void releaseKeyPair(ReleaseKeyPairQuota release) throws Exception {
        if (exists(release.projectId())) {
            repository.load(release.projectId()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    @CommandHandler
    public QuotaReport handle(ReadQuota query) {
        if (!exists(query.projectId())) {
            return ProjectQuota.unclaimed(query.projectId()).report(query.userId(), defaults);
        }
        return repository.load(query.projectId()).invoke(quota -> quota.report(query.userId(), defaults));
    }

    @CommandHandler
    public ProjectUsage handle(ReadQuotaUsage query) {
        if (!exists(query.projectId())) {
            return ProjectQuota.unclaimed(query.projectId()).usage();
        }
        return repository.load(query.projectId()).invoke(ProjectQuota::usage);
    }
}
