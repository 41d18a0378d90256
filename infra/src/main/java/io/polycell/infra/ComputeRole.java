package io.polycell.infra;

import ch.qos.logback.classic.Level;
import io.polycell.compute.agent.AgentSettings;
import io.polycell.compute.agent.ComputeAgent;
import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.driver.DriverException;
import io.polycell.compute.link.HttpCellLink;
import io.polycell.infra.PolycellProperties.AllocationProperties;
import io.polycell.infra.PolycellProperties.CellProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compute agent as its own process: {@code --role=compute --host=NAME --cell=NAME}. It starts no
 * database, no store and no web server: it builds its driver, links to its cell over HTTP and runs
 * until it is stopped. Options: {@code --cell-url} (default http://127.0.0.1:8774), {@code --agent-token}
 * (or the environment variable POLYCELL_AGENT_TOKEN), {@code --driver} fake|libvirt, {@code --vcpus},
 * {@code --ram-mb}, {@code --disk-gb}, {@code --traits} (the fake driver's, comma-separated),
 * {@code --libvirt-uri}, {@code --libvirt-domain-type},
 * {@code --data-dir}, {@code --heartbeat-interval}, {@code --sync-interval} (ISO-8601 or like 10s),
 * and Nova's {@code --cpu-allocation-ratio}, {@code --ram-allocation-ratio}, {@code --disk-allocation-ratio},
 * {@code --reserved-host-cpus}, {@code --reserved-host-memory-mb}, {@code --reserved-host-disk-gb}.
 */
public final class ComputeRole {

    private static final Logger log = LoggerFactory.getLogger(ComputeRole.class);

    private ComputeRole() {
    }

    public static void main(String[] args) {
        quietLibraries();
        Map<String, String> options = parse(args);
        try {
            run(options);
        } catch (DriverException | IllegalArgumentException | IllegalStateException e) {
            log.error("The compute agent cannot start: {}", e.getMessage());
            System.exit(1);
        }
    }

    private static void run(Map<String, String> options) {
        String host = required(options, "host");
        String cell = required(options, "cell");
        String token = options.getOrDefault("agent-token", System.getenv("POLYCELL_AGENT_TOKEN"));
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--agent-token (or POLYCELL_AGENT_TOKEN) is required: the cell's "
                    + "polycell.agent-link.token");
        }
        CellProperties settings = new CellProperties(1, integer(options, "vcpus"), integer(options, "ram-mb"),
                integer(options, "disk-gb"), null, options.get("driver"), options.get("libvirt-uri"),
                options.get("libvirt-domain-type"), new AllocationProperties(decimal(options, "cpu-allocation-ratio"),
                decimal(options, "ram-allocation-ratio"), decimal(options, "disk-allocation-ratio"),
                integer(options, "reserved-host-cpus"), integer(options, "reserved-host-memory-mb"),
                integer(options, "reserved-host-disk-gb")), list(options, "traits"), null);
        Path dataDir = Path.of(options.getOrDefault("data-dir",
                Path.of(System.getProperty("user.home"), ".polycell", "agent-" + host).toString()));
        ComputeDriver driver = new HostDrivers(dataDir).create(host, settings);
        HttpCellLink link = new HttpCellLink(URI.create(options.getOrDefault("cell-url", "http://127.0.0.1:8774")),
                cell, host, token).connect();
        ComputeAgent agent = new ComputeAgent(host, cell, driver, link, new AgentSettings(2,
                duration(options, "heartbeat-interval", Duration.ofSeconds(10)),
                duration(options, "sync-interval", Duration.ofSeconds(30)), 10, settings.allocation().policy()));
        agent.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Compute agent for host {} is stopping", host);
            agent.close();
            link.close();
            if (driver instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("The {} driver did not close cleanly: {}", driver.name(), e.getMessage());
                }
            }
            stopped.countDown();
        }, "agent-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Without Spring Boot nobody configures logging: say what the agent does, not what libraries do. */
    private static void quietLibraries() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.axonframework")).setLevel(Level.WARN);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options look like --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Integer integer(Map<String, String> options, String name) {
        return options.containsKey(name) ? Integer.valueOf(options.get(name)) : null;
    }

    /** A comma-separated option, such as {@code --traits=HW_CPU_X86_AVX2,CUSTOM_GPU}. */
    private static List<String> list(Map<String, String> options, String name) {
        return options.containsKey(name) ? List.of(options.get(name).split(",")) : null;
    }

    private static Double decimal(Map<String, String> options, String name) {
        return options.containsKey(name) ? Double.valueOf(options.get(name)) : null;
    }

    private static Duration duration(Map<String, String> options, String name, Duration fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.parse(value);
    }
}
