package io.polycell.search.node.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * The main class of the search node's JVM, started by the launcher in the Polycell process.
 *
 * <p>Elasticsearch's own entry point expects its command-line tool on the other end of standard input
 * and installs a security manager; this one starts the same {@link Node} with less ceremony. Every
 * argument is one node setting, {@code key=value}; fixed settings live in {@code config/elasticsearch.yml}
 * of the node's home. Modules are loaded from the classpath rather than as Java modules, which is why
 * the plugins loader is created without the server's qualified exports.
 *
 * <p>Once the node serves HTTP, one line starting with {@link #READY} and naming the bound address goes to
 * standard output. The launcher holds the other end of standard input: when it closes (the parent stopped
 * or died), the node shuts down, so no node outlives the process that started it.
 */
public final class SearchNodeMain {

    /** Start of the line that says the node is serving HTTP; the launcher waits for it. */
    static final String READY = "polycell-search-node ready http=";

    private SearchNodeMain() {
    }

    public static void main(String[] args) {
        // Elasticsearch sends System.out and System.err to its log once logging is configured.
        PrintStream out = System.out;
        PrintStream err = System.err;
        boolean logging = false;
        Node node;
        try {
            Settings settings = settings(args);
            Path home = Path.of(Environment.PATH_HOME_SETTING.get(settings));
            Environment environment = InternalSettingsPreparer.prepareEnvironment(
                    settings, Map.of(), home.resolve("config"), () -> "polycell-search");
            LogConfigurator.registerErrorListener();
            LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
            LogConfigurator.configure(environment, true);
            logging = true;

            PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                    PluginsLoader.loadModulesBundles(environment.modulesDir()), Set.of(), Map.of(), false);
            node = new Node(environment, plugins);
            Node started = node;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "search-node-shutdown"));
            node.start();
        } catch (Throwable e) {
            if (logging) {
                LogManager.getLogger(SearchNodeMain.class).error("The search node could not start", e);
            } else {
                err.println("The search node could not start: " + e);
                err.flush();
            }
            System.exit(1);
            return;
        }

        InetSocketAddress http = node.injector().getInstance(HttpServerTransport.class)
                .boundAddress().publishAddress().address();
        out.println(READY + http.getHostString() + ":" + http.getPort());
        out.flush();

        waitForParentToLetGo(System.in);
        System.exit(0);
    }

    private static Settings settings(String[] args) {
        Settings.Builder builder = Settings.builder();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Expected key=value, got: " + arg);
            }
            builder.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return builder.build();
    }

    /** Returns when standard input reaches its end: the launcher closed it, or its process is gone. */
    private static void waitForParentToLetGo(InputStream in) {
        byte[] ignored = new byte[64];
        try {
            while (in.read(ignored) >= 0) {
                // nothing is sent on purpose; only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe means the same thing as its end
        }
    }

    private static void close(Node node) {
        try {
            node.close();
            if (!node.awaitClose(20, TimeUnit.SECONDS)) {
                LogManager.getLogger(SearchNodeMain.class).warn("The search node did not finish closing within 20 s");
            }
        } catch (IOException | RuntimeException e) {
            LogManager.getLogger(SearchNodeMain.class).warn("The search node did not close cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LogManager.shutdown();
        }
    }
}
