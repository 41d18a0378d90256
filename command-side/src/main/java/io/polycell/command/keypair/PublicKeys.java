package io.polycell.command.keypair;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.KeyPairType;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.security.spec.InvalidParameterSpecException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a public key the way Nova does before it stores one, and computes Nova's fingerprint of it:
 * for SSH keys the MD5 of the key blob in colon-separated hex, for X.509 certificates the SHA-1 of
 * the certificate. A key Nova would refuse is refused with Nova's 400.
 */
final class PublicKeys {

    /** Nova's line format: the key type, blanks, the base64 blob, then anything (a comment). */
    private static final Pattern SSH_LINE = Pattern.compile("\\A(\\S+)[ \\t]+(\\S+)");
    private static final Map<String, String> CURVES = Map.of("ecdsa-sha2-nistp256", "secp256r1",
            "ecdsa-sha2-nistp384", "secp384r1", "ecdsa-sha2-nistp521", "secp521r1");
    private static final Set<Integer> DSA_P_BITS = Set.of(1024, 2048, 3072, 4096);
    private static final Set<Integer> DSA_Q_BITS = Set.of(160, 224, 256);
    private static final int ED25519_LENGTH = 32;
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private PublicKeys() {
    }

    /** Nova's fingerprint of {@code publicKey}, or its 400 when Nova could not read the key. */
    static String fingerprint(KeyPairType type, String publicKey) {
        return type == KeyPairType.X509 ? x509Fingerprint(publicKey) : sshFingerprint(publicKey);
    }

    private static String sshFingerprint(String publicKey) {
        try {
            return colonHex(digest("MD5", sshBlob(publicKey)));
        } catch (IllegalArgumentException unreadable) {
            throw invalid("failed to generate fingerprint");
        }
    }

    /** The key's blob, once its whole content has been checked: type, fields and no trailing bytes. */
    private static byte[] sshBlob(String publicKey) {
        Matcher line = SSH_LINE.matcher(publicKey);
        if (!line.find()) {
            throw new IllegalArgumentException("Invalid line format");
        }
        String type = line.group(1);
        byte[] blob = Base64.getDecoder().decode(line.group(2));
        SshWire wire = new SshWire(blob);
        if (!type.equals(wire.text())) {
            throw new IllegalArgumentException("The key's header and body name different key types");
        }
        switch (type) {
            case "ssh-rsa" -> checkRsa(wire.mpint(), wire.mpint());
            case "ssh-dss" -> checkDsa(wire.mpint(), wire.mpint(), wire.mpint(), wire.mpint());
            case "ssh-ed25519" -> {
                if (wire.bytes().length != ED25519_LENGTH) {
                    throw new IllegalArgumentException("An Ed25519 key has 32 bytes");
                }
            }
            case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> {
                if (!type.equals("ecdsa-sha2-" + wire.text())) {
                    throw new IllegalArgumentException("Curve name mismatch");
                }
                checkPointOnCurve(CURVES.get(type), wire.bytes());
            }
            default -> throw new IllegalArgumentException("Unsupported key type " + type);
        }
        if (!wire.exhausted()) {
            throw new IllegalArgumentException("Unexpected trailing data after key");
        }
        return blob;
    }

    private static void checkRsa(BigInteger e, BigInteger n) {
        if (n.compareTo(THREE) < 0 || e.compareTo(THREE) < 0 || e.compareTo(n) >= 0 || !e.testBit(0)) {
            throw new IllegalArgumentException("Not an RSA public key");
        }
    }

    private static void checkDsa(BigInteger p, BigInteger q, BigInteger g, BigInteger y) {
        if (!DSA_P_BITS.contains(p.bitLength()) || !DSA_Q_BITS.contains(q.bitLength())
                || g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p) >= 0 || y.signum() <= 0 || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("Not a DSA public key");
        }
    }

    /** An uncompressed point (0x04, x, y) that lies on the named curve. */
    private static void checkPointOnCurve(String curveName, byte[] point) {
        ECParameterSpec spec;
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(curveName));
            spec = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (NoSuchAlgorithmException | InvalidParameterSpecException e) {
            throw new IllegalStateException("The JDK lacks the curve " + curveName, e);
        }
        EllipticCurve curve = spec.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        int size = (p.bitLength() + 7) / 8;
        if (point.length != 1 + 2 * size || point[0] != 0x04) {
            throw new IllegalArgumentException("Not an uncompressed point of " + curveName);
        }
        BigInteger x = new BigInteger(1, point, 1, size);
        BigInteger y = new BigInteger(1, point, 1 + size, size);
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("A coordinate past the field");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("The point is not on " + curveName);
        }
    }

    private static String x509Fingerprint(String certificate) {
        if (!certificate.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid("failed to generate X509 fingerprint. Error message: Unable to load PEM file.");
        }
        try {
            byte[] der = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.getBytes(StandardCharsets.US_ASCII)))
                    .getEncoded();
            return colonHex(digest("SHA-1", der));
        } catch (CertificateException unreadable) {
            throw invalid("failed to generate X509 fingerprint. Error message: " + unreadable.getMessage());
        }
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
    }

    /** {@code 44:fe:29:...}: lower-case hex, a colon between bytes. */
    static String colonHex(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }

    private static PolycellException invalid(String reason) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "Keypair data is invalid: " + reason);
    }
}
