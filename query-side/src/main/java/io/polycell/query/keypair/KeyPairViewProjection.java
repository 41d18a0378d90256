package io.polycell.query.keypair;

import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import io.polycell.messages.keypair.KeyPairType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Users' key pairs ({@code key_pair_view}) from the API tier's key pair events. It runs in a
 * subscribing processor, in the transaction of the command that creates or deletes a key pair, so a
 * key pair is listed as soon as its creation answers and gone as soon as its deletion does, as in
 * Nova; like the build request view, it is rebuilt only by replaying the API store offline.
 */
@ProcessingGroup(KeyPairViewProjection.GROUP)
public final class KeyPairViewProjection {

    public static final String GROUP = "key-pair-view";
    private static final RowMapper<KeyPairRow> ROW = (rs, n) -> new KeyPairRow(rs.getLong("id"),
            rs.getString("user_id"), rs.getString("name"), KeyPairType.valueOf(rs.getString("type")),
            rs.getString("public_key"), rs.getString("fingerprint"), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public KeyPairViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(KeyPairCreated event, @Timestamp Instant at) {
        jdbc.update("INSERT INTO key_pair_view (key_pair_id, user_id, name, type, public_key, fingerprint, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_pair_id) DO NOTHING", event.keyPairId(),
                event.userId(), event.name(), event.type().name(), event.publicKey(), event.fingerprint(),
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(KeyPairDeleted event) {
        jdbc.update("DELETE FROM key_pair_view WHERE key_pair_id = ?", event.keyPairId());
    }

    public Optional<KeyPairRow> find(String userId, String name) {
        return jdbc.query("SELECT * FROM key_pair_view WHERE user_id = ? AND name = ?", ROW, userId, name).stream()
                .findFirst();
    }

    /**
     * A page of a user's key pairs by name, as Nova pages them: after the key pair named
     * {@code marker} (null for the first page), at most {@code limit}.
     */
    public List<KeyPairRow> ofUser(String userId, String marker, int limit) {
        if (marker == null) {
            return jdbc.query("SELECT * FROM key_pair_view WHERE user_id = ? ORDER BY name LIMIT ?", ROW, userId,
                    limit);
        }
        return jdbc.query("SELECT * FROM key_pair_view WHERE user_id = ? AND name > ? ORDER BY name LIMIT ?", ROW,
                userId, marker, limit);
    }
}
