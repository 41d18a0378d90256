package io.polycell.command.group;

import static io.polycell.command.support.Refusals.refusedWith;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.group.CreateServerGroup;
import io.polycell.messages.group.DeleteServerGroup;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupDeleted;
import io.polycell.messages.group.ServerGroupPolicy;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ServerGroupTest {

    private static final String GROUP = "df82e73d-a2a7-491d-8ebe-121a4b221d32";
    private static final ServerGroupCreated CREATED = new ServerGroupCreated(GROUP, "g1",
            ServerGroupPolicy.ANTI_AFFINITY, Map.of(), "tenant-a", "alice");

    private final AggregateTestFixture<ServerGroup> fixture = new AggregateTestFixture<>(ServerGroup.class);

    @Test
    void aGroupIsCreatedWithItsPolicyAndOwner() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "anti-affinity", Map.of(), "tenant-a", "alice"))
                .expectEvents(CREATED);
    }

    @Test
    void antiAffinityTakesAMaximumOfServersPerHost() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "anti-affinity", Map.of("max_server_per_host", 2),
                        "tenant-a", "alice"))
                .expectEvents(new ServerGroupCreated(GROUP, "g1", ServerGroupPolicy.ANTI_AFFINITY,
                        Map.of("max_server_per_host", 2), "tenant-a", "alice"));
    }

    @Test
    void refusesAnUnknownPolicyWithNovasMessage() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "together", Map.of(), "tenant-a", "alice"))
                .expectExceptionMessage("Invalid input for field/attribute policy. Value: together. 'together' is not "
                        + "one of ['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity']")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void refusesRulesForAnyPolicyButAntiAffinity() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "soft-affinity", Map.of("max_server_per_host", 2),
                        "tenant-a", "alice"))
                .expectExceptionMessage("Only anti-affinity policy supports rules.")
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void refusesAMaximumBelowOne() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "anti-affinity", Map.of("max_server_per_host", 0),
                        "tenant-a", "alice"))
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void refusesAnUnknownRule() {
        fixture.givenNoPriorActivity()
                .when(new CreateServerGroup(GROUP, "g1", "anti-affinity", Map.of("max_servers", 2), "tenant-a",
                        "alice"))
                .expectException(refusedWith(ErrorCode.BAD_REQUEST));
    }

    @Test
    void anotherUserOfTheProjectMayDeleteIt() {
        fixture.given(CREATED)
                .when(new DeleteServerGroup(GROUP, new Requester("bob", "tenant-a", false)))
                .expectEvents(new ServerGroupDeleted(GROUP))
                .expectMarkedDeleted();
    }

    @Test
    void anAdminOfAnotherProjectMayDeleteIt() {
        fixture.given(CREATED)
                .when(new DeleteServerGroup(GROUP, new Requester("admin", "tenant-admin", true)))
                .expectEvents(new ServerGroupDeleted(GROUP));
    }

    @Test
    void anotherProjectDoesNotFindIt() {
        fixture.given(CREATED)
                .when(new DeleteServerGroup(GROUP, new Requester("mallory", "tenant-m", false)))
                .expectExceptionMessage("Instance group " + GROUP + " could not be found.")
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aDeletedGroupIsGone() {
        fixture.given(CREATED, new ServerGroupDeleted(GROUP))
                .when(new DeleteServerGroup(GROUP, new Requester("alice", "tenant-a", false)))
                .expectException(AggregateNotFoundException.class);
    }
}
