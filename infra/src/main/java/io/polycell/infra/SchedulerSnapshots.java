package io.polycell.infra;

import io.polycell.scheduler.HostStatesSnapshot;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Snapshots of a scheduler replica's host states in the API database ({@code scheduler_snapshot}),
 * each with the streams' position it was taken at. A snapshot is only a shortcut: one that cannot be
 * read (written by another version, say) is skipped and the replica replays from the beginning.
 */
public final class SchedulerSnapshots {

    /** How many snapshots are kept; older ones are deleted when a new one is written. */
    private static final int KEPT = 2;
    private static final Logger log = LoggerFactory.getLogger(SchedulerSnapshots.class);

    /** A snapshot read back, with the position to resume the streams from. */
    public record Restored(HostStatesSnapshot states, TrackingToken position, long events) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;

    public SchedulerSnapshots(JdbcTemplate jdbc, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    /** Writes a snapshot taken after {@code events} events, at {@code position}, and drops the oldest. */
    public void save(HostStatesSnapshot states, TrackingToken position, long events) {
        long start = System.nanoTime();
        SerializedObject<byte[]> token = serializer.serialize(position, byte[].class);
        SerializedObject<byte[]> state = serializer.serialize(states, byte[].class);
        jdbc.update("INSERT INTO scheduler_snapshot (taken_at, events, token_type, token, state_type, state) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", Timestamp.from(clock.instant()), events,
                token.getType().getName(), token.getData(), state.getType().getName(), state.getData());
        jdbc.update("DELETE FROM scheduler_snapshot WHERE id NOT IN "
                + "(SELECT id FROM scheduler_snapshot ORDER BY id DESC LIMIT ?)", KEPT);
        log.info("Saved a snapshot of the scheduler's host states: {} hosts after {} events, {} KB, in {} ms",
                states.hosts().size(), events, state.getData().length / 1024, (System.nanoTime() - start) / 1_000_000);
    }

    /** The newest snapshot that can be read, if any. */
    public Optional<Restored> latest() {
        List<Restored> newest = jdbc.query("SELECT events, token_type, token, state_type, state "
                + "FROM scheduler_snapshot ORDER BY id DESC LIMIT ?", (rs, n) -> {
                    try {
                        TrackingToken position = serializer.deserialize(new SimpleSerializedObject<>(
                                rs.getBytes("token"), byte[].class, new SimpleSerializedType(rs.getString("token_type"),
                                null)));
                        HostStatesSnapshot states = serializer.deserialize(new SimpleSerializedObject<>(
                                rs.getBytes("state"), byte[].class, new SimpleSerializedType(rs.getString("state_type"),
                                null)));
                        return new Restored(states, position, rs.getLong("events"));
                    } catch (RuntimeException unreadable) {
                        log.warn("A scheduler snapshot cannot be read ({}); trying an older one, else replaying "
                                + "every event", unreadable.getMessage());
                        return null;
                    }
                }, KEPT);
        return newest.stream().filter(Objects::nonNull).findFirst();
    }
}
