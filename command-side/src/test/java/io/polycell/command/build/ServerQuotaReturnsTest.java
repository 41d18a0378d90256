package io.polycell.command.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.Specs;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.support.InMemoryApiStore;
import io.polycell.messages.build.AdmitServers;
import io.polycell.messages.build.DeleteServer;
import io.polycell.messages.flavor.CreateFlavor;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReturnServerQuota;
import io.polycell.messages.quota.ServerQuotaReleased;
import java.util.List;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gone server's quota goes back to the project its mapping names, once however often it is
 * returned; a server the API tier has no mapping of gives nothing back, and fails nothing.
 */
class ServerQuotaReturnsTest {

    private static final String PROJECT = Specs.OWNER.projectId();

    private InMemoryApiStore api;

    @BeforeEach
    void start() {
        api = new InMemoryApiStore(QuotaDefaults.nova(), InMemoryApiStore::buildRequests,
                ServerQuotaReturnsTest::returns);
        api.commands().sendAndWait(new CreateFlavor("1", Specs.TINY));
        api.commands().sendAndWait(new AdmitServers(List.of(Specs.buildRequest("s1", null),
                Specs.buildRequest("s2", null)), 2));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static ServerQuotaReturns returns(Configuration c) {
        return new ServerQuotaReturns(c.repository(InstanceMapping.class), c.getComponent(ProjectQuotas.class));
    }

    @Test
    void givesAGoneServersQuotaBackToTheProjectItsMappingNames() {
        api.commands().sendAndWait(new ReturnServerQuota("s1"));

        assertThat(api.events(ServerQuotaReleased.class)).containsExactly(
                new ServerQuotaReleased(PROJECT, Specs.OWNER.userId(), "s1", 1, 512, null));
        assertThat(api.usage(PROJECT).servers()).containsExactly("s2");
    }

    @Test
    void aServerReturnedTwiceIsReleasedOnce() {
        api.commands().sendAndWait(new ReturnServerQuota("s1"));
        api.commands().sendAndWait(new ReturnServerQuota("s1"));

        assertThat(api.events(ServerQuotaReleased.class)).hasSize(1);
        assertThat(api.usage(PROJECT).inUse()).containsEntry(QuotaResource.INSTANCES, 1L);
    }

    @Test
    void aCancelledBuildRequestStillNamesItsProject() {
        api.commands().sendAndWait(new DeleteServer("s1", Specs.OWNER));

        api.commands().sendAndWait(new ReturnServerQuota("s1"));

        assertThat(api.events(ServerQuotaReleased.class)).extracting(ServerQuotaReleased::instanceId)
                .containsExactly("s1");
    }

    @Test
    void aServerWithoutAMappingGivesNothingBackAndFailsNothing() {
        api.commands().sendAndWait(new ReturnServerQuota("never-mapped"));

        assertThat(api.events(ServerQuotaReleased.class)).isEmpty();
        assertThat(api.usage(PROJECT).servers()).containsExactlyInAnyOrder("s1", "s2");
    }
}
