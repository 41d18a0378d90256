package io.polycell.command.build;

import io.polycell.command.quota.ProjectQuotas;
import io.polycell.messages.quota.ReleaseServerQuota;
import io.polycell.messages.quota.ReturnServerQuota;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a gone server's quota back to its project: the server's mapping says which project that is
 * (as Nova's instance mapping does), whoever noticed it go.
 */
public final class ServerQuotaReturns {

    private static final Logger log = LoggerFactory.getLogger(ServerQuotaReturns.class);

    private final Repository<InstanceMapping> mappings;
    private final ProjectQuotas quotas;

    public ServerQuotaReturns(Repository<InstanceMapping> mappings, ProjectQuotas quotas) {
        this.mappings = mappings;
        this.quotas = quotas;
    }

    @CommandHandler
    public void handle(ReturnServerQuota command) throws Exception {
        String projectId;
        try {
            projectId = mappings.load(command.instanceId()).invoke(InstanceMapping::projectId);
        } catch (AggregateNotFoundException unknown) {
            log.warn("Server {} has no mapping in the API tier: no project to give its quota back to",
                    command.instanceId());
            return;
        }
        quotas.releaseServer(new ReleaseServerQuota(projectId, command.instanceId()));
    }
}
