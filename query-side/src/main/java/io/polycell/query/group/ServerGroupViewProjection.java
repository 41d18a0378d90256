package io.polycell.query.group;

import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupMemberPlaced;
import io.polycell.messages.group.ServerGroupMemberRemoved;
import io.polycell.messages.group.ServerGroupPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Server groups ({@code server_group_view}) from the API tier's group events. The one rule Nova knows
 * has its own column rather than a JSON map: a new rule means a new column and a new event revision.
 */
@ProcessingGroup(ServerGroupViewProjection.GROUP)
public final class ServerGroupViewProjection {

    public static final String GROUP = "server-group-view";
    private static final String MAX_SERVER_PER_HOST = "max_server_per_host";
    private static final RowMapper<ServerGroupRow> ROW = (rs, n) -> {
        int max = rs.getInt(MAX_SERVER_PER_HOST);
        Map<String, Integer> rules = rs.wasNull() ? Map.of() : Map.of(MAX_SERVER_PER_HOST, max);
        return new ServerGroupRow(rs.getString("group_id"), rs.getString("name"),
                ServerGroupPolicy.valueOf(rs.getString("policy")), rules, rs.getString("project_id"),
                rs.getString("user_id"), rs.getTimestamp("created_at").toInstant());
    };

    private final JdbcTemplate jdbc;

    public ServerGroupViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ServerGroupCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO server_group_view (group_id, name, policy, max_server_per_host, project_id, user_id, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (group_id) DO NOTHING",
                event.groupId(), event.name(), event.policy().name(), event.rules().get(MAX_SERVER_PER_HOST),
                event.projectId(), event.userId(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(ServerGroupDeleted event) {
        jdbc.update("DELETE FROM server_group_view WHERE group_id = ?", event.groupId());
        jdbc.update("DELETE FROM server_group_member_view WHERE group_id = ?", event.groupId());
    }

    @EventHandler
    void on(ServerGroupMemberPlaced event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO server_group_member_view (group_id, instance_id, placed_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING", event.groupId(), event.instanceId(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(ServerGroupMemberRemoved event) {
        jdbc.update("DELETE FROM server_group_member_view WHERE group_id = ? AND instance_id = ?", event.groupId(),
                event.instanceId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM server_group_view");
        jdbc.update("DELETE FROM server_group_member_view");
    }

    /** A group's members (instance ids), in the order they were placed. */
    public List<String> members(String groupId) {
        return jdbc.queryForList("SELECT instance_id FROM server_group_member_view WHERE group_id = ? "
                + "ORDER BY placed_at, instance_id", String.class, groupId);
    }

    /** A project's groups, oldest first as Nova lists them. */
    public List<ServerGroupRow> ofProject(String projectId) {
        return jdbc.query("SELECT * FROM server_group_view WHERE project_id = ? ORDER BY created_at, group_id", ROW,
                projectId);
    }

    /** Every project's groups, for admins who ask for all projects. */
    public List<ServerGroupRow> all() {
        return jdbc.query("SELECT * FROM server_group_view ORDER BY created_at, group_id", ROW);
    }

    public Optional<ServerGroupRow> find(String groupId) {
        return jdbc.query("SELECT * FROM server_group_view WHERE group_id = ?", ROW, groupId).stream().findFirst();
    }
}
