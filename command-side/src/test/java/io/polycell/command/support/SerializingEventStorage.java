package io.polycell.command.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * An event store in memory that behaves like the JDBC one where loading an aggregate is concerned:
 * an aggregate's events and its snapshot are found by its identifier (not by a scan of every event,
 * as Axon's in-memory engine does), and both are kept as JSON and read back through Jackson, so a
 * load pays for deserializing as it does from PostgreSQL, and a snapshot is never shared with the
 * aggregate built from it. Streaming (for processors) is Axon's in-memory engine's.
 */
public final class SerializingEventStorage extends InMemoryEventStorageEngine {

    private final Serializer serializer = Jackson3Serializer.builder().build();
    private final Map<String, List<Stored>> byAggregate = new ConcurrentHashMap<>();
    private final Map<String, Stored> snapshots = new ConcurrentHashMap<>();

    /** One domain event as the store keeps it. */
    private record Stored(String type, String aggregateId, long sequence, byte[] payload, String payloadType) {
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        super.appendEvents(events);
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                byAggregate.computeIfAbsent(domain.getAggregateIdentifier(), id -> new ArrayList<>());
                List<Stored> stream = byAggregate.get(domain.getAggregateIdentifier());
                synchronized (stream) {
                    stream.add(store(domain));
                }
            }
        }
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<Stored> stream = byAggregate.getOrDefault(aggregateIdentifier, List.of());
        List<DomainEventMessage<?>> read = new ArrayList<>();
        synchronized (stream) {
            for (Stored stored : stream) {
                if (stored.sequence() >= firstSequenceNumber) {
                    read.add(load(stored));
                }
            }
        }
        return DomainEventStream.of(read);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<Stored> stream = byAggregate.getOrDefault(aggregateIdentifier, List.of());
        synchronized (stream) {
            return stream.isEmpty() ? Optional.empty() : Optional.of(stream.get(stream.size() - 1).sequence());
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        snapshots.put(snapshot.getAggregateIdentifier(), store(snapshot));
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.ofNullable(snapshots.get(aggregateIdentifier)).map(this::load);
    }

    private Stored store(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
        return new Stored(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                payload.getData(), payload.getType().getName());
    }

    private DomainEventMessage<?> load(Stored stored) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class,
                new SimpleSerializedType(stored.payloadType(), null)));
        return new GenericDomainEventMessage<>(stored.type(), stored.aggregateId(), stored.sequence(), payload);
    }
}
