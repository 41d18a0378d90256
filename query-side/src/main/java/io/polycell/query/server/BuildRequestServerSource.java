package io.polycell.query.server;

import io.polycell.messages.instance.TaskState;
import io.polycell.messages.listing.ServerField;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.instance.VmState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Servers not yet listed by a cell, read from the API tier's {@code build_request_view}; all BUILD. A
 * row whose instance is already mapped names its cell, so the listing can tell when the cell took over.
 */
public final class BuildRequestServerSource implements ServerSource {

    private static final String COLUMNS = "instance_id, name, project_id, user_id, flavor_id, image_id, metadata, "
            + "created_at, mapped_cell";
    private static final RowMapper<ServerRow> ROW = BuildRequestServerSource::row;
    /**
     * What a build request shows for the fields it has no column for, as {@link #row} renders it; the
     * constants are cast, since PostgreSQL reads a bare constant in ORDER BY as a column position.
     */
    private static final ViewColumns VIEW = new ViewColumns(
            "SELECT " + COLUMNS + " FROM build_request_view WHERE TRUE",
            Map.ofEntries(Map.entry(ServerField.ID, "instance_id"), Map.entry(ServerField.NAME, "name"),
                    Map.entry(ServerField.PROJECT_ID, "project_id"), Map.entry(ServerField.USER_ID, "user_id"),
                    Map.entry(ServerField.HOST, "CAST(NULL AS VARCHAR)"), Map.entry(ServerField.FLAVOR_ID, "flavor_id"),
                    Map.entry(ServerField.IMAGE_ID, "image_id"),
                    Map.entry(ServerField.VM_STATE, "CAST('" + VmState.BUILDING.apiName() + "' AS VARCHAR)"),
                    Map.entry(ServerField.TASK_STATE, "CAST('" + TaskState.SCHEDULING.apiName() + "' AS VARCHAR)"),
                    Map.entry(ServerField.POWER_STATE, "CAST(0 AS INTEGER)"), Map.entry(ServerField.CREATED_AT, "created_at"),
                    Map.entry(ServerField.UPDATED_AT, "created_at"),
                    Map.entry(ServerField.LAUNCHED_AT, "CAST(NULL AS TIMESTAMPTZ)"),
                    Map.entry(ServerField.DELETED_AT, "CAST(NULL AS TIMESTAMPTZ)")));

    private final JdbcTemplate jdbc;

    public BuildRequestServerSource(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public Optional<ServerRow> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM build_request_view WHERE instance_id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public List<ServerRow> page(ServerQuery query, ServerRow after, int limit) {
        return SqlPaging.page(jdbc, VIEW, ROW, query, after, limit);
    }

    private static ServerRow row(ResultSet rs, int rowNum) throws SQLException {
        var created = CellServerSource.instant(rs.getTimestamp("created_at"));
        return new ServerRow(rs.getString("instance_id"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), rs.getString("mapped_cell"), null, rs.getString("flavor_id"),
                rs.getString("image_id"),
                JsonText.read(rs.getString("metadata")), VmState.BUILDING.apiName(), TaskState.SCHEDULING.apiName(), 0,
                null, created, created, null, null, true, false);
    }
}
