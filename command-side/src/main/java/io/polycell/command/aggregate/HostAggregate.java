package io.polycell.command.aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import io.polycell.messages.aggregate.AddHostToAggregate;
import io.polycell.messages.aggregate.AggregateCreated;
import io.polycell.messages.aggregate.AggregateDeleted;
import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.aggregate.AggregateState;
import io.polycell.messages.aggregate.AggregateUpdated;
import io.polycell.messages.aggregate.CreateAggregate;
import io.polycell.messages.aggregate.DeleteAggregate;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.aggregate.HostRemovedFromAggregate;
import io.polycell.messages.aggregate.RemoveHostFromAggregate;
import io.polycell.messages.aggregate.SetAggregateMetadata;
import io.polycell.messages.aggregate.UpdateAggregate;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A Nova host aggregate in the API tier: a named set of compute hosts with metadata, optionally an
 * availability zone (the metadata key {@code availability_zone}, kept equal to the zone). Rules about
 * this aggregate alone are held here; rules over all aggregates (unique names, one zone per host) are
 * checked against the {@link AggregateDirectory}. Every command answers with the resulting
 * {@link AggregateState}, because Nova's API answers with the aggregate.
 */
public class HostAggregate {

    /** The uuid: unique in the event store, whatever other aggregates are called. */
    @AggregateIdentifier
    private String aggregateId;
    /** Nova's integer id, which the API addresses and Nova's messages name. */
    private long id;
    private String name;
    private SortedMap<String, String> metadata = new TreeMap<>();
    private SortedSet<String> hosts = new TreeSet<>();
    private Instant createdAt;
    private Instant updatedAt;

    private HostAggregate() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    AggregateState handle(CreateAggregate command, AggregateDirectory directory) {
        requireFreeName(command.name(), command.aggregateId(), directory);
        Map<String, String> initial = command.availabilityZone() == null ? Map.of()
                : Map.of(ZoneRule.ZONE_KEY, command.availabilityZone());
        apply(new AggregateCreated(command.aggregateId(), command.id(), command.name(),
                command.availabilityZone(), frozen(initial)));
        return state();
    }

    @CommandHandler
    AggregateState handle(UpdateAggregate command, AggregateDirectory directory) {
        String newName = command.name() == null ? name : command.name();
        if (!newName.equals(name)) {
            requireFreeName(newName, aggregateId, directory);
        }
        Map<String, String> zone = command.zone() == null ? Map.of() : command.zone();
        ZoneRule.check(aggregateId, id, newName, zone, hosts, directory, AggregateAction.UPDATE);
        Map<String, String> merged = merged(zone);
        apply(new AggregateUpdated(aggregateId, newName, merged.get(ZoneRule.ZONE_KEY), merged, frozen(hosts)));
        return state();
    }

    @CommandHandler
    AggregateState handle(SetAggregateMetadata command, AggregateDirectory directory) {
        ZoneRule.check(aggregateId, id, name, command.metadata(), hosts, directory, AggregateAction.UPDATE_METADATA);
        Map<String, String> merged = merged(command.metadata());
        apply(new AggregateMetadataSet(aggregateId, name, merged.get(ZoneRule.ZONE_KEY), merged, frozen(hosts)));
        return state();
    }

    @CommandHandler
    AggregateState handle(AddHostToAggregate command, AggregateDirectory directory) {
        if (hosts.contains(command.host())) {
            throw new PolycellException(ErrorCode.CONFLICT,
                    "Aggregate " + id + " already has host " + command.host() + ".");
        }
        ZoneRule.check(aggregateId, id, name, metadata, Set.of(command.host()), directory, AggregateAction.ADD_HOST);
        apply(new HostAddedToAggregate(aggregateId, command.host(), name, zone(), frozen(metadata)));
        return state();
    }

    @CommandHandler
    AggregateState handle(RemoveHostFromAggregate command) {
        if (!hosts.contains(command.host())) {
            throw new PolycellException(ErrorCode.NOT_FOUND,
                    "Cannot remove host " + command.host() + " in aggregate " + id);
        }
        apply(new HostRemovedFromAggregate(aggregateId, command.host(), name, zone(), frozen(metadata)));
        return state();
    }

    @CommandHandler
    void handle(DeleteAggregate command) {
        if (!hosts.isEmpty()) {
            throw AggregateAction.DELETE.refuse(id, "Host aggregate is not empty");
        }
        apply(new AggregateDeleted(aggregateId, name));
    }

    private static void requireFreeName(String wanted, String self, AggregateDirectory directory) {
        if (directory.aggregateNamed(wanted).filter(holder -> !holder.equals(self)).isPresent()) {
            throw new PolycellException(ErrorCode.CONFLICT, "Aggregate " + wanted + " already exists.");
        }
    }

    /** This aggregate's metadata with {@code changes} applied: a null value removes its key. */
    private Map<String, String> merged(Map<String, String> changes) {
        TreeMap<String, String> result = new TreeMap<>(metadata);
        changes.forEach((key, value) -> {
            if (value == null) {
                result.remove(key);
            } else {
                result.put(key, value);
            }
        });
        return frozen(result);
    }

    private String zone() {
        return metadata.get(ZoneRule.ZONE_KEY);
    }

    private AggregateState state() {
        return new AggregateState(aggregateId, id, name, zone(), frozen(metadata), frozen(hosts), createdAt,
                updatedAt);
    }

    private static Map<String, String> frozen(Map<String, String> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    private static Set<String> frozen(Set<String> set) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(set));
    }

    @EventSourcingHandler
    void on(AggregateCreated event, @Timestamp Instant at) {
        aggregateId = event.aggregateId();
        id = event.id();
        name = event.name();
        metadata = new TreeMap<>(event.metadata());
        createdAt = at;
    }

    @EventSourcingHandler
    void on(AggregateUpdated event, @Timestamp Instant at) {
        name = event.name();
        metadata = new TreeMap<>(event.metadata());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(AggregateMetadataSet event, @Timestamp Instant at) {
        metadata = new TreeMap<>(event.metadata());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(HostAddedToAggregate event) {
        hosts.add(event.host());
    }

    @EventSourcingHandler
    void on(HostRemovedFromAggregate event) {
        hosts.remove(event.host());
    }

    @EventSourcingHandler
    void on(AggregateDeleted event) {
        markDeleted();
    }
}
