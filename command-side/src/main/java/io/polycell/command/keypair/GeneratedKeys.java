package io.polycell.command.keypair;

import io.polycell.messages.keypair.KeyPairType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.ZonedDateTime;
import java.util.Base64;

/**
 * Key pairs generated for a user who brought no public key (Nova before microversion 2.92), in the
 * forms Nova hands out: for SSH a 2048-bit RSA key, the private half as a PEM "RSA PRIVATE KEY" and
 * the public half as {@code ssh-rsa ... Generated-by-Nova}; for X.509 a self-signed client
 * certificate for the user (valid 10 years, with the user's UPN for WinRM) and its key as a base64
 * PKCS#12 file without a password. The private half is returned once and never stored.
 */
final class GeneratedKeys {

    static final int RSA_BITS = 2048;
    private static final String PUBLIC_KEY_COMMENT = "Generated-by-Nova";
    private static final int CERTIFICATE_DAYS = 3650;
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String USER_PRINCIPAL_NAME = "1.3.6.1.4.1.311.20.2.3";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A generated key pair: what the user keeps ({@code privateKey}) and what Polycell records. */
    record Generated(String publicKey, String privateKey) {

        @Override
        public String toString() {
            return "Generated[publicKey=" + publicKey + ", privateKey=<not shown>]";
        }
    }

    private GeneratedKeys() {
    }

    static Generated generate(KeyPairType type, String userId) {
        try {
            return type == KeyPairType.X509 ? x509(userId) : ssh();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not generate a key pair", e);
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(RSA_BITS, RANDOM);
        return generator.generateKeyPair();
    }

    private static Generated ssh() throws GeneralSecurityException {
        KeyPair keys = rsa();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        byte[] blob = new SshWire.Writer().text("ssh-rsa").mpint(pub.getPublicExponent()).mpint(pub.getModulus())
                .toByteArray();
        String publicKey = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + PUBLIC_KEY_COMMENT;
        return new Generated(publicKey, pem("RSA PRIVATE KEY", pkcs1((RSAPrivateCrtKey) keys.getPrivate())));
    }

    /** RFC 8017's RSAPrivateKey: the form paramiko, and so Nova, writes a private key in. */
    private static byte[] pkcs1(RSAPrivateCrtKey key) {
        return Der.sequence(Der.integer(BigInteger.ZERO), Der.integer(key.getModulus()),
                Der.integer(key.getPublicExponent()), Der.integer(key.getPrivateExponent()),
                Der.integer(key.getPrimeP()), Der.integer(key.getPrimeQ()), Der.integer(key.getPrimeExponentP()),
                Der.integer(key.getPrimeExponentQ()), Der.integer(key.getCrtCoefficient()));
    }

    private static Generated x509(String userId) throws GeneralSecurityException, IOException {
        KeyPair keys = rsa();
        byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(userId))));
        ZonedDateTime now = ZonedDateTime.now();
        byte[] upn = Der.context(0, Der.oid(USER_PRINCIPAL_NAME), Der.context(0, Der.utf8(userId + "@localhost")));
        byte[] extensions = Der.context(3, Der.sequence(
                Der.sequence(Der.oid(EXTENDED_KEY_USAGE), Der.octetString(Der.sequence(Der.oid(CLIENT_AUTH)))),
                Der.sequence(Der.oid(SUBJECT_ALT_NAME), Der.octetString(Der.sequence(upn)))));
        byte[] certificateInfo = Der.sequence(Der.context(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(159, RANDOM).add(BigInteger.ONE)), algorithm, name,
                Der.sequence(Der.time(now), Der.time(now.plusDays(CERTIFICATE_DAYS))), name,
                keys.getPublic().getEncoded(), extensions);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(certificateInfo);
        byte[] der = Der.sequence(certificateInfo, algorithm, Der.bitString(signer.sign()));
        Certificate certificate = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        pkcs12.load(null, null);
        pkcs12.setKeyEntry("key", keys.getPrivate(), new char[0], new Certificate[] {certificate});
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        pkcs12.store(file, new char[0]);
        return new Generated(pem("CERTIFICATE", der),
                Base64.getEncoder().encodeToString(file.toByteArray()));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
