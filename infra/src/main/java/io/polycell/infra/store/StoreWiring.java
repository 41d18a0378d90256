package io.polycell.infra.store;

import org.axonframework.config.Configurer;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a module gets to register itself on one store: its name, its Axon configurer, its database. */
public record StoreWiring(String store, Configurer configurer, JdbcTemplate jdbc) {
}
