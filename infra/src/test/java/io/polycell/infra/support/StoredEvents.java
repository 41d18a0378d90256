package io.polycell.infra.support;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the stores recorded, read from their event tables: for the checks no API answers, such as
 * which way a server went or what a host's aggregate accepted at every step.
 */
public final class StoredEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredEvents() {
    }

    /** The aggregates among {@code ids} that have an event of {@code type} in {@code store}. */
    public static Set<String> aggregatesWith(RunningPolycell polycell, String store, Class<?> type,
                                             Collection<String> ids) {
        return new HashSet<>(polycell.system().store(store).jdbc().queryForList("SELECT DISTINCT aggregateidentifier "
                        + "FROM domainevententry WHERE payloadtype = ? AND aggregateidentifier = ANY (?)", String.class,
                type.getName(), ids.toArray(String[]::new)));
    }

    /** How many events of {@code type} the store holds for the aggregate {@code id}. */
    public static long count(RunningPolycell polycell, String store, Class<?> type, String id) {
        return polycell.system().store(store).jdbc().queryForObject("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = ? AND aggregateidentifier = ?", Long.class, type.getName(), id);
    }

    /** The aggregate's events of the given types, in the order it applied them, read back as their records. */
    public static List<Object> of(RunningPolycell polycell, String store, String id, Class<?>... types) {
        List<String> names = Stream.of(types).map(Class::getName).toList();
        return polycell.system().store(store).jdbc().query("SELECT payloadtype, payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype = ANY (?) ORDER BY sequencenumber",
                (row, i) -> JSON.readValue(row.getBytes(2), type(types, row.getString(1))), id,
                names.toArray(String[]::new));
    }

    private static Class<?> type(Class<?>[] types, String name) {
        return Stream.of(types).filter(type -> type.getName().equals(name)).findFirst().orElseThrow();
    }
}
