package io.polycell.command.group;

import io.polycell.command.quota.ProjectQuotas;
import io.polycell.messages.group.AdmitServerGroup;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.RetireServerGroup;
import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ReleaseServerGroupQuota;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

/**
 * Creates and deletes server groups together with their place in the project's quota, in one unit of
 * work each: a group never exists uncounted, and a deleted one never keeps counting.
 */
public final class ServerGroupAdmission {

    private final Repository<ServerGroup> groups;
    private final ProjectQuotas quotas;

    public ServerGroupAdmission(Repository<ServerGroup> groups, ProjectQuotas quotas) {
        this.groups = groups;
        this.quotas = quotas;
    }

    /** The group's own checks come first (400), then the quota (403). */
    @CommandHandler
    public void handle(AdmitServerGroup command) throws Exception {
        CreateServerGroup create = command.group();
        groups.newInstance(() -> new ServerGroup(create));
        quotas.claimServerGroup(new ClaimServerGroupQuota(create.projectId(), create.userId(), create.groupId()));
    }

    @CommandHandler
    public void handle(RetireServerGroup command) throws Exception {
        Aggregate<ServerGroup> group = groups.load(command.delete().groupId());
        String projectId = group.invoke(ServerGroup::projectId);
        group.handle(GenericCommandMessage.asCommandMessage(command.delete()));
        quotas.releaseServerGroup(new ReleaseServerGroupQuota(projectId, command.delete().groupId()));
    }
}
