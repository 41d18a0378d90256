package io.polycell.query.server;

import io.polycell.messages.listing.Deletion;
import io.polycell.messages.listing.ServerQuery;
import io.polycell.messages.listing.SortKey;
import io.polycell.messages.listing.ServerField;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One page of a server view for a listing: every filter, the order and the keyset position after the
 * marker in SQL, so each store returns only its share of the page. Text columns use the "C" collation
 * (code point order), as the search index and the merge compare them.
 */
final class SqlPaging {

    private SqlPaging() {
    }

    /** Up to {@code limit} rows of {@code view} that {@code query} selects, after {@code after} when given. */
    static List<ServerRow> page(JdbcTemplate jdbc, ViewColumns view, RowMapper<ServerRow> rows, ServerQuery query,
                                ServerRow after, int limit) {
        StringBuilder sql = new StringBuilder(view.select());
        List<Object> args = new ArrayList<>();
        equal(sql, args, view.of(ServerField.PROJECT_ID), query.projectId());
        equal(sql, args, view.of(ServerField.USER_ID), query.userId());
        equal(sql, args, view.of(ServerField.FLAVOR_ID), query.flavorId());
        equal(sql, args, view.of(ServerField.IMAGE_ID), query.imageId());
        equal(sql, args, view.of(ServerField.HOST), query.host());
        if (query.namePattern() != null) {
            sql.append(" AND ").append(view.of(ServerField.NAME)).append(" ~* ?");
            args.add(query.namePattern());
        }
        if (!query.statuses().isEmpty()) {
            StringJoiner any = new StringJoiner(" OR ", " AND (", ")");
            query.statuses().stream().sorted().forEach(status -> any.add(status(view, status, args)));
            sql.append(any);
        }
        if (query.changesSince() != null) {
            sql.append(" AND ").append(view.of(ServerField.UPDATED_AT)).append(" >= ?");
            args.add(Timestamp.from(query.changesSince()));
        }
        if (query.deletion() == Deletion.LIVE) {
            sql.append(" AND ").append(view.of(ServerField.DELETED_AT)).append(" IS NULL");
        } else if (query.deletion() == Deletion.DELETED) {
            sql.append(" AND ").append(view.of(ServerField.DELETED_AT)).append(" IS NOT NULL");
        }
        if (after != null) {
            sql.append(" AND ").append(after(view, query.order(), after, args));
        }
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey key : query.order()) {
            order.add(view.sortable(key.field()) + (key.descending() ? " DESC" : " ASC"));
        }
        sql.append(order).append(" LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), rows, args.toArray());
    }

    private static void equal(StringBuilder sql, List<Object> args, String expression, String value) {
        if (value != null) {
            sql.append(" AND ").append(expression).append(" = ?");
            args.add(value);
        }
    }

    /** The rows showing {@code status}: a task showing it, or a vm state showing it with no task of its own. */
    private static String status(ViewColumns view, String status, List<Object> args) {
        String task = view.of(ServerField.TASK_STATE);
        String vm = view.of(ServerField.VM_STATE);
        List<String> tasks = ServerStatuses.tasksShowing(status);
        List<String> vmStates = ServerStatuses.vmStatesShowing(status);
        List<String> ownStatus = ServerStatuses.tasksWithAStatus();
        StringJoiner either = new StringJoiner(" OR ", "(", ")");
        either.add("FALSE");
        if (!tasks.isEmpty()) {
            either.add(task + " IN (" + placeholders(tasks, args) + ")");
        }
        if (!vmStates.isEmpty()) {
            either.add("(" + vm + " IN (" + placeholders(vmStates, args) + ") AND (" + task + " IS NULL OR " + task
                    + " NOT IN (" + placeholders(ownStatus, args) + ")))");
        }
        return either.toString();
    }

    private static String placeholders(List<String> values, List<Object> args) {
        args.addAll(values);
        return String.join(", ", values.stream().map(value -> "?").toList());
    }

    /**
     * The keyset position after {@code marker}: rows equal on the first keys and past it on the next,
     * for some key. The last key is the id, so no row is both before and after.
     */
    private static String after(ViewColumns view, List<SortKey> order, ServerRow marker, List<Object> args) {
        boolean oneDirection = order.stream().allMatch(key -> key.descending() == order.get(0).descending());
        if (oneDirection && order.stream().noneMatch(key -> key.field().mayBeMissing())) {
            // A row comparison, which an index on the same columns answers (the default order's case).
            StringJoiner columns = new StringJoiner(", ", "(", ")");
            StringJoiner values = new StringJoiner(", ", "(", ")");
            for (SortKey key : order) {
                columns.add(view.of(key.field()));
                values.add("?");
                args.add(sqlValue(RowOrder.value(marker, key.field())));
            }
            return columns + (order.get(0).descending() ? " < " : " > ") + values;
        }
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i < order.size(); i++) {
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j <= i; j++) {
                SortKey key = order.get(j);
                String op = j < i ? " = ?" : key.descending() ? " < ?" : " > ?";
                all.add(view.sortable(key.field()) + op);
                args.add(sqlValue(RowOrder.value(marker, key.field())));
            }
            any.add(all.toString());
        }
        return any.toString();
    }

    private static Object sqlValue(Comparable<?> value) {
        return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }
}
