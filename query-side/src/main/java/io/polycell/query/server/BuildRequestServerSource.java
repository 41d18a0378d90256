package io.polycell.query.server;

import io.polycell.messages.instance.TaskState;
import io.polycell.messages.instance.VmState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
    public List<ServerRow> page(String projectId, ListingCursor cursor, int limit) {
        return SqlPaging.page(jdbc, "SELECT " + COLUMNS + " FROM build_request_view WHERE TRUE", ROW, projectId, cursor,
                limit);
    }

    private static ServerRow row(ResultSet rs, int rowNum) throws SQLException {
        var created = CellServerSource.instant(rs.getTimestamp("created_at"));
        return new ServerRow(rs.getString("instance_id"), rs.getString("name"), rs.getString("project_id"),
                rs.getString("user_id"), rs.getString("mapped_cell"), null, rs.getString("flavor_id"),
                rs.getString("image_id"),
                JsonText.read(rs.getString("metadata")), VmState.BUILDING.apiName(), TaskState.SCHEDULING.apiName(), 0,
                null, created, created, null, true);
    }
}
