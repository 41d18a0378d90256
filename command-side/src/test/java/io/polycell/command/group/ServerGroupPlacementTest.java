package io.polycell.command.group;

import io.polycell.command.support.Refusals;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.group.PlaceGroupMember;
import io.polycell.messages.group.RemoveGroupMember;
import io.polycell.messages.group.ServerGroupCreated;
import io.polycell.messages.group.ServerGroupMemberPlaced;
import io.polycell.messages.group.ServerGroupMemberRemoved;
import io.polycell.messages.group.ServerGroupPolicy;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The group decides every member's host, so its policy holds whatever the schedulers proposed. */
class ServerGroupPlacementTest {

    private static final String GROUP = "0c2f8a4e-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private final AggregateTestFixture<ServerGroup> fixture = new AggregateTestFixture<>(ServerGroup.class);

    private static ServerGroupCreated group(ServerGroupPolicy policy, Map<String, Integer> rules) {
        return new ServerGroupCreated(GROUP, "g", policy, rules, "p", "u");
    }

    @Test
    void affinityTakesTheFirstMemberAnywhereThenOnlyItsHost() {
        fixture.given(group(ServerGroupPolicy.AFFINITY, Map.of()))
                .when(new PlaceGroupMember(GROUP, "i1", "h1"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i1", "h1"));
        fixture.given(group(ServerGroupPolicy.AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h2"))
                .expectNoEvents()
                .expectException(Refusals.refusedWith(ErrorCode.GROUP_POLICY_VIOLATED));
        fixture.given(group(ServerGroupPolicy.AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h1"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i2", "h1"));
    }

    @Test
    void antiAffinityRefusesASecondMemberOnAHost() {
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h1"))
                .expectException(Refusals.refusedWith(ErrorCode.GROUP_POLICY_VIOLATED));
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h2"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i2", "h2"));
    }

    @Test
    void maxServerPerHostLetsThatManyShareAHost() {
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of("max_server_per_host", 2)),
                        new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h1"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i2", "h1"));
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of("max_server_per_host", 2)),
                        new ServerGroupMemberPlaced(GROUP, "i1", "h1"), new ServerGroupMemberPlaced(GROUP, "i2", "h1"))
                .when(new PlaceGroupMember(GROUP, "i3", "h1"))
                .expectException(Refusals.refusedWith(ErrorCode.GROUP_POLICY_VIOLATED));
    }

    @Test
    void softPoliciesNeverRefuse() {
        fixture.given(group(ServerGroupPolicy.SOFT_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h2"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i2", "h2"));
    }

    @Test
    void aRepeatedPlacementChangesNothingAndALeavingMemberFreesItsPlace() {
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i1", "h1"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"),
                        new ServerGroupMemberRemoved(GROUP, "i1", "h1"))
                .when(new PlaceGroupMember(GROUP, "i2", "h1"))
                .expectEvents(new ServerGroupMemberPlaced(GROUP, "i2", "h1"));
        fixture.given(group(ServerGroupPolicy.ANTI_AFFINITY, Map.of()), new ServerGroupMemberPlaced(GROUP, "i1", "h1"))
                .when(new RemoveGroupMember(GROUP, "i1"))
                .expectEvents(new ServerGroupMemberRemoved(GROUP, "i1", "h1"));
    }
}
