package io.polycell.command.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.command.Specs;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.support.InMemoryApiStore;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.group.AdmitServerGroup;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.DeleteServerGroup;
import io.polycell.messages.group.RetireServerGroup;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerGroupQuotaReleased;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server group and its place in the quota are created together and deleted together: a group the
 * quota refuses (403) is not created, a group that cannot be created (400) claims nothing, and a
 * retired group gives its place back.
 */
class ServerGroupAdmissionTest {

    private static final String PROJECT = Specs.OWNER.projectId();
    private static final String USER = Specs.OWNER.userId();

    private InMemoryApiStore api;

    @BeforeEach
    void start() {
        api = new InMemoryApiStore(QuotaDefaults.nova().with(Map.of(QuotaResource.SERVER_GROUPS, 1)),
                c -> new ServerGroupAdmission(c.repository(ServerGroup.class), c.getComponent(ProjectQuotas.class)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static AdmitServerGroup admit(String groupId, String policy) {
        return new AdmitServerGroup(new CreateServerGroup(groupId, "group-" + groupId, policy, Map.of(), PROJECT,
                USER));
    }

    private static RetireServerGroup retire(String groupId, Requester requester) {
        return new RetireServerGroup(new DeleteServerGroup(groupId, requester));
    }

    @Test
    void createsTheGroupAndCountsItInOneStep() {
        api.commands().sendAndWait(admit("g1", "affinity"));

        assertThat(api.events()).containsExactly(
                new ServerGroupCreated("g1", "group-g1", ServerGroupPolicy.AFFINITY, Map.of(), PROJECT, USER),
                new ServerGroupQuotaClaimed(PROJECT, USER, "g1"));
        assertThat(api.usage(PROJECT).serverGroups()).containsExactly("g1");
    }

    @Test
    void aGroupTheQuotaRefusesIsNotCreated() {
        api.commands().sendAndWait(admit("g1", "affinity"));

        assertThatThrownBy(() -> api.commands().sendAndWait(admit("g2", "affinity")))
                .isInstanceOfSatisfying(PolycellException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(refusal.getMessage()).isEqualTo("Quota exceeded, too many server groups.");
                });

        assertThat(api.events(ServerGroupCreated.class)).extracting(ServerGroupCreated::groupId)
                .containsExactly("g1");
        assertThat(api.usage(PROJECT).serverGroups()).containsExactly("g1");
    }

    @Test
    void aGroupThatCannotBeCreatedClaimsNothing() {
        assertThatThrownBy(() -> api.commands().sendAndWait(admit("g1", "together")))
                .isInstanceOfSatisfying(PolycellException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.BAD_REQUEST));

        assertThat(api.events()).isEmpty();
    }

    @Test
    void aRetiredGroupIsDeletedAndGivesItsPlaceBack() {
        api.commands().sendAndWait(admit("g1", "affinity"));

        api.commands().sendAndWait(retire("g1", Specs.OWNER));

        assertThat(api.events()).endsWith(new ServerGroupDeleted("g1"),
                new ServerGroupQuotaReleased(PROJECT, USER, "g1"));
        assertThat(api.usage(PROJECT).serverGroups()).isEmpty();
        api.commands().sendAndWait(admit("g2", "affinity"));
        assertThat(api.usage(PROJECT).serverGroups()).containsExactly("g2");
    }

    @Test
    void anAdminRetiresAGroupIntoItsOwnProjectsQuota() {
        api.commands().sendAndWait(admit("g1", "affinity"));

        api.commands().sendAndWait(retire("g1", Specs.ADMIN));

        assertThat(api.events(ServerGroupQuotaReleased.class)).containsExactly(
                new ServerGroupQuotaReleased(PROJECT, USER, "g1"));
    }

    @Test
    void aStrangerCannotRetireTheGroupAndReleasesNothing() {
        api.commands().sendAndWait(admit("g1", "affinity"));

        assertThatThrownBy(() -> api.commands().sendAndWait(retire("g1", Specs.STRANGER)))
                .isInstanceOfSatisfying(PolycellException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.NOT_FOUND));

        assertThat(api.events(ServerGroupQuotaReleased.class)).isEmpty();
        assertThat(api.usage(PROJECT).serverGroups()).containsExactly("g1");
    }
}
