package io.polycell.infra.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.polycell.infra.PolycellProperties.SearchProperties;
import io.polycell.search.node.EmbeddedSearchNode;
import io.polycell.searchlight.cluster.SearchClients;
import io.polycell.searchlight.cluster.SearchClusterSettings;
import io.polycell.searchlight.index.IndexRebuild;
import io.polycell.searchlight.index.SearchIndexFeed;
import io.polycell.searchlight.index.ServerIndex;
import io.polycell.searchlight.index.ServerIndexer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index in the embedded default: the Elasticsearch node it starts (unless an external
 * cluster is configured), the client, the servers index and the indexer's feed, whose position is kept
 * in the API store's token store next to the other processors' and so survives restarts. The node
 * starts alongside PostgreSQL and the cells; the indexer starts once the stores are up. When the cluster
 * does not answer at start, Polycell starts without it and sets the index up as soon as it does.
 */
public final class SearchRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchRuntime.class);
    private static final int BATCH = 500;
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Duration REBUILD_TIMEOUT = Duration.ofHours(6);

    private final SearchProperties properties;
    private final Clock clock;
    private final CompletableFuture<EmbeddedSearchNode> node;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "search-index");
        thread.setDaemon(true);
        return thread;
    });
    private ElasticsearchClient client;
    private ServerIndex index;
    private volatile SearchIndexFeed feed;
    private volatile Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams;
    private RebuildState rebuild = RebuildState.NONE;
    private volatile boolean lagging;
    private volatile boolean closed;

    private SearchRuntime(SearchProperties properties, Clock clock, CompletableFuture<EmbeddedSearchNode> node) {
        this.properties = properties;
        this.clock = clock;
        this.node = node;
    }

    /**
     * Begins: the embedded node starts in the background (data under {@code <dataDir>/elasticsearch}),
     * unless search is off or an external cluster is configured.
     */
    public static SearchRuntime begin(SearchProperties properties, Path dataDir, Clock clock) {
        if (!properties.enabled()) {
            log.info("The search index is off (polycell.search.enabled=false): servers are listed by merging "
                    + "the cells' views");
            return new SearchRuntime(properties, clock, null);
        }
        if (properties.external()) {
            return new SearchRuntime(properties, clock, null);
        }
        log.info("Starting the embedded Elasticsearch node for the search index, alongside the stores");
        CompletableFuture<EmbeddedSearchNode> node = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                EmbeddedSearchNode started = EmbeddedSearchNode.start(dataDir, properties.heap(), properties.port());
                if (!node.complete(started)) {
                    started.stop();
                }
            } catch (RuntimeException e) {
                node.completeExceptionally(e);
            }
        }, "search-node-start");
        starter.setDaemon(true);
        starter.start();
        return new SearchRuntime(properties, clock, node);
    }

    /**
     * Sets up the index and starts the indexer on {@code streams} (every cell's and the API store's),
     * keeping its position in {@code tokens}. Waits for the embedded node; a failure to start it fails
     * Polycell's start, with the node's log named.
     */
    public void startIndexer(Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams, TokenStore tokens,
                             TransactionManager transactions) {
        if (!properties.enabled()) {
            return;
        }
        SearchClusterSettings settings;
        if (node != null) {
            try {
                settings = SearchClusterSettings.embedded(node.join().httpUrl());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        } else {
            settings = properties.externalCluster();
            log.info("Using the external Elasticsearch cluster at {} for the search index", settings.urls());
        }
        this.streams = streams;
        client = SearchClients.create(settings);
        index = new ServerIndex(client);
        if (!trySetUp(streams, tokens, transactions)) {
            background.schedule(() -> retrySetUp(streams, tokens, transactions), RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        background.scheduleWithFixedDelay(this::checkLag, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void retrySetUp(Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams, TokenStore tokens,
                            TransactionManager transactions) {
        if (!closed && !trySetUp(streams, tokens, transactions)) {
            background.schedule(() -> retrySetUp(streams, tokens, transactions), RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized boolean trySetUp(Map<String, StreamableMessageSource<TrackedEventMessage<?>>> streams,
                                          TokenStore tokens, TransactionManager transactions) {
        try {
            String current = index.ensure();
            feed = SearchIndexFeed.start(ServerIndexer.GROUP, new ServerIndexer(client, index.alias()), streams, tokens,
                    transactions, BATCH);
            log.info("Search index ready: {} names {}; the indexer reads every cell's and the API's events from "
                    + "where it last stopped", index.alias(), current);
            return true;
        } catch (RuntimeException e) {
            log.warn("Elasticsearch does not answer ({}); servers are listed by merging the cells' views until it "
                    + "does, trying again every {} s", e.getMessage(), RETRY.toSeconds());
            return false;
        }
    }

    /** Warns once when the index falls behind by more than the allowed lag, and once when it is back. */
    private void checkLag() {
        SearchIndexFeed current = feed;
        if (current == null) {
            return;
        }
        Duration lag = current.lag(clock);
        boolean behind = lag.compareTo(properties.maxLag()) > 0 || current.failing();
        if (behind && !lagging) {
            log.warn("The search index is {} s behind the events{}; listings merge the cells' views until it "
                    + "catches up", seconds(lag), current.failing() ? " and Elasticsearch refuses its writes" : "");
        } else if (!behind && lagging) {
            log.info("The search index has caught up with the events");
        }
        lagging = behind;
    }

    /**
     * Starts a rebuild of the index by replay in the background, unless one runs or the index is not set
     * up; the state says which. Listings keep reading the current index until the alias moves.
     */
    public synchronized RebuildState startRebuild() {
        if (feed == null || rebuild.running()) {
            return rebuild;
        }
        rebuild = RebuildState.started(clock.instant());
        Thread worker = new Thread(() -> {
            try {
                IndexRebuild.Result result = IndexRebuild.run(index, streams, REBUILD_TIMEOUT);
                finish(rebuild.finished(clock.instant(), result, null));
            } catch (RuntimeException e) {
                log.warn("The rebuild of the search index failed; listings go on reading {}: {}", index.alias(),
                        e.getMessage());
                finish(rebuild.finished(clock.instant(), null, e.getMessage()));
            }
        }, "search-index-rebuild");
        worker.setDaemon(true);
        worker.start();
        return rebuild;
    }

    private synchronized void finish(RebuildState done) {
        rebuild = done;
    }

    /** The last rebuild's state: none yet, running, done with its result, or failed with the reason. */
    public synchronized RebuildState rebuild() {
        return rebuild;
    }

    /** The live feed, or null while search is off or not set up. */
    public SearchIndexFeed feed() {
        return feed;
    }

    public ServerIndex index() {
        return index;
    }

    /** How the index is doing, for the health document. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", properties.enabled());
        if (!properties.enabled()) {
            return status;
        }
        status.put("cluster", properties.external() ? "external" : "embedded");
        SearchIndexFeed current = feed;
        status.put("ready", current != null);
        if (current != null) {
            status.put("index", index.alias());
            status.put("caught_up", current.caughtUp());
            status.put("failing", current.failing());
            status.put("lag_seconds", Double.parseDouble(seconds(current.lag(clock))));
            status.put("max_lag_seconds", properties.maxLag().toMillis() / 1000.0);
            status.put("documents_written", current.indexer().written());
            status.put("rebuild", rebuild().toMap());
        }
        return status;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** Stops the indexer (before the API store it keeps its position in), the client and the node. */
    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        SearchIndexFeed current = feed;
        if (current != null) {
            current.close();
        }
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                log.debug("The search client did not close cleanly: {}", e.getMessage());
            }
        }
        if (node != null) {
            node.thenAccept(EmbeddedSearchNode::stop);
            if (!node.isDone()) {
                node.cancel(false);
            }
        }
    }
}
