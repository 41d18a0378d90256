package io.polycell.query.server;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** One page of a server view in the default order: project isolation and the keyset cursor in SQL. */
final class SqlPaging {

    private SqlPaging() {
    }

    /**
     * Up to {@code limit} rows of {@code select} (which ends in a WHERE clause) of {@code projectId}
     * (every project when null) after {@code cursor}, ordered by created_at desc, instance_id desc.
     */
    static List<ServerRow> page(JdbcTemplate jdbc, String select, RowMapper<ServerRow> rows, String projectId,
                                ListingCursor cursor, int limit) {
        StringBuilder sql = new StringBuilder(select);
        List<Object> args = new ArrayList<>();
        if (projectId != null) {
            sql.append(" AND project_id = ?");
            args.add(projectId);
        }
        if (cursor != null) {
            sql.append(" AND (created_at, instance_id) < (?, ?)");
            args.add(Timestamp.from(cursor.createdAt()));
            args.add(cursor.id());
        }
        sql.append(" ORDER BY created_at DESC, instance_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }
}
