package io.polycell.command.support;

import io.polycell.command.Specs;
import io.polycell.command.aggregate.InMemoryAggregateDirectory;
import io.polycell.command.build.BuildRequestHandler;
import io.polycell.command.build.InstanceMapping;
import io.polycell.command.flavor.Flavor;
import io.polycell.command.group.ServerGroup;
import io.polycell.command.image.ImageCatalog;
import io.polycell.command.keypair.KeyPair;
import io.polycell.command.quota.ProjectQuota;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.ReadQuotaUsage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;

/**
 * The API store's aggregates (flavors, server groups, key pairs, instance mappings and projects'
 * quotas, the quotas kept as the API store keeps them: cached and snapshotted) on an event store in
 * memory, with the command handlers a test names. Each command runs in its own unit of work, as on the real
 * store, so what a failed command applied is never stored. No processors run.
 */
public final class InMemoryApiStore implements AutoCloseable {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final Configuration axon;

    /** {@code handlers}: the command handlers under test, built from the store's configuration. */
    @SafeVarargs
    public InMemoryApiStore(QuotaDefaults defaults, Function<Configuration, Object>... handlers) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(QuotaDefaults.class, c -> defaults)
                .configureAggregate(Flavor.class)
                .configureAggregate(ServerGroup.class)
                .configureAggregate(InstanceMapping.class)
                .configureAggregate(KeyPair.class)
                .configureAggregate(ProjectQuotas.aggregateConfiguration())
                .registerComponent(Snapshotter.class, c -> ProjectQuotas.snapshotter(c, Runnable::run))
                .registerComponent(ProjectQuotas.class,
                        c -> new ProjectQuotas(c.repository(ProjectQuota.class), c.eventStore(), defaults))
                .registerCommandHandler(c -> c.getComponent(ProjectQuotas.class));
        for (Function<Configuration, Object> handler : handlers) {
            configurer.registerCommandHandler(handler::apply);
        }
        axon = configurer.buildConfiguration();
        axon.start();
    }

    /**
     * The API tier's boot handler on this store, with the built-in images, no zoned aggregates and
     * the test clock; it records build requests through {@code mappings}.
     */
    public static BuildRequestHandler buildRequests(Configuration c, Repository<InstanceMapping> mappings) {
        return new BuildRequestHandler(c.repository(Flavor.class), c.repository(ServerGroup.class),
                c.repository(KeyPair.class), mappings, c.getComponent(ProjectQuotas.class), new ImageCatalog(),
                new InMemoryAggregateDirectory(), Clock.fixed(Specs.NOW, ZoneOffset.UTC));
    }

    /** The boot handler recording through the store's own mapping repository. */
    public static BuildRequestHandler buildRequests(Configuration c) {
        return buildRequests(c, c.repository(InstanceMapping.class));
    }

    public CommandGateway commands() {
        return axon.commandGateway();
    }

    /** The payloads of every event stored, in order. */
    public List<Object> events() {
        return storage.readEvents(null, false).map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The payloads stored of one type, in order. */
    public <E> List<E> events(Class<E> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** What the project's quota counts now. */
    public ProjectUsage usage(String projectId) {
        return commands().sendAndWait(new ReadQuotaUsage(projectId));
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
