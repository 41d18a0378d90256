package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Every host's state, in memory, plus the reservations this scheduler made for its own proposals.
 * A reservation counts against its host until the projection sees the claim (or it is cancelled, or
 * it expires), so back-to-back requests are not all sent to the same host while events are in flight.
 */
public final class HostStates {

    private static final Duration RESERVATION_LIFETIME = Duration.ofSeconds(30);

    private record Reservation(String host, Resources amount, Instant expires) {
    }

    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private final HostColumns columns = new HostColumns();
    private final AggregateMemberships aggregates = new AggregateMemberships();
    private final Map<String, Map<String, String>> hostOfMemberByGroup = new HashMap<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    /** The host each claimed instance is on, for the same_host and different_host hints. */
    private final Map<String, String> hostOfInstance = new HashMap<>();
    private final Clock clock;

    public HostStates() {
        this(Clock.systemUTC());
    }

    public HostStates(Clock clock) {
        this.clock = clock;
    }

    synchronized void register(String host, String cell, Resources capacity) {
        register(host, cell, capacity, Map.of());
    }

    /**
     * A host joined or its inventory changed: {@code capacity} is what may be claimed on it (after its
     * allocation ratios and reserved amounts), {@code compute} what its agent reports of it.
     */
    synchronized void register(String host, String cell, Resources capacity, Map<String, String> compute) {
        HostState fresh = new HostState(host, cell, capacity, HostState.NOTHING, HostState.NOTHING, 0, true, Map.of())
                .withNamespace(HostState.AGGREGATES, aggregates.namespaceOf(host))
                .withNamespace(HostState.COMPUTE, compute);
        columns.write(hosts.merge(host, fresh,
                (known, unused) -> known.withCapacity(capacity).withNamespace(HostState.COMPUTE, compute)));
    }

    /** An aggregate changed: its zone, metadata and hosts as they are now. */
    synchronized void aggregateChanged(String aggregateId, String zone, Map<String, String> metadata,
                                       Set<String> members) {
        for (String host : aggregates.update(aggregateId, zone, metadata, members)) {
            setNamespace(host, HostState.AGGREGATES, aggregates.namespaceOf(host));
        }
    }

    synchronized void memberPlaced(String groupId, String instanceId, String host) {
        hostOfMemberByGroup.computeIfAbsent(groupId, id -> new HashMap<>()).put(instanceId, host);
    }

    synchronized void memberRemoved(String groupId, String instanceId) {
        Map<String, String> members = hostOfMemberByGroup.get(groupId);
        if (members != null) {
            members.remove(instanceId);
        }
    }

    /** How many members of a group each host has. */
    synchronized Map<String, Integer> groupMembersPerHost(String groupId) {
        Map<String, Integer> perHost = new HashMap<>();
        hostOfMemberByGroup.getOrDefault(groupId, Map.of()).values()
                .forEach(host -> perHost.merge(host, 1, Integer::sum));
        return perHost;
    }

    /** The hosts of an aggregate as this scheduler knows them. */
    synchronized Set<String> aggregateHosts(String aggregateId) {
        return aggregates.hostsOf(aggregateId);
    }

    synchronized void setNamespace(String host, String namespace, Map<String, String> values) {
        update(host, (name, state) -> state.withNamespace(namespace, values));
    }

    synchronized void setAttribute(String host, String namespace, String key, String value) {
        update(host, (name, state) -> {
            Map<String, String> values = new HashMap<>(state.namespace(namespace));
            values.put(key, value);
            return state.withNamespace(namespace, values);
        });
    }

    synchronized void markUp(String host, boolean up) {
        update(host, (name, state) -> state.withUp(up));
    }

    synchronized void claim(String host, String instanceId, Resources amount) {
        cancelReservation(instanceId);
        HostState known = hosts.get(host);
        if (known != null) {
            hostOfInstance.put(instanceId, known.host());
        }
        update(host, (name, state) -> state.claimed(amount));
    }

    synchronized void release(String host, String instanceId, Resources amount) {
        hostOfInstance.remove(instanceId, host);
        update(host, (name, state) -> state.released(amount));
    }

    /** The host an instance is claimed on, or proposed for by this scheduler; null when neither. */
    synchronized String hostOf(String instanceId) {
        String host = hostOfInstance.get(instanceId);
        if (host != null) {
            return host;
        }
        Reservation reservation = reservations.get(instanceId);
        return reservation == null ? null : reservation.host();
    }

    synchronized void reserve(String instanceId, String host, Resources amount) {
        cancelReservation(instanceId);
        reservations.put(instanceId, new Reservation(host, amount, clock.instant().plus(RESERVATION_LIFETIME)));
        update(host, (name, state) -> state.reserved(amount));
    }

    synchronized void cancelReservation(String instanceId) {
        Reservation reservation = reservations.remove(instanceId);
        if (reservation != null) {
            update(reservation.host(), (name, state) -> state.unreserved(reservation.amount()));
        }
    }

    synchronized void expireReservations() {
        Instant now = clock.instant();
        reservations.entrySet().removeIf(entry -> {
            Reservation reservation = entry.getValue();
            if (reservation.expires().isAfter(now)) {
                return false;
            }
            update(reservation.host(), (name, state) -> state.unreserved(reservation.amount()));
            return true;
        });
    }

    /** Everything these host states know but this replica's reservations, as plain data. */
    public synchronized HostStatesSnapshot snapshot() {
        List<HostStatesSnapshot.HostEntry> entries = new ArrayList<>(hosts.size());
        for (HostState state : hosts.values()) {
            entries.add(new HostStatesSnapshot.HostEntry(state.host(), state.cell(), state.capacity(), state.used(),
                    state.instances(), state.up(), state.attributes()));
        }
        Map<String, Map<String, String>> groups = new HashMap<>();
        hostOfMemberByGroup.forEach((group, members) -> groups.put(group, Map.copyOf(members)));
        return new HostStatesSnapshot(entries, aggregates.export(), groups, Map.copyOf(hostOfInstance));
    }

    /**
     * Starts these (empty) host states from a snapshot. Host and attribute strings are shared as the
     * projection shares them, so a restored replica takes no more memory than one that replayed.
     */
    public synchronized void restore(HostStatesSnapshot snapshot) {
        if (!hosts.isEmpty()) {
            throw new IllegalStateException("A snapshot can only start empty host states");
        }
        aggregates.restore(snapshot.aggregates());
        for (HostStatesSnapshot.HostEntry entry : snapshot.hosts()) {
            Map<String, Map<String, String>> attributes = new HashMap<>();
            entry.attributes().forEach((namespace, values) -> {
                Map<String, String> shared = new HashMap<>();
                values.forEach((key, value) -> shared.put(key.intern(), value.intern()));
                attributes.put(namespace.intern(), Map.copyOf(shared));
            });
            HostState state = new HostState(entry.host(), entry.cell().intern(), entry.capacity(), entry.used(),
                    HostState.NOTHING, entry.instances(), entry.up(), Map.copyOf(attributes));
            hosts.put(entry.host(), state);
            columns.write(state);
        }
        snapshot.groupMembers().forEach((group, members) -> {
            Map<String, String> restored = new HashMap<>();
            members.forEach((instance, host) -> restored.put(instance, canonicalHost(host)));
            hostOfMemberByGroup.put(group, restored);
        });
        snapshot.hostOfInstance().forEach((instance, host) -> hostOfInstance.put(instance, canonicalHost(host)));
    }

    private String canonicalHost(String host) {
        HostState state = hosts.get(host);
        return state == null ? host : state.host();
    }

    /** Replaces a host's state and its columns; nothing for an unknown host. */
    private void update(String host, BiFunction<String, HostState, HostState> change) {
        HostState changed = hosts.computeIfPresent(host, change);
        if (changed != null) {
            columns.write(changed);
        }
    }

    /** The hosts' numbers by slot, for a scheduling pass; read them only while holding this object's lock. */
    HostColumns columns() {
        return columns;
    }

    public Collection<HostState> all() {
        return hosts.values();
    }

    public Optional<HostState> get(String host) {
        return Optional.ofNullable(hosts.get(host));
    }

    public int size() {
        return hosts.size();
    }
}
