package io.polycell.messages.keypair;

/**
 * The answer to {@link AdmitKeyPair}: the key pair as created. {@code privateKey} is set only when the
 * key pair was generated; it is never recorded, so this is the only time anyone sees it.
 */
public record NewKeyPair(String name, String userId, KeyPairType type, String publicKey, String fingerprint,
                         String privateKey) {

    @Override
    public String toString() {
        return "NewKeyPair[name=" + name + ", userId=" + userId + ", type=" + type + ", fingerprint=" + fingerprint
                + (privateKey == null ? "" : ", privateKey=<generated, not shown>") + "]";
    }
}
