package io.polycell.command.keypair;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.CreateKeyPair;
import io.polycell.messages.keypair.DeleteKeyPair;
import io.polycell.messages.keypair.KeyPairCreated;
import io.polycell.messages.keypair.KeyPairDeleted;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The key pair of one user and one name. Its identity is derived from the user and the name, so the
 * rule that a user's key pair names are unique is held here, one command at a time, never by asking
 * a view: a second create of the same name finds this aggregate and is refused (409). A deleted key
 * pair stays as an aggregate without a key, so the name can be created again and its history goes on.
 */
public class KeyPair {

    @AggregateIdentifier
    private String keyPairId;
    private String userId;
    private String name;
    /** Whether the user has this key pair now. */
    private boolean present;
    /** The project whose quota counts the key pair while it is present. */
    private String projectId;
    private String fingerprint;

    private KeyPair() {
    }

    /** The key pair of a user and name that was never created: what a first create starts from. */
    static KeyPair absent() {
        return new KeyPair();
    }

    /**
     * The aggregate of a user's key pair called {@code name}: a name-based UUID, so it can never be
     * taken for a project's quota, which is keyed by the project's id in the same event store.
     */
    public static String idOf(String userId, String name) {
        return UUID.nameUUIDFromBytes(("key-pair\n" + userId + "\n" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A key pair whose name the user already has is refused; so is a public key Nova could not read. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateKeyPair command) {
        if (present) {
            throw new PolycellException(ErrorCode.CONFLICT, "Key pair '" + command.name() + "' already exists.");
        }
        String fingerprint = PublicKeys.fingerprint(command.type(), command.publicKey());
        apply(new KeyPairCreated(command.keyPairId(), command.userId(), command.name(), command.type(),
                command.publicKey(), fingerprint, command.projectId()));
    }

    @CommandHandler
    void handle(DeleteKeyPair command) {
        if (!present) {
            throw notFound(command.name(), command.userId());
        }
        apply(new KeyPairDeleted(keyPairId, userId, name, projectId));
    }

    /** Nova's 404 for a key pair the user does not have. */
    public static PolycellException notFound(String name, String userId) {
        return new PolycellException(ErrorCode.NOT_FOUND, "Keypair " + name + " not found for user " + userId);
    }

    /** Whether the user has this key pair now (a boot may name it). */
    public boolean present() {
        return present;
    }

    /** Nova's fingerprint of the public key; null when the key pair is not present. */
    String fingerprint() {
        return present ? fingerprint : null;
    }

    /** The project whose quota counts this key pair; null when it is not present. */
    String projectId() {
        return present ? projectId : null;
    }

    @EventSourcingHandler
    void on(KeyPairCreated event) {
        keyPairId = event.keyPairId();
        userId = event.userId();
        name = event.name();
        projectId = event.projectId();
        fingerprint = event.fingerprint();
        present = true;
    }

    @EventSourcingHandler
    void on(KeyPairDeleted event) {
        present = false;
        projectId = null;
        fingerprint = null;
    }
}
