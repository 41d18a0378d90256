package io.polycell.command.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.messages.build.BuildRequestCancelled;
import io.polycell.messages.build.BuildRequestCreated;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.instance.GroupHint;
import io.polycell.messages.instance.InstanceDeleted;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.quota.ProjectUsage;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaReleased;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class UsageRecountTest {

    private static final String PROJECT = Specs.OWNER.projectId();
    private static final String USER = Specs.OWNER.userId();

    private final UsageRecount recount = new UsageRecount(project -> true);

    /** Server {@code id} of {@code user}'s, built into server group {@code groupId}. */
    private static BuildRequestCreated inGroup(String id, String groupId, String user) {
        InstanceSpec spec = new InstanceSpec(id, "vm-" + id, PROJECT, user, Specs.TINY, Specs.CIRROS, Map.of(), null,
                null, null, new GroupHint(groupId, ServerGroupPolicy.ANTI_AFFINITY, 1), Specs.NOW);
        return new BuildRequestCreated(id, spec);
    }

    private void feed(Object... payloads) {
        for (Object payload : payloads) {
            recount.accept(GenericEventMessage.asEventMessage(payload));
        }
    }

    @Test
    void countsEveryRecordedServerUntilItIsCancelledOrDeletedInAnyCell() {
        feed(new BuildRequestCreated("s1", Specs.instance("s1")), new BuildRequestCreated("s2", Specs.instance("s2")),
                new BuildRequestCreated("s3", Specs.instance("s3")),
                new BuildRequestCreated("s4", Specs.instance("s4")),
                "an event the recount does not count from",
                new BuildRequestCancelled("s2", PROJECT), new InstanceDeleted("s3", "cell1-host1", Specs.NOW));

        ProjectUsage usage = recount.usage().get(PROJECT);

        assertThat(usage.servers()).containsExactlyInAnyOrder("s1", "s4");
        assertThat(usage.inUse()).containsEntry(QuotaResource.INSTANCES, 2L).containsEntry(QuotaResource.CORES, 2L)
                .containsEntry(QuotaResource.RAM, 1024L).containsEntry(QuotaResource.SERVER_GROUPS, 0L);
        assertThat(usage.inUseByUser()).containsOnlyKeys(USER);
    }

    @Test
    void aDeletionReadBeforeTheCreationStillCounts() {
        feed(new InstanceDeleted("s1", null, Specs.NOW), new BuildRequestCreated("s1", Specs.instance("s1")));

        assertThat(recount.usage().get(PROJECT).servers()).isEmpty();
    }

    @Test
    void countsServerGroupsUntilDeleted() {
        feed(new ServerGroupCreated("g1", "one", ServerGroupPolicy.AFFINITY, Map.of(), PROJECT, USER),
                new ServerGroupCreated("g2", "two", ServerGroupPolicy.AFFINITY, Map.of(), PROJECT, USER),
                new ServerGroupDeleted("g1"));

        ProjectUsage usage = recount.usage().get(PROJECT);

        assertThat(usage.serverGroups()).containsExactly("g2");
        assertThat(usage.inUse()).containsEntry(QuotaResource.SERVER_GROUPS, 1L);
    }

    @Test
    void agreesWithTheQuotaThatCountedTheSameServers() {
        feed(new BuildRequestCreated("s1", Specs.instance("s1")), new BuildRequestCreated("s2", Specs.instance("s2")),
                new InstanceDeleted("s1", "cell1-host1", Specs.NOW),
                new ServerGroupCreated("g1", "one", ServerGroupPolicy.AFFINITY, Map.of(), PROJECT, USER));
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s1", "s2"), 1, 512, null));
        quota.on(new ServerQuotaReleased(PROJECT, USER, "s1", 1, 512, null));
        quota.on(new ServerGroupQuotaClaimed(PROJECT, USER, "g1"));

        assertThat(recount.usage().get(PROJECT)).isEqualTo(quota.usage());
        assertThat(new QuotaDrift(PROJECT, quota.usage(), recount.usage().get(PROJECT)).drifted()).isFalse();
    }

    @Test
    void aMissedReleaseIsDriftThatNamesTheServer() {
        feed(new BuildRequestCreated("s1", Specs.instance("s1")), new InstanceDeleted("s1", "cell1-host1", Specs.NOW));
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s1"), 1, 512, null));

        QuotaDrift drift = new QuotaDrift(PROJECT, quota.usage(), recount.usage().get(PROJECT));

        assertThat(drift.drifted()).isTrue();
        assertThat(drift.serversCountedButGone()).containsExactly("s1");
        assertThat(drift.serversNotCounted()).isEmpty();
    }

    @Test
    void aServerBuiltBeforeQuotasIsDriftTheOtherWay() {
        feed(new BuildRequestCreated("old", Specs.instance("old")));

        QuotaDrift drift = new QuotaDrift(PROJECT, ProjectQuota.unclaimed(PROJECT).usage(),
                recount.usage().get(PROJECT));

        assertThat(drift.serversNotCounted()).isEqualTo(Set.of("old"));
    }

    @Test
    void countsEachUsersMembersOfEachGroupUntilTheirServersGoEvenIfTheGroupIsDeleted() {
        feed(inGroup("s1", "g1", USER), inGroup("s2", "g1", USER), inGroup("s3", "g1", "bob"),
                inGroup("s4", "g2", USER), new BuildRequestCreated("s5", Specs.instance("s5")),
                new InstanceDeleted("s2", "cell1-host1", Specs.NOW), new BuildRequestCancelled("s4", PROJECT),
                new ServerGroupCreated("g1", "one", ServerGroupPolicy.ANTI_AFFINITY, Map.of(), PROJECT, USER),
                new ServerGroupDeleted("g1"));

        assertThat(recount.usage().get(PROJECT).serverGroupMembers())
                .isEqualTo(Map.of("g1", Map.of(USER, 1, "bob", 1)));
    }

    @Test
    void agreesWithTheQuotaOnTheMembersOfEveryGroup() {
        feed(inGroup("s1", "g1", USER), inGroup("s2", "g1", USER), inGroup("s3", "g2", USER),
                new InstanceDeleted("s3", "cell1-host1", Specs.NOW));
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s1", "s2"), 1, 512, "g1"));
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s3"), 1, 512, "g2"));
        quota.on(new ServerQuotaReleased(PROJECT, USER, "s3", 1, 512, "g2"));

        QuotaDrift drift = new QuotaDrift(PROJECT, quota.usage(), recount.usage().get(PROJECT));

        assertThat(drift.drifted()).as("%s", drift).isFalse();
        assertThat(quota.usage().serverGroupMembers()).isEqualTo(Map.of("g1", Map.of(USER, 2)));
    }

    @Test
    void membersCountedOtherwiseThanTheEventsSayAreDriftThatNamesTheGroup() {
        feed(inGroup("s1", "g1", USER), inGroup("s2", "g2", USER));
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        // The same servers counted, but s2 as if it had joined no group, and s1 once more in g1.
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s1"), 1, 512, "g1"));
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("s2"), 1, 512, null));
        quota.on(new ServerQuotaClaimed(PROJECT, USER, List.of("gone"), 1, 512, "g1"));
        quota.on(new ServerQuotaReleased(PROJECT, USER, "gone", 1, 512, null));

        QuotaDrift drift = new QuotaDrift(PROJECT, quota.usage(), recount.usage().get(PROJECT));

        assertThat(drift.drifted()).isTrue();
        assertThat(drift.serversCountedButGone()).isEmpty();
        assertThat(drift.serversNotCounted()).isEmpty();
        assertThat(drift.serverGroupMembersDrifted()).containsExactly("g1", "g2");
    }
}
