package io.polycell.query.server;

import java.sql.Timestamp;
import java.util.List;

/** The WHERE clauses every server view shares: project isolation and the keyset cursor. */
final class SqlPaging {

    private SqlPaging() {
    }

    static void restrict(StringBuilder sql, List<Object> args, String projectId, ListingCursor cursor) {
        if (projectId != null) {
            sql.append(" AND project_id = ?");
            args.add(projectId);
        }
        if (cursor != null) {
            sql.append(" AND (created_at, instance_id) < (?, ?)");
            args.add(Timestamp.from(cursor.createdAt()));
            args.add(cursor.id());
        }
    }
}
