package io.polycell.command.keypair;

import static io.polycell.command.support.Refusals.refusedWith;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.keypair.CreateKeyPair;
import io.polycell.messages.keypair.DeleteKeyPair;
import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import io.polycell.messages.keypair.KeyPairType;
import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class KeyPairTest {

    private static final String ALICE = "alice";
    private static final String ID = KeyPair.idOf(ALICE, "laptop");

    private final AggregateTestFixture<KeyPair> fixture = new AggregateTestFixture<>(KeyPair.class);

    private static CreateKeyPair create(String publicKey, String projectId) {
        return new CreateKeyPair(ID, ALICE, "laptop", KeyPairType.SSH, publicKey, projectId);
    }

    private static KeyPairCreated created(String projectId) {
        return new KeyPairCreated(ID, ALICE, "laptop", KeyPairType.SSH, TestKeys.RSA, TestKeys.RSA_FINGERPRINT,
                projectId);
    }

    @Test
    void importsAPublicKeyWithNovasFingerprint() {
        fixture.givenNoPriorActivity()
                .when(create(TestKeys.RSA, "demo"))
                .expectEvents(created("demo"));
    }

    @Test
    void refusesANameTheUserHasAlready() {
        fixture.given(created("demo"))
                .when(create(TestKeys.ED25519, "demo"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.CONFLICT))
                .expectExceptionMessage("Key pair 'laptop' already exists.");
    }

    @Test
    void refusesAKeyNovaCouldNotRead() {
        fixture.givenNoPriorActivity()
                .when(create("ssh-rsa AAAAnotakey", "demo"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.BAD_REQUEST))
                .expectExceptionMessage("Keypair data is invalid: failed to generate fingerprint");
    }

    @Test
    void aDeletedNameCanBeTakenAgainFromAnotherProject() {
        fixture.given(created("demo"), new KeyPairDeleted(ID, ALICE, "laptop", "demo"))
                .when(create(TestKeys.RSA, "other"))
                .expectEvents(created("other"));
    }

    @Test
    void deletingSaysWhichProjectCountedTheKeyPair() {
        fixture.given(created("demo"))
                .when(new DeleteKeyPair(ID, ALICE, "laptop"))
                .expectEvents(new KeyPairDeleted(ID, ALICE, "laptop", "demo"));
    }

    @Test
    void deletingAKeyPairTheUserNoLongerHasIsNotFound() {
        fixture.given(created("demo"), new KeyPairDeleted(ID, ALICE, "laptop", "demo"))
                .when(new DeleteKeyPair(ID, ALICE, "laptop"))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.NOT_FOUND))
                .expectExceptionMessage("Keypair laptop not found for user alice");
    }

    @Test
    void eachUserAndNameIsItsOwnKeyPair() {
        Assertions.assertThat(KeyPair.idOf("alice", "laptop")).isEqualTo(ID)
                .isNotEqualTo(KeyPair.idOf("bob", "laptop")).isNotEqualTo(KeyPair.idOf("alice", "desktop"))
                .isNotEqualTo(KeyPair.idOf("alice\nlaptop", ""));
    }
}
