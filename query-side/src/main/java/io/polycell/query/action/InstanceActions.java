package io.polycell.query.action;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the instance actions of a server from its cell's view. */
public final class InstanceActions {

    private final Map<String, JdbcTemplate> cells;

    public InstanceActions(Map<String, JdbcTemplate> cells) {
        this.cells = Map.copyOf(cells);
    }

    /** The server's actions, newest first, without their events. */
    public List<InstanceActionRecord> list(String cell, String instanceId) {
        return jdbc(cell).query("SELECT * FROM instance_action WHERE instance_id = ? ORDER BY start_time DESC, "
                + "request_id DESC", (rs, n) -> action(rs, List.of()), instanceId);
    }

    /** One action of the server with its events. */
    public Optional<InstanceActionRecord> find(String cell, String instanceId, String requestId) {
        JdbcTemplate jdbc = jdbc(cell);
        List<InstanceActionRecord.Event> events = jdbc.query("SELECT * FROM instance_action_event WHERE request_id = ? "
                + "ORDER BY start_time", (rs, n) -> new InstanceActionRecord.Event(rs.getString("event"),
                instant(rs.getTimestamp("start_time")), instant(rs.getTimestamp("finish_time")), rs.getString("result"),
                rs.getString("traceback")), requestId);
        return jdbc.query("SELECT * FROM instance_action WHERE instance_id = ? AND request_id = ?",
                (rs, n) -> action(rs, events), instanceId, requestId).stream().findFirst();
    }

    private JdbcTemplate jdbc(String cell) {
        JdbcTemplate jdbc = cells.get(cell);
        if (jdbc == null) {
            throw new IllegalArgumentException("Unknown cell " + cell);
        }
        return jdbc;
    }

    private static InstanceActionRecord action(ResultSet rs, List<InstanceActionRecord.Event> events)
            throws SQLException {
        return new InstanceActionRecord(rs.getString("request_id"), rs.getString("instance_id"), rs.getString("action"),
                rs.getString("user_id"), rs.getString("project_id"), instant(rs.getTimestamp("start_time")),
                rs.getString("message"), events);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
