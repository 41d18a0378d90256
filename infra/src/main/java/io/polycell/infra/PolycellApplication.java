package io.polycell.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Runs the embedded default: the whole of Polycell in one JVM, on 127.0.0.1:8774. */
@SpringBootApplication(scanBasePackages = "io.polycell")
@EnableConfigurationProperties(PolycellProperties.class)
public class PolycellApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PolycellApplication.class, args);
    }
}
