package io.polycell.command.keypair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.KeyPairType;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicKeysTest {

    private static final String UNREADABLE = "Keypair data is invalid: failed to generate fingerprint";

    @ParameterizedTest
    @CsvSource({"RSA", "ED25519", "ECDSA_256", "ECDSA_384", "ECDSA_521", "DSA"})
    void fingerprintsEverySshKeyTypeAsOpenSshDoes(String key) throws Exception {
        String publicKey = (String) TestKeys.class.getDeclaredField(key).get(null);
        String expected = (String) TestKeys.class.getDeclaredField(key + "_FINGERPRINT").get(null);

        assertThat(PublicKeys.fingerprint(KeyPairType.SSH, publicKey)).isEqualTo(expected);
    }

    @Test
    void aKeyWithoutCommentOrWithATrailingNewLineIsTheSameKey() {
        String bare = TestKeys.ED25519.substring(0, TestKeys.ED25519.lastIndexOf(' '));

        assertThat(PublicKeys.fingerprint(KeyPairType.SSH, bare)).isEqualTo(TestKeys.ED25519_FINGERPRINT);
        assertThat(PublicKeys.fingerprint(KeyPairType.SSH, bare + "\n")).isEqualTo(TestKeys.ED25519_FINGERPRINT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-what negative", "ssh-rsa", "", "ssh-rsa not*base64", "AAAAB3NzaC1yc2EAAAADAQAB"})
    void refusesWhatIsNoKeyWithNovasMessage(String publicKey) {
        assertRefused(publicKey);
    }

    @Test
    void refusesABodyOfAnotherTypeThanItsHeader() {
        assertRefused("ssh-rsa " + body(TestKeys.ED25519));
    }

    @Test
    void refusesATruncatedKey() {
        byte[] blob = blob(TestKeys.RSA);
        assertRefused("ssh-rsa " + Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length - 10)));
    }

    @Test
    void refusesBytesAfterTheKey() {
        byte[] blob = blob(TestKeys.ED25519);
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(Arrays.copyOf(blob, blob.length + 4)));
    }

    @Test
    void refusesAnEd25519KeyOfTheWrongLength() {
        byte[] key = new SshWire.Writer().text("ssh-ed25519").bytes(new byte[31]).toByteArray();
        assertRefused("ssh-ed25519 " + Base64.getEncoder().encodeToString(key));
    }

    @Test
    void refusesAnEcdsaPointOffItsCurve() {
        byte[] blob = blob(TestKeys.ECDSA_256);
        blob[blob.length - 1] ^= 1;
        assertRefused("ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob));
    }

    @Test
    void refusesAnEcdsaKeyNamingAnotherCurve() {
        SshWire wire = new SshWire(blob(TestKeys.ECDSA_256));
        String type = wire.text();
        wire.text();
        byte[] key = new SshWire.Writer().text(type).text("nistp384").bytes(wire.bytes()).toByteArray();
        assertRefused(type + " " + Base64.getEncoder().encodeToString(key));
    }

    @Test
    void refusesAnRsaKeyWithAnEvenExponent() {
        byte[] key = new SshWire.Writer().text("ssh-rsa").mpint(BigInteger.valueOf(65536))
                .mpint(BigInteger.ONE.shiftLeft(2047).add(BigInteger.ONE)).toByteArray();
        assertRefused("ssh-rsa " + Base64.getEncoder().encodeToString(key));
    }

    @Test
    void fingerprintsACertificateAsOpenSslDoes() {
        assertThat(PublicKeys.fingerprint(KeyPairType.X509, TestKeys.CERTIFICATE))
                .isEqualTo(TestKeys.CERTIFICATE_FINGERPRINT);
    }

    @Test
    void refusesAnSshKeyGivenAsACertificateAndTheOtherWayRound() {
        assertThatThrownBy(() -> PublicKeys.fingerprint(KeyPairType.X509, TestKeys.RSA))
                .isInstanceOf(PolycellException.class)
                .hasMessageStartingWith("Keypair data is invalid: failed to generate X509 fingerprint. Error message: ");
        assertRefused(TestKeys.CERTIFICATE);
    }

    @Test
    void refusesABrokenCertificate() {
        String broken = TestKeys.CERTIFICATE.replace("MIIDAzCC", "MIIDAzXX");
        assertThatThrownBy(() -> PublicKeys.fingerprint(KeyPairType.X509, broken))
                .isInstanceOf(PolycellException.class)
                .hasMessageStartingWith("Keypair data is invalid: failed to generate X509 fingerprint.");
    }

    private static void assertRefused(String publicKey) {
        assertThatThrownBy(() -> PublicKeys.fingerprint(KeyPairType.SSH, publicKey))
                .isInstanceOfSatisfying(PolycellException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.BAD_REQUEST))
                .hasMessage(UNREADABLE);
    }

    private static String body(String publicKey) {
        return publicKey.split(" ")[1];
    }

    private static byte[] blob(String publicKey) {
        return Base64.getDecoder().decode(body(publicKey));
    }
}
