package io.polycell.query.host;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostServiceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the compute hosts of every cell from the cells' {@code host_view}s, cell after cell in the
 * order the cells were given, each cell's hosts in the order they registered: the order Nova lists
 * services and hypervisors across cells in.
 */
public final class HostListing {

    private static final Logger log = LoggerFactory.getLogger(HostListing.class);
    private static final String SELECT = "SELECT * FROM host_view ";

    private final Map<String, JdbcTemplate> cells;
    private final Map<String, HypervisorType> hypervisors;
    private final Predicate<String> answering;

    /**
     * @param cells each cell's database, in listing order
     * @param hypervisors each cell's hypervisor; a cell not named runs the fake driver
     * @param answering whether a cell's database answered its last probe; one that did not is not
     *                  asked, so a listing does not wait out the connection pool's timeout
     */
    public HostListing(Map<String, JdbcTemplate> cells, Map<String, HypervisorType> hypervisors,
                       Predicate<String> answering) {
        this.cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        this.hypervisors = Map.copyOf(hypervisors);
        this.answering = answering;
    }

    /**
     * Every cell's hosts. A cell whose database does not answer is left out, as Nova leaves out a cell
     * that does not respond: the other cells' hosts are still worth seeing.
     */
    public List<HostRecord> all() {
        List<HostRecord> hosts = new ArrayList<>();
        cells.forEach((cell, jdbc) -> hosts.addAll(read(cell, jdbc, "ORDER BY service_id")));
        return hosts;
    }

    /** The host whose compute service has this UUID. */
    public Optional<HostRecord> byServiceUuid(UUID serviceUuid) {
        return first("WHERE service_uuid = ?", serviceUuid);
    }

    /** The host whose hypervisor has this UUID. */
    public Optional<HostRecord> byComputeUuid(UUID computeUuid) {
        return first("WHERE compute_uuid = ?", computeUuid);
    }

    /**
     * The host with this numeric id. Numeric ids are unique only within a cell, as in Nova: the first
     * cell that has the id answers, which is why 2.53 moved to UUIDs.
     */
    public Optional<HostRecord> byNumericId(int id) {
        return first("WHERE service_id = ?", id);
    }

    private Optional<HostRecord> first(String where, Object key) {
        for (Map.Entry<String, JdbcTemplate> cell : cells.entrySet()) {
            List<HostRecord> found = read(cell.getKey(), cell.getValue(), where, key);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private List<HostRecord> read(String cell, JdbcTemplate jdbc, String clause, Object... arguments) {
        if (!answering.test(cell)) {
            return List.of();
        }
        try {
            return jdbc.query(SELECT + clause, this::host, arguments);
        } catch (DataAccessException unreadable) {
            log.warn("Cell {} left out of the host listing: its database did not answer ({})", cell,
                    unreadable.getMostSpecificCause().getMessage());
            return List.of();
        }
    }

    private HostRecord host(ResultSet rs, int row) throws SQLException {
        String cell = rs.getString("cell");
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        HostServiceStatus service = new HostServiceStatus(rs.getString("host"), cell, rs.getBoolean("disabled"),
                rs.getString("disabled_reason"), rs.getBoolean("forced_down"), !rs.getBoolean("up"),
                updatedAt.toInstant());
        return new HostRecord(rs.getInt("service_id"), rs.getObject("service_uuid", UUID.class),
                rs.getObject("compute_uuid", UUID.class), service,
                new Resources(rs.getInt("vcpus"), rs.getInt("memory_mb"), rs.getInt("local_gb")),
                new Resources(rs.getInt("vcpus_used"), rs.getInt("memory_mb_used"), rs.getInt("local_gb_used")),
                rs.getInt("running_vms"), hypervisors.getOrDefault(cell, HypervisorType.FAKE));
    }
}
