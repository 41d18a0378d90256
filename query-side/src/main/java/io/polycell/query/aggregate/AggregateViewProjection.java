package io.polycell.query.aggregate;

import io.polycell.messages.aggregate.AggregateCreated;
import io.polycell.messages.aggregate.AggregateDeleted;
import io.polycell.messages.aggregate.AggregateMetadataSet;
import io.polycell.messages.aggregate.AggregateUpdated;
import io.polycell.messages.aggregate.HostAddedToAggregate;
import io.polycell.messages.aggregate.HostRemovedFromAggregate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Host aggregates with their hosts and metadata ({@code aggregate_view}, {@code aggregate_host_view},
 * {@code aggregate_metadata_view}), from the API tier's aggregate events; also which zone each host
 * is in, for the availability zone listing.
 */
@ProcessingGroup(AggregateViewProjection.GROUP)
public final class AggregateViewProjection {

    public static final String GROUP = "aggregate-view";

    private final JdbcTemplate jdbc;

    public AggregateViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AggregateCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO aggregate_view (aggregate_id, id, name, availability_zone, created_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (aggregate_id) DO NOTHING",
                event.aggregateId(), event.id(), event.name(), event.availabilityZone(), sql(at));
        replaceMetadata(event.aggregateId(), event.metadata());
    }

    @EventHandler
    void on(AggregateUpdated event, @Timestamp Instant at) {
        jdbc.update("UPDATE aggregate_view SET name = ?, availability_zone = ?, updated_at = ? WHERE aggregate_id = ?",
                event.name(), event.availabilityZone(), sql(at), event.aggregateId());
        replaceMetadata(event.aggregateId(), event.metadata());
    }

    @EventHandler
    void on(AggregateMetadataSet event, @Timestamp Instant at) {
        jdbc.update("UPDATE aggregate_view SET availability_zone = ?, updated_at = ? WHERE aggregate_id = ?",
                event.availabilityZone(), sql(at), event.aggregateId());
        replaceMetadata(event.aggregateId(), event.metadata());
    }

    @EventHandler
    void on(HostAddedToAggregate event) {
        jdbc.update("INSERT INTO aggregate_host_view (aggregate_id, host) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.aggregateId(), event.host());
    }

    @EventHandler
    void on(HostRemovedFromAggregate event) {
        jdbc.update("DELETE FROM aggregate_host_view WHERE aggregate_id = ? AND host = ?", event.aggregateId(),
                event.host());
    }

    @EventHandler
    void on(AggregateDeleted event) {
        String id = event.aggregateId();
        jdbc.update("DELETE FROM aggregate_metadata_view WHERE aggregate_id = ?", id);
        jdbc.update("DELETE FROM aggregate_host_view WHERE aggregate_id = ?", id);
        jdbc.update("DELETE FROM aggregate_view WHERE aggregate_id = ?", id);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM aggregate_metadata_view");
        jdbc.update("DELETE FROM aggregate_host_view");
        jdbc.update("DELETE FROM aggregate_view");
    }

    /** Every aggregate, by Nova's integer id. */
    public List<AggregateRow> all() {
        return read("", new Object[0]);
    }

    /** The aggregate with Nova's integer id {@code id}. */
    public Optional<AggregateRow> find(long id) {
        return read(" WHERE aggregate_id = (SELECT aggregate_id FROM aggregate_view WHERE id = ?)", new Object[] {id})
                .stream().findFirst();
    }

    /** The zone of every host that is in an aggregate with a zone. */
    public Map<String, String> zoneByHost() {
        Map<String, String> zones = new TreeMap<>();
        jdbc.query("SELECT h.host, a.availability_zone FROM aggregate_host_view h JOIN aggregate_view a "
                        + "ON a.aggregate_id = h.aggregate_id WHERE a.availability_zone IS NOT NULL",
                row -> {
                    zones.put(row.getString(1), row.getString(2));
                });
        return zones;
    }

    private List<AggregateRow> read(String where, Object[] arguments) {
        Map<String, List<String>> hosts = new HashMap<>();
        jdbc.query("SELECT aggregate_id, host FROM aggregate_host_view" + where + " ORDER BY host",
                row -> {
                    hosts.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                }, arguments);
        Map<String, Map<String, String>> metadata = new HashMap<>();
        jdbc.query("SELECT aggregate_id, key, value FROM aggregate_metadata_view" + where,
                row -> {
                    metadata.computeIfAbsent(row.getString(1), id -> new TreeMap<>())
                            .put(row.getString(2), row.getString(3));
                }, arguments);
        return jdbc.query("SELECT * FROM aggregate_view" + where + " ORDER BY id", (rs, n) -> {
            String uuid = rs.getString("aggregate_id");
            java.sql.Timestamp updated = rs.getTimestamp("updated_at");
            return new AggregateRow(rs.getLong("id"), uuid, rs.getString("name"), rs.getString("availability_zone"),
                    metadata.getOrDefault(uuid, Map.of()), hosts.getOrDefault(uuid, List.of()),
                    rs.getTimestamp("created_at").toInstant(), updated == null ? null : updated.toInstant());
        }, arguments);
    }

    private void replaceMetadata(String aggregateId, Map<String, String> metadata) {
        jdbc.update("DELETE FROM aggregate_metadata_view WHERE aggregate_id = ?", aggregateId);
        metadata.forEach((key, value) -> jdbc.update("INSERT INTO aggregate_metadata_view (aggregate_id, key, value) "
                + "VALUES (?, ?, ?)", aggregateId, key, value));
    }

    private static java.sql.Timestamp sql(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
