package io.polycell.command.quota;

import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.ReadQuota;
import io.polycell.messages.quota.ReadQuotaUsage;
import io.polycell.messages.quota.ReleaseServerGroupQuota;
import io.polycell.messages.quota.ReleaseServerQuota;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventSequenceAware;
import org.axonframework.modelling.command.Repository;

/**
 * The projects' quotas for the API tier's other command handlers, inside their unit of work: a boot
 * claims its servers in the transaction that records their build requests, and a server group is
 * counted in the transaction that creates it, so a claim and what it was for are stored together or
 * not at all. Also answers reads of a quota, with the defaults for a project that has none yet
 * (looked up in the event store first, so that an unknown project is an answer, not a failure).
 */
public final class ProjectQuotas {

    private final Repository<ProjectQuota> repository;
    private final DomainEventSequenceAware events;
    private final QuotaDefaults defaults;

    public ProjectQuotas(Repository<ProjectQuota> repository, DomainEventSequenceAware events,
                         QuotaDefaults defaults) {
        this.repository = repository;
        this.events = events;
        this.defaults = defaults;
    }

    /** Whether the project's quota has ever recorded anything. */
    private boolean exists(String projectId) {
        return events.lastSequenceNumberFor(projectId).isPresent();
    }

    /** Claims quota for new servers (see {@link ClaimServerQuota}); answers the ids it took. */
    @SuppressWarnings("unchecked")
    public List<String> claimServers(ClaimServerQuota claim) throws Exception {
        return (List<String>) repository.loadOrCreate(claim.projectId(), () -> ProjectQuota.unclaimed(null))
                .handle(GenericCommandMessage.asCommandMessage(claim));
    }

    /** Releases a server's quota; a project without a quota counts nothing to release. */
    public void releaseServer(ReleaseServerQuota release) throws Exception {
        if (exists(release.projectId())) {
            repository.load(release.projectId()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    public void claimServerGroup(ClaimServerGroupQuota claim) throws Exception {
        repository.loadOrCreate(claim.projectId(), () -> ProjectQuota.unclaimed(null))
                .handle(GenericCommandMessage.asCommandMessage(claim));
    }

    public void releaseServerGroup(ReleaseServerGroupQuota release) throws Exception {
        if (exists(release.projectId())) {
            repository.load(release.projectId()).handle(GenericCommandMessage.asCommandMessage(release));
        }
    }

    @CommandHandler
    public QuotaReport handle(ReadQuota query) {
        if (!exists(query.projectId())) {
            return ProjectQuota.unclaimed(query.projectId()).report(query.userId(), defaults);
        }
        return repository.load(query.projectId()).invoke(quota -> quota.report(query.userId(), defaults));
    }

    @CommandHandler
    public ProjectUsage handle(ReadQuotaUsage query) {
        if (!exists(query.projectId())) {
            return ProjectQuota.unclaimed(query.projectId()).usage();
        }
        return repository.load(query.projectId()).invoke(ProjectQuota::usage);
    }
}
