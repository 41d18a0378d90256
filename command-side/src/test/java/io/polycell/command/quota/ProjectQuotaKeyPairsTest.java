package io.polycell.command.quota;

import static io.polycell.command.support.Refusals.refusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.quota.ClaimKeyPairQuota;
import io.polycell.messages.quota.KeyPairQuotaClaimed;
import io.polycell.messages.quota.KeyPairQuotaReleased;
import io.polycell.messages.quota.QuotaLimitsSet;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.ReleaseKeyPairQuota;
import java.util.Map;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key pairs in a project's quota: counted per user against {@code key_pairs}, released once. */
class ProjectQuotaKeyPairsTest {

    private static final String PROJECT = "e2d800d5324642df94cb50b51bec8a37";
    private static final String ALICE = "alice";
    private static final String BOB = "bob";

    private final AggregateTestFixture<ProjectQuota> fixture = new AggregateTestFixture<>(ProjectQuota.class);

    @BeforeEach
    void novaDefaults() {
        fixture.registerInjectableResource(QuotaDefaults.nova());
    }

    private static KeyPairQuotaClaimed claimed(String userId, String keyPairId) {
        return new KeyPairQuotaClaimed(PROJECT, userId, keyPairId);
    }

    private static Object[] aliceHas(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> claimed(ALICE, "k" + i)).toArray();
    }

    @Test
    void claimsAKeyPair() {
        fixture.givenNoPriorActivity()
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k1"))
                .expectEvents(claimed(ALICE, "k1"));
    }

    @Test
    void refusesAKeyPairOverTheLimitWithNovasMessage() {
        fixture.given(aliceHas(100))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k101"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN))
                .expectExceptionMessage("Quota exceeded, too many key pairs.");
    }

    @Test
    void countsEachUsersKeyPairsApart() {
        fixture.given(aliceHas(100))
                .when(new ClaimKeyPairQuota(PROJECT, BOB, "b1"))
                .expectEvents(claimed(BOB, "b1"));
    }

    @Test
    void aUsersOwnLimitHolds() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, 3)),
                        new QuotaLimitsSet(PROJECT, ALICE, Map.of(QuotaResource.KEY_PAIRS, 1)), claimed(ALICE, "k1"))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k2"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void withoutAUserLimitTheProjectsLimitHoldsForEachUser() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, 3)), claimed(ALICE, "k1"),
                        claimed(BOB, "b1"), claimed(BOB, "b2"))
                .when(new ClaimKeyPairQuota(PROJECT, BOB, "b3"))
                .expectEvents(claimed(BOB, "b3"));
    }

    @Test
    void aUserAtTheProjectsLimitIsRefused() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, 3)), claimed(BOB, "b1"),
                        claimed(BOB, "b2"), claimed(BOB, "b3"))
                .when(new ClaimKeyPairQuota(PROJECT, BOB, "b4"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void anUnlimitedQuotaTakesAnyNumber() {
        fixture.given(new QuotaLimitsSet(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, -1)))
                .andGiven(aliceHas(500))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k501"))
                .expectEvents(claimed(ALICE, "k501"));
    }

    @Test
    void aClaimSeenTwiceCountsOnce() {
        fixture.given(aliceHas(3))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k3"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aUserAtTheLimitIsRefusedFirstAsNovaChecksTheQuotaBeforeTheName() {
        fixture.given(aliceHas(100))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k100"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.FORBIDDEN));
    }

    @Test
    void releasingAKeyPairMakesRoomForAnother() {
        fixture.given(aliceHas(100))
                .andGiven(new KeyPairQuotaReleased(PROJECT, ALICE, "k7"))
                .when(new ClaimKeyPairQuota(PROJECT, ALICE, "k101"))
                .expectEvents(claimed(ALICE, "k101"));
    }

    @Test
    void releasesAKeyPairWithItsUser() {
        fixture.given(claimed(BOB, "b1"))
                .when(new ReleaseKeyPairQuota(PROJECT, "b1"))
                .expectEvents(new KeyPairQuotaReleased(PROJECT, BOB, "b1"));
    }

    @Test
    void aReleaseSeenTwiceCountsOnce() {
        fixture.given(claimed(BOB, "b1"), new KeyPairQuotaReleased(PROJECT, BOB, "b1"))
                .when(new ReleaseKeyPairQuota(PROJECT, "b1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void keyPairsAreNotPartOfTheProjectsTotalsButOfItsUsage() {
        ProjectQuota quota = ProjectQuota.unclaimed(PROJECT);
        quota.on(claimed(ALICE, "k1"));
        quota.on(claimed(BOB, "b1"));
        quota.on(new KeyPairQuotaReleased(PROJECT, BOB, "b1"));

        assertThat(quota.usage().keyPairs()).containsExactly("k1");
        assertThat(quota.report(ALICE, QuotaDefaults.nova()).inUse(QuotaResource.KEY_PAIRS)).isZero();
    }
}
