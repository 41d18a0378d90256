package io.polycell.command.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.support.SerializingEventStorage;
import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReadQuota;
import io.polycell.messages.quota.ReadQuotaUsage;
import io.polycell.messages.quota.ReleaseServerQuota;
import io.polycell.messages.quota.SetQuotaLimits;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaReleased;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.Snapshotter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A project's quota is snapshotted as the API store keeps it, and a quota loaded from its snapshot
 * (its state read back from JSON) counts and refuses exactly as the one that lived in memory.
 */
class ProjectQuotaSnapshotTest {

    private static final String PROJECT = "p-snapshot";
    private final QuotaDefaults defaults = QuotaDefaults.nova().with(Map.of(QuotaResource.INSTANCES, 5000,
            QuotaResource.CORES, -1, QuotaResource.RAM, -1, QuotaResource.SERVER_GROUP_MEMBERS, -1));
    private final SerializingEventStorage storage = new SerializingEventStorage();
    private final ExecutorService snapshots = Executors.newSingleThreadExecutor();
    private Configuration axon;

    @AfterEach
    void stop() {
        axon.shutdown();
        snapshots.shutdown();
    }

    private CommandGateway start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(QuotaDefaults.class, c -> defaults)
                .configureAggregate(ProjectQuotas.aggregateConfiguration())
                .registerComponent(Snapshotter.class, c -> ProjectQuotas.snapshotter(c, snapshots))
                .registerCommandHandler(c -> new ProjectQuotas(c.repository(ProjectQuota.class), c.eventStore(),
                        defaults))
                .buildConfiguration();
        axon.start();
        return axon.commandGateway();
    }

    @Test
    void aQuotaLoadedFromItsSnapshotCountsAsTheLiveOneDid() throws Exception {
        CommandGateway commands = start();
        commands.sendAndWait(new SetQuotaLimits(PROJECT, "bob", Map.of(QuotaResource.INSTANCES, 600), false));
        commands.sendAndWait(new ClaimServerGroupQuota(PROJECT, "alice", "g1"));
        for (int i = 0; i < ProjectQuotas.SNAPSHOT_EVERY + 10; i++) {
            String user = i % 2 == 0 ? "alice" : "bob";
            commands.sendAndWait(new ClaimServerQuota(PROJECT, user, List.of("s" + i), 1, 2, 1024, 0,
                    i % 3 == 0 ? "g1" : null));
            if (i % 5 == 0) {
                commands.sendAndWait(new ReleaseServerQuota(PROJECT, "s" + i));
            }
        }
        ProjectUsage live = commands.sendAndWait(new ReadQuotaUsage(PROJECT));
        QuotaReport bob = commands.sendAndWait(new ReadQuota(PROJECT, "bob"));
        snapshots.submit(() -> { }).get();
        DomainEventMessage<?> snapshot = storage.readSnapshot(PROJECT).orElseThrow();
        assertThat(((ProjectQuota) snapshot.getPayload()).usage()).isEqualTo(replayed(snapshot.getSequenceNumber()));
        axon.shutdown();

        CommandGateway restarted = start();
        assertThat((ProjectUsage) restarted.sendAndWait(new ReadQuotaUsage(PROJECT))).isEqualTo(live);
        assertThat((QuotaReport) restarted.sendAndWait(new ReadQuota(PROJECT, "bob"))).isEqualTo(bob);
        assertThat(live.inUse()).containsEntry(QuotaResource.INSTANCES, 808L).containsEntry(QuotaResource.CORES, 1616L);
    }

    /** The usage of a quota built from the project's events up to {@code last}, without Axon. */
    private ProjectUsage replayed(long last) {
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        storage.readEvents(PROJECT, 0).asStream().filter(event -> event.getSequenceNumber() <= last)
                .map(DomainEventMessage::getPayload).forEach(event -> {
                    if (event instanceof ServerQuotaClaimed claimed) {
                        quota.on(claimed);
                    } else if (event instanceof ServerQuotaReleased released) {
                        quota.on(released);
                    } else if (event instanceof ServerGroupQuotaClaimed claimed) {
                        quota.on(claimed);
                    } else if (event instanceof QuotaLimitsSet set) {
                        quota.on(set);
                    } else {
                        throw new IllegalStateException("Unexpected " + event);
                    }
                });
        return quota.usage();
    }
}
