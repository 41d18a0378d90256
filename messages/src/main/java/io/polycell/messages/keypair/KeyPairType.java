package io.polycell.messages.keypair;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of key pair Nova knows (microversion 2.2), by their names on the wire. */
public enum KeyPairType {
    /** An SSH public key (RSA, DSA, ECDSA or Ed25519) in OpenSSH's one-line format. */
    SSH("ssh"),
    /** An X.509 certificate in PEM, for WinRM logins to Windows guests. */
    X509("x509");

    private final String wireName;

    KeyPairType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<KeyPairType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
