package io.polycell.query.server;

import io.polycell.messages.common.Fault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** A cell's live instances, read from its {@code instance_view}. */
public final class CellServerSource implements ServerSource {

    private static final String COLUMNS = "instance_id, name, project_id, user_id, cell, host, flavor_id, image_id, "
            + "metadata, vm_state, task_state, power_state, fault_code, fault_message, fault_details, fault_created, "
            + "created_at, updated_at, launched_at";
    private static final RowMapper<ServerRow> ROW = CellServerSource::row;

    private final String name;
    private final JdbcTemplate jdbc;

    public CellServerSource(String name, JdbcTemplate jdbc) {
        this.name = name;
        this.jdbc = jdbc;
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
    public List<ServerRow> page(String projectId, ListingCursor cursor, int limit) {
        return SqlPaging.page(jdbc, "SELECT " + COLUMNS + " FROM instance_view WHERE deleted_at IS NULL", ROW, projectId, cursor,
                limit);
    }

    @Override
    public boolean knows(String id) {
        return !jdbc.queryForList("SELECT 1 FROM instance_view WHERE instance_id = ?", id).isEmpty();
    }

    private static ServerRow row(ResultSet rs, int rowNum) throws SQLException {
        Integer faultCode = (Integer) rs.getObject("fault_code");
        Fault fault = faultCode == null ? null : new Fault(faultCode, rs.getString("fault_message"),
                rs.getString("fault_details"), instant(rs.getTimestamp("fault_created")));
        return new ServerRow(rs.getString("instance_id"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), rs.getString("cell"), rs.getString("host"), rs.getString("flavor_id"),
                rs.getString("image_id"), JsonText.read(rs.getString("metadata")), rs.getString("vm_state"),
                rs.getString("task_state"), rs.getInt("power_state"), fault, instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("launched_at")), false);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
