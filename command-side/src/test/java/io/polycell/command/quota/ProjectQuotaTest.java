package io.polycell.command.quota;

import static io.polycell.command.support.Refusals.refusedWith;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.quota.ClaimServerGroupQuota;
import io.polycell.messages.quota.ClaimServerQuota;
import io.polycell.messages.quota.QuotaLimitsReset;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.QuotaReport;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReleaseServerGroupQuota;
import io.polycell.messages.quota.ReleaseServerQuota;
import io.polycell.messages.quota.ResetQuotaLimits;
import io.polycell.messages.quota.ServerGroupQuotaClaimed;
import io.polycell.messages.quota.ServerGroupQuotaReleased;
import io.polycell.messages.quota.ServerQuotaClaimed;
import io.polycell.messages.quota.ServerQuotaReleased;
import io.polycell.messages.quota.SetQuotaLimits;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectQuotaTest {

    private static final String PROJECT = "e2d800d5324642df94cb50b51bec8a37";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String GROUP = "df82e73d-a2a7-491d-8ebe-121a4b221d32";

    private final AggregateTestFixture<ProjectQuota> fixture = new AggregateTestFixture<>(ProjectQuota.class);

    @BeforeEach
    void novaDefaults() {
        fixture.registerInjectableResource(QuotaDefaults.nova());
    }

    /** One m1.tiny (1 vCPU, 512 MB) of alice's. */
    private static ServerQuotaClaimed tiny(String id) {
        return new ServerQuotaClaimed(PROJECT, ALICE, List.of(id), 1, 512, null);
    }

    private static ClaimServerQuota claimTiny(int min, List<String> ids) {
        return new ClaimServerQuota(PROJECT, ALICE, ids, min, 1, 512, 0, null);
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void claimsServersThatFit() {
        fixture.givenNoPriorActivity()
                .when(claimTiny(2, List.of("s1", "s2")))
                .expectEvents(new ServerQuotaClaimed(PROJECT, ALICE, List.of("s1", "s2"), 1, 512, null))
                .expectResultMessagePayload(List.of("s1", "s2"));
    }

    @Test
    void rejectsBootWhenInstanceQuotaIsExhausted() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 10), 1, 512, null))
                .when(claimTiny(1, List.of("s11")))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Quota exceeded for instances: Requested 1, but already used 10 of 10 "
                        + "instances");
    }

    @Test
    void namesEveryExceededResourceAsNovaDoes() {
        fixture.given(tiny("s1"))
                .when(new ClaimServerQuota(PROJECT, ALICE, List.of("huge"), 1, 4096, 67108864, 0, null))
                .expectNoEvents()
                .expectExceptionMessage("Quota exceeded for cores, ram: Requested 4096, 67108864, but already used "
                        + "1, 512 of 20, 51200 cores, ram");
    }

    @Test
    void refusesAWholeMinCountThatDoesNotFit() {
        fixture.given(tiny("s1"))
                .when(claimTiny(50, ids("n", 50)))
                .expectNoEvents()
                .expectExceptionMessage("Quota exceeded for cores, instances: Requested 50, 50, but already used 1, "
                        + "1 of 20, 10 cores, instances");
    }

    @Test
    void takesAsManyAsFitWhenThatIsAtLeastMinCount() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 7), 1, 512, null))
                .when(claimTiny(2, ids("n", 5)))
                .expectEvents(new ServerQuotaClaimed(PROJECT, ALICE, List.of("n1", "n2", "n3"), 1, 512, null))
                .expectResultMessagePayload(List.of("n1", "n2", "n3"));
    }

    @Test
    void showsARangeOfCountsWhenFewerThanMinCountFit() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 8), 1, 512, null))
                .when(claimTiny(3, ids("n", 5)))
                .expectNoEvents()
                .expectExceptionMessage("Quota exceeded for instances: Requested 3-5, but already used 8 of 10 "
                        + "instances");
    }

    @Test
    void countsCoresAndRamOfEveryServer() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 2), 8, 16384, null))
                .when(new ClaimServerQuota(PROJECT, ALICE, List.of("big"), 1, 8, 16384, 0, null))
                .expectNoEvents()
                .expectExceptionMessage("Quota exceeded for cores: Requested 8, but already used 16 of 20 cores");
    }

    @Test
    void checksMetadataItemsOfEachRequest() {
        fixture.givenNoPriorActivity()
                .when(new ClaimServerQuota(PROJECT, ALICE, List.of("s1"), 1, 1, 512, 129, null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Maximum number of metadata items exceeds 128");
    }

    @Test
    void limitsTheMembersOfAServerGroupPerUser() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("m", 9), 1, 128, GROUP),
                        new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 100,
                                QuotaResource.CORES, 100, QuotaResource.RAM, -1)))
                .when(new ClaimServerQuota(PROJECT, ALICE, ids("n", 2), 2, 1, 128, 0, GROUP))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Quota exceeded, too many servers in group");
    }

    @Test
    void anotherUserHasItsOwnMembersInTheGroup() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("m", 9), 1, 128, GROUP))
                .when(new ClaimServerQuota(PROJECT, BOB, List.of("b1"), 1, 1, 128, 0, GROUP))
                .expectEvents(new ServerQuotaClaimed(PROJECT, BOB, List.of("b1"), 1, 128, GROUP));
    }

    @Test
    void aProjectsOwnLimitsReplaceTheDefaults() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 10), 1, 512, null),
                        new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 11)))
                .when(claimTiny(1, List.of("s11")))
                .expectEvents(tiny("s11"));
    }

    @Test
    void aUsersLimitHoldsWithinTheProject() {
        fixture.given(new QuotaLimitsSet(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 1)),
                        new ServerQuotaClaimed(PROJECT, BOB, List.of("b1"), 1, 512, null))
                .when(new ClaimServerQuota(PROJECT, BOB, List.of("b2"), 1, 1, 512, 0, null))
                .expectNoEvents()
                .expectExceptionMessage("Quota exceeded for instances: Requested 1, but already used 1 of 1 "
                        + "instances");
    }

    @Test
    void configuredDefaultsApplyToProjectsWithoutTheirOwn() {
        AggregateTestFixture<ProjectQuota> configured = new AggregateTestFixture<>(ProjectQuota.class);
        configured.registerInjectableResource(QuotaDefaults.nova().with(Map.of(QuotaResource.INSTANCES, 1)));
        configured.given(tiny("s1"))
                .when(claimTiny(1, List.of("s2")))
                .expectExceptionMessage("Quota exceeded for instances: Requested 1, but already used 1 of 1 "
                        + "instances");
    }

    @Test
    void aClaimSeenTwiceCountsOnce() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, List.of("s1", "s2"), 1, 512, null))
                .when(claimTiny(2, List.of("s1", "s2")))
                .expectNoEvents()
                .expectResultMessagePayload(List.of("s1", "s2"));
    }

    @Test
    void releasingAServerGivesBackWhatItClaimed() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, List.of("s1", "s2"), 2, 2048, GROUP))
                .when(new ReleaseServerQuota(PROJECT, "s2"))
                .expectEvents(new ServerQuotaReleased(PROJECT, ALICE, "s2", 2, 2048, GROUP));
    }

    @Test
    void aReleaseSeenTwiceCountsOnce() {
        fixture.given(tiny("s1"), new ServerQuotaReleased(PROJECT, ALICE, "s1", 1, 512, null))
                .when(new ReleaseServerQuota(PROJECT, "s1"))
                .expectNoEvents();
    }

    @Test
    void aServerNeverCountedReleasesNothing() {
        fixture.given(tiny("s1"))
                .when(new ReleaseServerQuota(PROJECT, "built-before-quotas"))
                .expectNoEvents();
    }

    @Test
    void aReleasedPlaceCanBeClaimedAgain() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 10), 1, 512, null),
                        new ServerQuotaReleased(PROJECT, ALICE, "s3", 1, 512, null))
                .when(claimTiny(1, List.of("s11")))
                .expectEvents(tiny("s11"));
    }

    @Test
    void aReleasedMemberMakesRoomInItsGroup() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("m", 10), 1, 128, GROUP),
                        new ServerQuotaReleased(PROJECT, ALICE, "m4", 1, 128, GROUP))
                .when(new ClaimServerQuota(PROJECT, ALICE, List.of("m11"), 1, 1, 128, 0, GROUP))
                .expectEvents(new ServerQuotaClaimed(PROJECT, ALICE, List.of("m11"), 1, 128, GROUP));
    }

    @Test
    void claimsAServerGroup() {
        fixture.givenNoPriorActivity()
                .when(new ClaimServerGroupQuota(PROJECT, ALICE, GROUP))
                .expectEvents(new ServerGroupQuotaClaimed(PROJECT, ALICE, GROUP));
    }

    @Test
    void refusesAServerGroupOverTheQuota() {
        fixture.given(IntStream.rangeClosed(1, 10).mapToObj(i -> new ServerGroupQuotaClaimed(PROJECT, ALICE, "g" + i))
                        .toList())
                .when(new ClaimServerGroupQuota(PROJECT, BOB, GROUP))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Quota exceeded, too many server groups.");
    }

    @Test
    void aServerGroupIsCountedOnceAndReleasedOnce() {
        fixture.given(new ServerGroupQuotaClaimed(PROJECT, ALICE, GROUP))
                .when(new ClaimServerGroupQuota(PROJECT, ALICE, GROUP))
                .expectNoEvents();
        fixture.given(new ServerGroupQuotaClaimed(PROJECT, ALICE, GROUP))
                .when(new ReleaseServerGroupQuota(PROJECT, GROUP))
                .expectEvents(new ServerGroupQuotaReleased(PROJECT, ALICE, GROUP));
        fixture.given(new ServerGroupQuotaClaimed(PROJECT, ALICE, GROUP),
                        new ServerGroupQuotaReleased(PROJECT, ALICE, GROUP))
                .when(new ReleaseServerGroupQuota(PROJECT, GROUP))
                .expectNoEvents();
    }

    @Test
    void setsLimitsAndAnswersTheQuotaInForce() {
        fixture.givenNoPriorActivity()
                .when(new SetQuotaLimits(PROJECT, null, Map.of(QuotaResource.INSTANCES, 50), false))
                .expectEvents(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 50)))
                .expectResultMessagePayload(new QuotaReport(PROJECT, null,
                        QuotaDefaults.nova().with(Map.of(QuotaResource.INSTANCES, 50)).limits(), Usage.NONE.asMap()));
    }

    @Test
    void refusesALimitBelowWhatIsInUseUnlessForced() {
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 5), 1, 512, null))
                .when(new SetQuotaLimits(PROJECT, null, Map.of(QuotaResource.INSTANCES, 4), false))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BAD_REQUEST))
                .expectExceptionMessage("Quota limit 4 for instances must be greater than or equal to already used "
                        + "and reserved 5.");
        fixture.given(new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 5), 1, 512, null))
                .when(new SetQuotaLimits(PROJECT, null, Map.of(QuotaResource.INSTANCES, 4), true))
                .expectEvents(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 4)));
    }

    @Test
    void aUsersLimitMayTakeOnlyWhatTheProjectsLimitLeavesAfterItsOtherUsersLimits() {
        fixture.given(new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6)))
                .when(new SetQuotaLimits(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 5), false))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BAD_REQUEST))
                .expectExceptionMessage("Quota limit 5 for instances must be less than or equal to 4.");
        fixture.given(new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6)))
                .when(new SetQuotaLimits(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 4), false))
                .expectEvents(new QuotaLimitsSet(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 4)));
        fixture.given(new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6)),
                        new QuotaLimitsSet(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 4)))
                .when(new SetQuotaLimits(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6), false))
                .expectEvents(new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6)));
        fixture.given(new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 6)),
                        new QuotaLimitsSet(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 4)))
                .when(new SetQuotaLimits(PROJECT, ALICE, Map.of(QuotaResource.INSTANCES, 7), false))
                .expectNoEvents()
                .expectExceptionMessage("Quota limit 7 for instances must be less than or equal to 6.");
    }

    @Test
    void refusesAUserLimitAboveTheProjects() {
        fixture.givenNoPriorActivity()
                .when(new SetQuotaLimits(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 11), false))
                .expectNoEvents()
                .expectExceptionMessage("Quota limit 11 for instances must be less than or equal to 10.");
        fixture.givenNoPriorActivity()
                .when(new SetQuotaLimits(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, -1), false))
                .expectExceptionMessage("Quota limit -1 for instances must be less than or equal to 10.");
    }

    @Test
    void everyResetIsRecordedEvenOfAProjectWithoutLimits() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 50)))
                .when(new ResetQuotaLimits(PROJECT, null))
                .expectEvents(new QuotaLimitsReset(PROJECT, null));
        fixture.givenNoPriorActivity()
                .when(new ResetQuotaLimits(PROJECT, BOB))
                .expectEvents(new QuotaLimitsReset(PROJECT, BOB));
    }

    @Test
    void resettingOneUserKeepsTheProjectsLimits() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 1)),
                        new QuotaLimitsSet(PROJECT, BOB, Map.of(QuotaResource.INSTANCES, 1)),
                        new ServerQuotaClaimed(PROJECT, BOB, List.of("b1"), 1, 512, null),
                        new QuotaLimitsReset(PROJECT, BOB))
                .when(claimTiny(1, List.of("a1")))
                .expectExceptionMessage("Quota exceeded for instances: Requested 1, but already used 1 of 1 "
                        + "instances");
    }

    @Test
    void afterAResetTheDefaultsHoldAgain() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.INSTANCES, 50)),
                        new ServerQuotaClaimed(PROJECT, ALICE, ids("s", 10), 1, 512, null),
                        new QuotaLimitsReset(PROJECT, null))
                .when(claimTiny(1, List.of("s11")))
                .expectExceptionMessage("Quota exceeded for instances: Requested 1, but already used 10 of 10 "
                        + "instances");
    }
}
