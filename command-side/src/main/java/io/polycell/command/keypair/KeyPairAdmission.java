package io.polycell.command.keypair;

import io.polycell.command.quota.ProjectQuotas;
import io.polycell.messages.keypair.AdmitKeyPair;
import io.polycell.messages.keypair.CreateKeyPair;
import io.polycell.messages.keypair.DeleteKeyPair;
import io.polycell.messages.keypair.NewKeyPair;
import io.polycell.messages.keypair.RetireKeyPair;
import io.polycell.messages.quota.ClaimKeyPairQuota;
import io.polycell.messages.quota.ReleaseKeyPairQuota;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Creates and deletes key pairs together with their place in the quota, in one unit of work each: a
 * key pair never exists uncounted, and a deleted one never keeps counting. The quota is claimed
 * before the key pair is checked, as Nova checks it first (a full quota is a 403 even for a name
 * that is taken); a refusal of either rolls both back. Both handlers take the key pair's lock before
 * the quota's, as a boot that names a key pair does, so no two of them wait for each other.
 */
public final class KeyPairAdmission {

    private final Repository<KeyPair> keyPairs;
    private final ProjectQuotas quotas;

    public KeyPairAdmission(Repository<KeyPair> keyPairs, ProjectQuotas quotas) {
        this.keyPairs = keyPairs;
        this.quotas = quotas;
    }

    /** Generates the key pair first when no public key was given: the quota's lock is not held meanwhile. */
    @CommandHandler
    public NewKeyPair handle(AdmitKeyPair command) throws Exception {
        GeneratedKeys.Generated generated = command.publicKey() == null
                ? GeneratedKeys.generate(command.type(), command.userId()) : null;
        String publicKey = generated == null ? command.publicKey() : generated.publicKey();
        String keyPairId = KeyPair.idOf(command.userId(), command.name());
        Aggregate<KeyPair> keyPair = keyPairs.loadOrCreate(keyPairId, KeyPair::absent);
        quotas.claimKeyPair(new ClaimKeyPairQuota(command.projectId(), command.userId(), keyPairId));
        keyPair.handle(GenericCommandMessage.asCommandMessage(new CreateKeyPair(keyPairId, command.userId(),
                command.name(), command.type(), publicKey, command.projectId())));
        String fingerprint = keyPair.invoke(KeyPair::fingerprint);
        return new NewKeyPair(command.name(), command.userId(), command.type(), publicKey, fingerprint,
                generated == null ? null : generated.privateKey());
    }

    @CommandHandler
    public void handle(RetireKeyPair command) throws Exception {
        String keyPairId = KeyPair.idOf(command.userId(), command.name());
        Aggregate<KeyPair> keyPair;
        try {
            keyPair = keyPairs.load(keyPairId);
        } catch (AggregateNotFoundException never) {
            throw KeyPair.notFound(command.name(), command.userId());
        }
        String projectId = keyPair.invoke(KeyPair::projectId);
        keyPair.handle(GenericCommandMessage.asCommandMessage(new DeleteKeyPair(keyPairId, command.userId(),
                command.name())));
        quotas.releaseKeyPair(new ReleaseKeyPairQuota(projectId, keyPairId));
    }
}
