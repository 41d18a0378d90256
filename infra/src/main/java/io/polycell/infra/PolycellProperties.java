package io.polycell.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default's settings ({@code polycell.*}): where data lives, and each cell's hosts.
 *
 * @param dataDir where the embedded PostgreSQL keeps its data, across restarts
 * @param postgresPort the embedded PostgreSQL's port; 0 picks a free one
 * @param cells the cells with hosts, by name; cell0 always exists and has none
 * @param agent how the compute agents run their periodic tasks
 */
@ConfigurationProperties("polycell")
public record PolycellProperties(Path dataDir, int postgresPort, Map<String, CellProperties> cells,
                                 AgentProperties agent) {

    public PolycellProperties {
        agent = agent == null ? new AgentProperties(null, null) : agent;
        dataDir = dataDir == null ? Path.of(System.getProperty("user.home"), ".polycell") : dataDir;
        cells = cells == null || cells.isEmpty() ? defaultCells() : new LinkedHashMap<>(cells);
        if (cells.containsKey("cell0") || cells.containsKey("api")) {
            throw new IllegalArgumentException("polycell.cells must not name cell0 or api: they are built in");
        }
    }

    /**
     * One cell's compute hosts, all alike, on the fake driver.
     *
     * @param hosts how many hosts the cell has
     * @param vcpus each host's vCPUs
     * @param ramMb each host's RAM in MB
     * @param diskGb each host's disk in GB
     * @param spawnDelay how long the fake driver takes to spawn a guest
     */
    public record CellProperties(int hosts, int vcpus, int ramMb, int diskGb, Duration spawnDelay) {

        public CellProperties {
            spawnDelay = spawnDelay == null ? Duration.ZERO : spawnDelay;
            if (hosts < 0 || vcpus <= 0 || ramMb <= 0 || diskGb <= 0) {
                throw new IllegalArgumentException("A cell needs 0 or more hosts with positive vcpus, ram-mb and disk-gb");
            }
        }
    }

    /**
     * The agents' periodic tasks.
     *
     * @param heartbeatInterval how often an agent tells its cell it is alive (default 10 s)
     * @param syncInterval how often it compares its guests with its host's claims (default 30 s)
     */
    public record AgentProperties(Duration heartbeatInterval, Duration syncInterval) {

        public AgentProperties {
            heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
            syncInterval = syncInterval == null ? Duration.ofSeconds(30) : syncInterval;
        }
    }

    private static Map<String, CellProperties> defaultCells() {
        Map<String, CellProperties> cells = new LinkedHashMap<>();
        cells.put("cell1", new CellProperties(4, 64, 262144, 4000, Duration.ZERO));
        cells.put("cell2", new CellProperties(4, 64, 262144, 4000, Duration.ZERO));
        return cells;
    }
}
