package io.polycell.infra;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

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
        SpringApplication.run(PolycellApplication.class, args);
    }
}
