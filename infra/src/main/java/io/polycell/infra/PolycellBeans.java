package io.polycell.infra;

import io.polycell.command.image.ImageCatalog;
import io.polycell.command.routing.CommandRouter;
import io.polycell.infra.agentlink.AgentOutboxes;
import io.polycell.query.action.InstanceActions;
import io.polycell.query.flavor.FlavorViewProjection;
import io.polycell.query.server.ServerListing;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the running system's entry points to the web layer. The Axon configurations themselves are
 * not Spring beans: each store has its own, built by {@link Polycell}, so no Axon bean can leak from
 * one store into another.
 */
@Configuration(proxyBeanMethods = false)
class PolycellBeans {

    @Bean(destroyMethod = "close")
    Polycell polycell(PolycellProperties properties) {
        return Polycell.start(properties, Clock.systemUTC());
    }

    @Bean
    CommandRouter commandRouter(Polycell polycell) {
        return polycell.router();
    }

    @Bean
    AgentOutboxes agentOutboxes(Polycell polycell) {
        return new AgentOutboxes(polycell.router());
    }

    @Bean
    ImageCatalog imageCatalog(Polycell polycell) {
        return polycell.images();
    }

    @Bean
    ServerListing serverListing(Polycell polycell) {
        return polycell.listing();
    }

    @Bean
    InstanceActions instanceActions(Polycell polycell) {
        return polycell.instanceActions();
    }

    @Bean
    FlavorViewProjection flavorViewProjection(Polycell polycell) {
        return polycell.flavorView();
    }
}
