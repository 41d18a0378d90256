package io.polycell.infra.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knows, within a couple of seconds, which stores' databases answer: it opens a fresh connection to
 * each every {@link #EVERY} (outside the pools, whose waits for a connection are long) and keeps the
 * outcome. A listing asks it before reading a cell's view, so a cell whose database refuses connections
 * costs the listing nothing: its servers come from the search index instead.
 */
public final class StoreProbe implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreProbe.class);
    static final Duration EVERY = Duration.ofSeconds(1);
    private static final int TIMEOUT_SECONDS = 2;

    private final Map<String, String> urls;
    private final String user;
    private final Map<String, Boolean> answering = new ConcurrentHashMap<>();
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "store-probe");
        thread.setDaemon(true);
        return thread;
    });

    /** Probes the stores whose JDBC URLs {@code urls} holds by name. */
    public StoreProbe(Map<String, String> urls, String user) {
        this.urls = Map.copyOf(urls);
        this.user = user;
        urls.keySet().forEach(name -> answering.put(name, true));
        probes.scheduleWithFixedDelay(this::probeAll, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the store answered its last probe (true until a probe says otherwise). */
    public boolean answers(String store) {
        return answering.getOrDefault(store, true);
    }

    /** Every probed store and whether it answers, for the health document. */
    public Map<String, Boolean> states() {
        return Map.copyOf(answering);
    }

    private void probeAll() {
        urls.forEach((name, url) -> {
            String failure = probe(url);
            boolean answers = failure == null;
            Boolean before = answering.put(name, answers);
            if (before != null && before && !answers) {
                log.warn("The database of store {} does not answer: {}", name, failure);
            } else if (before != null && !before && answers) {
                log.info("The database of store {} answers again", name);
            }
        });
    }

    private String probe(String url) {
        Properties settings = new Properties();
        settings.setProperty("user", user);
        settings.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        settings.setProperty("socketTimeout", String.valueOf(TIMEOUT_SECONDS));
        settings.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        try (Connection connection = DriverManager.getConnection(url, settings)) {
            return connection.isValid(TIMEOUT_SECONDS) ? null : "the connection is not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
