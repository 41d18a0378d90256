package io.polycell.query.keypair;

import io.polycell.messages.keypair.KeyPairType;
import java.time.Instant;

/** One key pair as {@code key_pair_view} holds it; {@code id} is Nova's integer id. */
public record KeyPairRow(long id, String userId, String name, KeyPairType type, String publicKey, String fingerprint,
                         Instant createdAt) {
}
