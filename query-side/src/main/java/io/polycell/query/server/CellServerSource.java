package io.polycell.query.server;

import io.polycell.messages.common.Fault;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** A cell's live instances, read from its {@code instance_view}. */
public final class CellServerSource implements ServerSource {

    private static final String COLUMNS = "instance_id, name, project_id, user_id, cell, host, flavor_id, image_id, "
            + "metadata, vm_state, task_state, power_state, fault_code, fault_message, fault_details, fault_created, "
            + "created_at, updated_at, launched_at, deleted_at";
    private static final RowMapper<ServerRow> ROW = CellServerSource::row;
    private static final ViewColumns VIEW = new ViewColumns("SELECT " + COLUMNS + " FROM instance_view WHERE TRUE",
            Map.ofEntries(Map.entry(ServerField.ID, "instance_id"), Map.entry(ServerField.NAME, "name"),
                    Map.entry(ServerField.PROJECT_ID, "project_id"), Map.entry(ServerField.USER_ID, "user_id"),
                    Map.entry(ServerField.HOST, "host"), Map.entry(ServerField.FLAVOR_ID, "flavor_id"),
                    Map.entry(ServerField.IMAGE_ID, "image_id"), Map.entry(ServerField.VM_STATE, "vm_state"),
                    Map.entry(ServerField.TASK_STATE, "task_state"), Map.entry(ServerField.POWER_STATE, "power_state"),
                    Map.entry(ServerField.CREATED_AT, "created_at"), Map.entry(ServerField.UPDATED_AT, "updated_at"),
                    Map.entry(ServerField.LAUNCHED_AT, "launched_at"),
                    Map.entry(ServerField.DELETED_AT, "deleted_at")));

    private final String name;
    private final JdbcTemplate jdbc;
    private final BooleanSupplier reachable;

    public CellServerSource(String name, JdbcTemplate jdbc) {
        this(name, jdbc, () -> true);
    }

    /** A cell whose store's reachability {@code reachable} tells (a probe's last answer). */
    public CellServerSource(String name, JdbcTemplate jdbc, BooleanSupplier reachable) {
        this.name = name;
        this.jdbc = jdbc;
        this.reachable = reachable;
    }

    @Override
    public boolean reachable() {
        return reachable.getAsBoolean();
    }

    @Override
    public boolean isCell() {
        return true;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<ServerRow> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM instance_view WHERE instance_id = ? AND deleted_at IS NULL",
                ROW, id).stream().findFirst();
    }

    @Override
    public Optional<ServerRow> findAny(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM instance_view WHERE instance_id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public List<ServerRow> page(ServerQuery query, ServerRow after, int limit) {
        return SqlPaging.page(jdbc, VIEW, ROW, query, after, limit);
    }

    @Override
    public Set<String> knownAmong(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT instance_id FROM instance_view WHERE instance_id IN ("
                + placeholders + ")", String.class, ids.toArray()));
    }

    private static ServerRow row(ResultSet rs, int rowNum) throws SQLException {
        Integer faultCode = (Integer) rs.getObject("fault_code");
        Fault fault = faultCode == null ? null : new Fault(faultCode, rs.getString("fault_message"),
                rs.getString("fault_details"), instant(rs.getTimestamp("fault_created")));
        return new ServerRow(rs.getString("instance_id"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), rs.getString("cell"), rs.getString("host"), rs.getString("flavor_id"),
                rs.getString("image_id"), JsonText.read(rs.getString("metadata")), rs.getString("vm_state"),
                rs.getString("task_state"), rs.getInt("power_state"), fault, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("launched_at")),
                instant(rs.getTimestamp("deleted_at")), false, false);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
