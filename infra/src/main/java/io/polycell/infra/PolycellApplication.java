package io.polycell.infra;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Runs the embedded default, the whole of Polycell in one JVM on 127.0.0.1:8774; with
 * {@code --role=compute} it runs one compute agent instead (see {@link ComputeRole}).
 */
@SpringBootApplication(scanBasePackages = "io.polycell")
@EnableConfigurationProperties(PolycellProperties.class)
public class PolycellApplication {

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--role=compute")) {
            ComputeRole.main(Arrays.stream(args).filter(arg -> !arg.equals("--role=compute")).toArray(String[]::new));
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        ConfigurableApplicationContext context = SpringApplication.run(PolycellApplication.class, args);
        stopInOrderOn(context, "INT", "TERM");
    }

    /**
     * Ctrl-C or a TERM signal stops Polycell in order: views and conductors first, PostgreSQL last.
     * Left to the JVM's shutdown hooks, the embedded PostgreSQL library's own hook would stop the
     * database at the same moment as Spring began to stop the stores, and every processor would fail
     * and retry against a database that is gone, for a minute of warnings.
     */
    private static void stopInOrderOn(ConfigurableApplicationContext context, String... signals) {
        for (String name : signals) {
            Signal.handle(new Signal(name), signal -> {
                context.close();
                System.exit(0);
            });
        }
    }
}
