package io.polycell.infra;

import io.polycell.command.aggregate.AggregateDirectory;
import io.polycell.command.host.HostDirectory;
import io.polycell.command.image.ImageCatalog;
import io.polycell.command.quota.QuotaAudit;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.routing.CommandRouter;
import io.polycell.infra.agentlink.AgentOutboxes;
import io.polycell.query.action.InstanceActions;
import io.polycell.query.aggregate.AggregateViewProjection;
import io.polycell.query.aggregate.AvailabilityZones;
import io.polycell.query.aggregate.AvailabilityZones.ZoneHost;
import io.polycell.query.flavor.FlavorViewProjection;
import io.polycell.query.group.ServerGroupViewProjection;
import io.polycell.query.host.ControlServices;
import io.polycell.query.host.HostListing;
import io.polycell.query.keypair.KeyPairViewProjection;
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
    HostListing hostListing(Polycell polycell) {
        return polycell.hostListing();
    }

    @Bean
    HostDirectory hostDirectory(Polycell polycell) {
        return polycell.hostDirectory();
    }

    @Bean
    FlavorViewProjection flavorViewProjection(Polycell polycell) {
        return polycell.flavorView();
    }

    @Bean
    AggregateViewProjection aggregateViewProjection(Polycell polycell) {
        return polycell.aggregateView();
    }

    @Bean
    ServerGroupViewProjection serverGroupViewProjection(Polycell polycell) {
        return polycell.serverGroupView();
    }

    @Bean
    KeyPairViewProjection keyPairViewProjection(Polycell polycell) {
        return polycell.keyPairView();
    }

    @Bean
    QuotaDefaults quotaDefaults(Polycell polycell) {
        return polycell.quotaDefaults();
    }

    @Bean
    QuotaAudit quotaAudit(Polycell polycell) {
        return polycell.quotaAudit();
    }

    @Bean
    AggregateDirectory aggregateDirectory(Polycell polycell) {
        return polycell.aggregateDirectory();
    }

    /** Hosts in no zoned aggregate, and every host's service, come from the cells' host views. */
    @Bean
    AvailabilityZones availabilityZones(Polycell polycell) {
        return new AvailabilityZones(polycell.aggregateView(), () -> polycell.hostListing().all().stream()
                .map(host -> new ZoneHost(host.host(), "up".equals(host.service().state()),
                        !host.service().disabled(), host.service().updatedAt()))
                .toList());
    }

    @Bean
    ControlServices controlServices(Polycell polycell) {
        return new ApiProcessServices(polycell.cellNames(), polycell::schedulerReplicasCaughtUp, Clock.systemUTC());
    }
}
