package io.polycell.command.aggregate;

import io.polycell.messages.aggregate.AggregateCreated;
import io.polycell.messages.aggregate.AggregateDeleted;
import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.aggregate.AggregateUpdated;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.aggregate.HostRemovedFromAggregate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The {@link AggregateDirectory} in the API database ({@code aggregate_directory},
 * {@code aggregate_directory_host}). It must run in a subscribing processor: its rows are then written
 * in the transaction that appends the aggregate's events, so a check never sees a directory that lags
 * behind the event store. Every read and write first takes one transaction-scoped advisory lock, so a
 * check and the write of the command that passed it cannot interleave with another aggregate's
 * check: two admins adding one host to aggregates of different zones at once are serialized, and the
 * second is refused. Aggregate changes are rare, so one lock for all of them costs nothing.
 */
@ProcessingGroup(JdbcAggregateDirectory.GROUP)
public final class JdbcAggregateDirectory implements AggregateDirectory {

    public static final String GROUP = "aggregate-directory";
    /** The advisory lock's key: any constant no other part of Polycell uses. */
    private static final long LOCK = 0x41474752L;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public JdbcAggregateDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Optional<String> aggregateWithId(long id) {
        return jdbc.queryForList("SELECT aggregate_id FROM aggregate_directory WHERE id = ?", String.class, id)
                .stream().findFirst();
    }

    @Override
    public Optional<String> aggregateNamed(String name) {
        lock();
        return jdbc.queryForList("SELECT aggregate_id FROM aggregate_directory WHERE name = ?", String.class, name)
                .stream().findFirst();
    }

    @Override
    public Set<String> zonesHolding(Collection<String> hosts, String exceptAggregateId) {
        lock();
        return new HashSet<>(named.queryForList("SELECT DISTINCT a.availability_zone FROM aggregate_directory a "
                        + "JOIN aggregate_directory_host h ON h.aggregate_id = a.aggregate_id "
                        + "WHERE h.host IN (:hosts) AND a.aggregate_id <> :self AND a.availability_zone IS NOT NULL",
                new MapSqlParameterSource("hosts", hosts).addValue("self", exceptAggregateId), String.class));
    }

    /** A read for the API's answers, not a rule's check: it takes no lock. */
    @Override
    public Optional<String> zoneOf(String host) {
        return jdbc.queryForList("SELECT a.availability_zone FROM aggregate_directory a JOIN aggregate_directory_host h "
                + "ON h.aggregate_id = a.aggregate_id WHERE h.host = ? AND a.availability_zone IS NOT NULL",
                String.class, host).stream().findFirst();
    }

    @Override
    public boolean zoneHasHosts(String zone) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM aggregate_directory a "
                + "JOIN aggregate_directory_host h ON h.aggregate_id = a.aggregate_id WHERE a.availability_zone = ?)",
                Boolean.class, zone));
    }

    @Override
    public long nextAggregateId() {
        return jdbc.queryForObject("SELECT nextval('aggregate_ids')", Long.class);
    }

    @EventHandler
    void on(AggregateCreated event) {
        lock();
        jdbc.update("INSERT INTO aggregate_directory (aggregate_id, id, name, availability_zone) VALUES (?, ?, ?, ?)",
                event.aggregateId(), event.id(), event.name(), event.availabilityZone());
    }

    @EventHandler
    void on(AggregateUpdated event) {
        lock();
        jdbc.update("UPDATE aggregate_directory SET name = ?, availability_zone = ? WHERE aggregate_id = ?",
                event.name(), event.availabilityZone(), event.aggregateId());
    }

    @EventHandler
    void on(AggregateMetadataSet event) {
        lock();
        jdbc.update("UPDATE aggregate_directory SET availability_zone = ? WHERE aggregate_id = ?",
                event.availabilityZone(), event.aggregateId());
    }

    @EventHandler
    void on(HostAddedToAggregate event) {
        lock();
        jdbc.update("INSERT INTO aggregate_directory_host (aggregate_id, host) VALUES (?, ?)",
                event.aggregateId(), event.host());
    }

    @EventHandler
    void on(HostRemovedFromAggregate event) {
        lock();
        jdbc.update("DELETE FROM aggregate_directory_host WHERE aggregate_id = ? AND host = ?",
                event.aggregateId(), event.host());
    }

    @EventHandler
    void on(AggregateDeleted event) {
        lock();
        jdbc.update("DELETE FROM aggregate_directory_host WHERE aggregate_id = ?", event.aggregateId());
        jdbc.update("DELETE FROM aggregate_directory WHERE aggregate_id = ?", event.aggregateId());
    }

    /** Held until the surrounding transaction ends; taking it again in the same transaction is free. */
    private void lock() {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK);
    }
}
