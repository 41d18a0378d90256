package io.polycell.command.keypair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.command.quota.ProjectQuota;
import io.polycell.command.quota.ProjectQuotas;
import io.polycell.command.quota.QuotaDefaults;
import io.polycell.command.support.SerializingEventStorage;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.AdmitKeyPair;
import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import io.polycell.messages.keypair.KeyPairType;
import io.polycell.messages.keypair.NewKeyPair;
import io.polycell.messages.keypair.RetireKeyPair;
import io.polycell.messages.quota.KeyPairQuotaClaimed;
import io.polycell.messages.quota.KeyPairQuotaReleased;
import io.polycell.messages.quota.QuotaResource;
import io.polycell.messages.quota.SetQuotaLimits;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating and deleting a key pair with its place in the quota, on Axon with an event store: both
 * aggregates' events are stored together, or, when either refuses, neither is.
 */
class KeyPairAdmissionTest {

    private static final String PROJECT = "demo";
    private static final String ALICE = "alice";

    private final SerializingEventStorage storage = new SerializingEventStorage();
    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(QuotaDefaults.class, c -> QuotaDefaults.nova())
                .configureAggregate(ProjectQuotas.aggregateConfiguration())
                .configureAggregate(KeyPair.class)
                .registerComponent(ProjectQuotas.class, c -> new ProjectQuotas(c.repository(ProjectQuota.class),
                        c.eventStore(), QuotaDefaults.nova()))
                .registerCommandHandler(c -> c.getComponent(ProjectQuotas.class))
                .registerCommandHandler(c -> new KeyPairAdmission(c.repository(KeyPair.class),
                        c.getComponent(ProjectQuotas.class)))
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    private NewKeyPair admit(String name, String publicKey) {
        return commands.sendAndWait(new AdmitKeyPair(ALICE, PROJECT, name, KeyPairType.SSH, publicKey));
    }

    private List<Object> events(String aggregateId) {
        return storage.readEvents(aggregateId, 0).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    private static void assertRefused(Runnable command, ErrorCode code, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(PolycellException.class,
                refusal -> assertThat(refusal.code()).isEqualTo(code)).hasMessage(message);
    }

    @Test
    void importingAKeyPairCountsItInTheSameStep() {
        NewKeyPair created = admit("laptop", TestKeys.ED25519);

        String id = KeyPair.idOf(ALICE, "laptop");
        assertThat(created).isEqualTo(new NewKeyPair("laptop", ALICE, KeyPairType.SSH, TestKeys.ED25519,
                TestKeys.ED25519_FINGERPRINT, null));
        assertThat(events(id)).containsExactly(new KeyPairCreated(id, ALICE, "laptop", KeyPairType.SSH,
                TestKeys.ED25519, TestKeys.ED25519_FINGERPRINT, PROJECT));
        assertThat(events(PROJECT)).containsExactly(new KeyPairQuotaClaimed(PROJECT, ALICE, id));
    }

    @Test
    void aGeneratedKeyPairHandsOutItsPrivateKeyOnceAndRecordsOnlyThePublicOne() {
        NewKeyPair created = admit("generated", null);

        assertThat(created.privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(created.publicKey()).startsWith("ssh-rsa ").endsWith(" Generated-by-Nova");
        assertThat(created.fingerprint()).isEqualTo(PublicKeys.fingerprint(KeyPairType.SSH, created.publicKey()));
        KeyPairCreated recorded = (KeyPairCreated) events(KeyPair.idOf(ALICE, "generated")).get(0);
        assertThat(recorded.publicKey()).isEqualTo(created.publicKey());
        assertThat(recorded.toString()).doesNotContain("PRIVATE").doesNotContain(created.privateKey().substring(40,
                100));
    }

    @Test
    void overTheQuotaNothingIsCreated() {
        commands.sendAndWait(new SetQuotaLimits(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, 1), false));
        admit("first", TestKeys.RSA);

        assertRefused(() -> admit("second", TestKeys.ED25519), ErrorCode.FORBIDDEN,
                "Quota exceeded, too many key pairs.");
        assertThat(events(KeyPair.idOf(ALICE, "second"))).isEmpty();
    }

    @Test
    void aFullQuotaIsReportedBeforeATakenNameAsInNova() {
        commands.sendAndWait(new SetQuotaLimits(PROJECT, null, Map.of(QuotaResource.KEY_PAIRS, 1), false));
        admit("first", TestKeys.RSA);

        assertRefused(() -> admit("first", TestKeys.RSA), ErrorCode.FORBIDDEN, "Quota exceeded, too many key pairs.");
    }

    @Test
    void aTakenNameIsAConflictWhereverTheUserAsksFrom() {
        admit("first", TestKeys.RSA);

        assertRefused(() -> admit("first", TestKeys.ED25519), ErrorCode.CONFLICT, "Key pair 'first' already exists.");
        assertRefused(() -> commands.sendAndWait(new AdmitKeyPair(ALICE, "another-project", "first",
                KeyPairType.SSH, TestKeys.RSA)), ErrorCode.CONFLICT, "Key pair 'first' already exists.");
        assertThat(events("another-project")).as("the claim of a refused key pair is rolled back").isEmpty();
        assertThat(events(PROJECT)).hasSize(1);
    }

    @Test
    void aRefusedKeyLeavesTheQuotaAsItWas() {
        assertRefused(() -> admit("broken", "ssh-rsa AAAAB3Nza"), ErrorCode.BAD_REQUEST,
                "Keypair data is invalid: failed to generate fingerprint");

        assertThat(events(PROJECT)).isEmpty();
    }

    @Test
    void deletingReleasesExactlyOnce() {
        admit("laptop", TestKeys.RSA);
        String id = KeyPair.idOf(ALICE, "laptop");

        commands.sendAndWait(new RetireKeyPair(ALICE, "laptop"));
        assertRefused(() -> commands.sendAndWait(new RetireKeyPair(ALICE, "laptop")), ErrorCode.NOT_FOUND,
                "Keypair laptop not found for user alice");

        assertThat(events(id)).last().isEqualTo(new KeyPairDeleted(id, ALICE, "laptop", PROJECT));
        assertThat(events(PROJECT)).containsExactly(new KeyPairQuotaClaimed(PROJECT, ALICE, id),
                new KeyPairQuotaReleased(PROJECT, ALICE, id));
    }

    @Test
    void aKeyPairNeverCreatedIsNotFound() {
        assertRefused(() -> commands.sendAndWait(new RetireKeyPair(ALICE, "never")), ErrorCode.NOT_FOUND,
                "Keypair never not found for user alice");
    }

    @Test
    void aDeletedNameCanBeCreatedAgainAndCountsAgain() {
        admit("laptop", TestKeys.RSA);
        commands.sendAndWait(new RetireKeyPair(ALICE, "laptop"));

        assertThat(admit("laptop", TestKeys.ED25519).fingerprint()).isEqualTo(TestKeys.ED25519_FINGERPRINT);
        assertThat(events(PROJECT)).hasSize(3).last().isInstanceOf(KeyPairQuotaClaimed.class);
    }
}
