package io.polycell.searchlight.index;

import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.build.BuildRequestDeleted;
import io.polycell.messages.build.InstanceMapped;
import io.polycell.messages.common.Fault;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.FailedInstanceCreated;
import io.polycell.messages.instance.InstanceCreated;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceDeletionStarted;
import io.polycell.messages.instance.InstanceSpawnFailed;
import io.polycell.messages.instance.InstanceSpawned;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The API store's and the cells' event streams as the indexer reads them, in memory, with helpers that
 * append a server's life as the command side does: the build request's events in the API store, the
 * instance's in its cell, each aggregate numbering its own events.
 */
final class ServerEvents {

    static final FlavorSpec TINY = new FlavorSpec("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true);
    static final FlavorSpec SMALL = new FlavorSpec("2", "m1.small", 1, 2048, 20, 0, 0, 1.0, true);
    static final ImageSpec CIRROS = new ImageSpec("c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61", "cirros", 0, 0, 1L, "qcow2",
            Map.of());

    private final Map<String, EmbeddedEventStore> stores = new LinkedHashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();

    ServerEvents(String... cells) {
        stores.put("api", store());
        for (String cell : cells) {
            stores.put(cell, store());
        }
    }

    private static EmbeddedEventStore store() {
        return EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    }

    Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams() {
        return new LinkedHashMap<>(stores);
    }

    static InstanceSpec spec(String id, String project, Instant created) {
        return new InstanceSpec(id, "web-" + id, project, "alice", TINY, CIRROS, Map.of("role", "web"), created);
    }

    /** A server of {@code flavor}. */
    static InstanceSpec spec(String id, String project, FlavorSpec flavor, Instant created) {
        return new InstanceSpec(id, "web-" + id, project, "alice", flavor, CIRROS, Map.of("role", "web"), created);
    }

    /** Appends {@code event} to {@code store} as the next event of the aggregate {@code id}. */
    void append(String store, String id, Object event) {
        long seq = sequences.merge(store + "/" + id, 1L, Long::sum) - 1;
        stores.get(store).publish(new GenericDomainEventMessage<>(store.equals("api") ? "InstanceMapping" : "Instance",
                id, seq, event));
    }

    void accepted(InstanceSpec spec) {
        append("api", spec.instanceId(), new BuildRequestCreated(spec.instanceId(), spec));
    }

    void placed(InstanceSpec spec, String cell, String host) {
        append("api", spec.instanceId(), new InstanceMapped(spec.instanceId(), cell, spec.projectId()));
        append("api", spec.instanceId(), new BuildRequestDeleted(spec.instanceId()));
        append(cell, spec.instanceId(), new InstanceCreated(spec.instanceId(), cell, host, spec));
    }

    void spawned(String cell, String id, Instant launched) {
        append(cell, id, new InstanceSpawned(id, "h", PowerState.RUNNING, launched));
    }

    /** The host could not spawn the guest: the server is ERROR in its cell, with the fault. */
    void spawnFailed(String cell, String id, String message, Instant at) {
        append(cell, id, new InstanceSpawnFailed(id, "h", new Fault(500, message, message, at)));
    }

    void deleted(String cell, String id, Instant at) {
        append(cell, id, new InstanceDeletionStarted(id, "h"));
        append(cell, id, new InstanceDeleted(id, "h", at));
    }

    void noValidHost(InstanceSpec spec, String message) {
        append("api", spec.instanceId(), new InstanceMapped(spec.instanceId(), "cell0", spec.projectId()));
        append("api", spec.instanceId(), new BuildRequestDeleted(spec.instanceId()));
        append("cell0", spec.instanceId(), new FailedInstanceCreated(spec.instanceId(), "cell0", spec,
                new Fault(500, message, "No valid host was found.", spec.createdAt())));
    }
}
