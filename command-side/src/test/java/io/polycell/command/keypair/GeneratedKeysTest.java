package io.polycell.command.keypair;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.messages.keypair.KeyPairType;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratedKeysTest {

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    @Test
    void anSshKeyPairIsAnRsaKeyWhosePrivateHalfMatchesItsPublicHalf() throws Exception {
        GeneratedKeys.Generated generated = GeneratedKeys.generate(KeyPairType.SSH, "alice");

        String[] line = generated.publicKey().split(" ");
        assertThat(line[0]).isEqualTo("ssh-rsa");
        assertThat(line[2]).isEqualTo("Generated-by-Nova");
        SshWire wire = new SshWire(Base64.getDecoder().decode(line[1]));
        assertThat(wire.text()).isEqualTo("ssh-rsa");
        BigInteger exponent = wire.mpint();
        BigInteger modulus = wire.mpint();
        assertThat(modulus.bitLength()).isEqualTo(GeneratedKeys.RSA_BITS);

        RSAPrivateCrtKey privateKey = readPkcs1(generated.privateKey());
        assertThat(privateKey.getModulus()).isEqualTo(modulus);
        assertThat(privateKey.getPublicExponent()).isEqualTo(exponent);
        assertThat(PublicKeys.fingerprint(KeyPairType.SSH, generated.publicKey())).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    }

    @Test
    void everyGeneratedKeyIsNew() {
        assertThat(GeneratedKeys.generate(KeyPairType.SSH, "alice").publicKey())
                .isNotEqualTo(GeneratedKeys.generate(KeyPairType.SSH, "alice").publicKey());
    }

    @Test
    void anX509KeyPairIsASelfSignedClientCertificateOfTheUserWithItsKeyInPkcs12() throws Exception {
        GeneratedKeys.Generated generated = GeneratedKeys.generate(KeyPairType.X509, "alice");

        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(generated.publicKey().getBytes(StandardCharsets.US_ASCII)));
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=alice");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getSubjectAlternativeNames()).singleElement()
                .satisfies(name -> assertThat(name.get(0)).isEqualTo(0));
        assertThat(PublicKeys.fingerprint(KeyPairType.X509, generated.publicKey()))
                .matches("([0-9a-f]{2}:){19}[0-9a-f]{2}");

        KeyStore pkcs12 = KeyStore.getInstance("PKCS12");
        pkcs12.load(new ByteArrayInputStream(Base64.getDecoder().decode(generated.privateKey())), new char[0]);
        String alias = pkcs12.aliases().nextElement();
        assertThat(pkcs12.getCertificate(alias)).isEqualTo(certificate);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign((java.security.PrivateKey) pkcs12.getKey(alias, new char[0]));
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(certificate.getPublicKey());
        signature.update(new byte[] {1, 2, 3});
        assertThat(signature.verify(signed)).isTrue();
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(GeneratedKeys.RSA_BITS);
    }

    /** Reads a PEM "RSA PRIVATE KEY" (PKCS#1) by wrapping it in the PKCS#8 form the JDK reads. */
    private static RSAPrivateCrtKey readPkcs1(String pem) throws Exception {
        List<String> lines = pem.lines().toList();
        assertThat(lines.get(0)).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END RSA PRIVATE KEY-----");
        assertThat(lines.subList(1, lines.size() - 1)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        byte[] pkcs1 = Base64.getMimeDecoder().decode(String.join("", lines.subList(1, lines.size() - 1)));
        byte[] pkcs8 = Der.sequence(Der.integer(BigInteger.ZERO),
                Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()), Der.octetString(pkcs1));
        return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
