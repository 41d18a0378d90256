package io.polycell.infra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One store: its PostgreSQL database, schema (Flyway), and its own Axon configuration with event
 * store, command bus, token store, saga store and deadline manager. The API tier and every cell each
 * get one, so a cell's events and commands never mix with another's.
 */
public final class StoreRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreRuntime.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int VIEW_BATCH = 100;

    private final String name;
    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ExecutorService commandThreads;
    private Configuration configuration;

    private StoreRuntime(String name, HikariDataSource dataSource, ExecutorService commandThreads) {
        this.name = name;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.commandThreads = commandThreads;
    }

    /**
     * Connects to the store's database, migrates its schema ({@code db/axon} plus
     * {@code db/<schemaKind>}), and builds its Axon configuration with {@code modules} registered.
     * Nothing runs until {@link #start()}.
     */
    public static StoreRuntime open(String name, String schemaKind, String jdbcUrl, String user, int poolSize,
                                    Consumer<StoreWiring> modules) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("store-" + name);
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        HikariDataSource dataSource = new HikariDataSource(pool);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/axon", "classpath:db/" + schemaKind)
                .load().migrate();
        StoreRuntime store = new StoreRuntime(name, dataSource, commandExecutor(name, poolSize));
        store.configuration = store.configure(modules);
        return store;
    }

    private Configuration configure(Consumer<StoreWiring> modules) {
        Serializer serializer = AxonSerialization.serializer();
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(connections)
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .persistenceExceptionResolver(uniqueViolation())
                        .build())
                .configureCommandBus(c -> AsynchronousCommandBus.builder()
                        .executor(commandThreads)
                        .transactionManager(transactions)
                        .build())
                .registerComponent(TokenStore.class, c -> JdbcTokenStore.builder()
                        .connectionProvider(connections)
                        .serializer(serializer)
                        .build())
                .registerComponent(SagaStore.class, c -> JdbcSagaStore.builder()
                        .connectionProvider(connections)
                        .sqlSchema(new PostgresSagaSqlSchema())
                        .serializer(serializer)
                        .build())
                .registerComponent(DeadlineManager.class, c -> SimpleDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(c))
                        .transactionManager(transactions)
                        .build());
        // Views take events in batches: one transaction and one token update per batch, not per event.
        // A handler that fails stops its processor at that event and retries it with back-off, never
        // skips it: a view or a conductor that silently missed an event would be wrong for good.
        configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(VIEW_BATCH))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        modules.accept(new StoreWiring(name, configurer, jdbc));
        return configurer.buildConfiguration();
    }

    /** A duplicate key means another writer appended to the same aggregate first: a concurrency conflict. */
    private static PersistenceExceptionResolver uniqueViolation() {
        return exception -> {
            for (Throwable t = exception; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }

    private static ExecutorService commandExecutor(String name, int threads) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "commands-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the store's processors, sagas and command handlers. */
    public void start() {
        configuration.start();
        log.info("Store {} is up", name);
    }

    public String name() {
        return name;
    }

    public CommandBus commandBus() {
        return configuration.commandBus();
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    public Configuration configuration() {
        return configuration;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        if (configuration != null) {
            configuration.shutdown();
        }
        commandThreads.shutdown();
        try {
            commandThreads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dataSource.close();
        log.info("Store {} is stopped", name);
    }
}
