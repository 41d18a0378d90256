package io.polycell.command.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import io.polycell.messages.keypair.KeyPairType;
import io.polycell.messages.quota.KeyPairQuotaClaimed;
import io.polycell.messages.quota.KeyPairQuotaReleased;
import io.polycell.messages.quota.ProjectUsage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Key pairs recounted from their own events, and the drift check that compares them with the quota. */
class UsageRecountKeyPairsTest {

    private static final String DEMO = "demo";
    private static final String OTHER = "other";

    private final UsageRecount recount = new UsageRecount(project -> true);

    private void feed(Object... payloads) {
        for (Object payload : payloads) {
            recount.accept(GenericEventMessage.asEventMessage(payload));
        }
    }

    private static KeyPairCreated created(String id, String user, String projectId) {
        return new KeyPairCreated(id, user, "name-" + id, KeyPairType.SSH, "ssh-ed25519 AAAA", "00:11", projectId);
    }

    private static KeyPairDeleted deleted(String id, String user, String projectId) {
        return new KeyPairDeleted(id, user, "name-" + id, projectId);
    }

    @Test
    void countsKeyPairsNotDeletedInTheProjectTheyWereCreatedIn() {
        feed(created("k1", "alice", DEMO), created("k2", "alice", DEMO), created("k3", "bob", OTHER),
                deleted("k2", "alice", DEMO), created("k2", "alice", OTHER), created("k4", "alice", DEMO),
                deleted("k4", "alice", DEMO));

        assertThat(recount.usage().get(DEMO).keyPairs()).containsExactly("k1");
        assertThat(recount.usage().get(OTHER).keyPairs()).containsExactlyInAnyOrder("k2", "k3");
    }

    @Test
    void aProjectWhoseKeyPairsAreAllGoneIsStillChecked() {
        feed(created("k1", "alice", DEMO), new KeyPairQuotaClaimed(DEMO, "alice", "k1"), deleted("k1", "alice", DEMO));

        assertThat(recount.projects()).contains(DEMO);
        assertThat(recount.usage().get(DEMO).keyPairs()).isEmpty();
    }

    @Test
    void agreesWithTheQuotaThatCountedTheSameKeyPairs() {
        feed(created("k1", "alice", DEMO), created("k2", "bob", DEMO), deleted("k2", "bob", DEMO));
        ProjectQuota quota = ProjectQuota.unclaimed(DEMO);
        quota.on(new KeyPairQuotaClaimed(DEMO, "alice", "k1"));
        quota.on(new KeyPairQuotaClaimed(DEMO, "bob", "k2"));
        quota.on(new KeyPairQuotaReleased(DEMO, "bob", "k2"));

        QuotaDrift drift = new QuotaDrift(DEMO, quota.usage(), recount.usage().get(DEMO));

        assertThat(drift.drifted()).isFalse();
    }

    @Test
    void aMissedReleaseShowsAsAKeyPairCountedButGone() {
        feed(created("k1", "alice", DEMO), created("k2", "bob", DEMO), deleted("k2", "bob", DEMO),
                created("k3", "bob", DEMO));
        ProjectQuota quota = ProjectQuota.unclaimed(DEMO);
        quota.on(new KeyPairQuotaClaimed(DEMO, "alice", "k1"));
        quota.on(new KeyPairQuotaClaimed(DEMO, "bob", "k2"));

        QuotaDrift drift = new QuotaDrift(DEMO, quota.usage(), recount.usage().get(DEMO));

        assertThat(drift.drifted()).isTrue();
        assertThat(drift.keyPairsCountedButGone()).containsExactly("k2");
        assertThat(drift.keyPairsNotCounted()).containsExactly("k3");
        ProjectUsage live = quota.usage();
        assertThat(live.servers()).isEmpty();
    }
}
