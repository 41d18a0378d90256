package io.polycell.command.keypair;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The SSH wire format of a public key blob (RFC 4251: length-prefixed strings and mpints), read with
 * the strictness of the library Nova validates keys with: no negative mpint, no length past the end.
 */
final class SshWire {

    private final ByteBuffer data;

    SshWire(byte[] blob) {
        this.data = ByteBuffer.wrap(blob);
    }

    byte[] bytes() {
        if (data.remaining() < 4) {
            throw new IllegalArgumentException("Truncated length");
        }
        int length = data.getInt();
        if (length < 0 || length > data.remaining()) {
            throw new IllegalArgumentException("Length past the end of the key");
        }
        byte[] value = new byte[length];
        data.get(value);
        return value;
    }

    String text() {
        return new String(bytes(), StandardCharsets.US_ASCII);
    }

    BigInteger mpint() {
        byte[] value = bytes();
        if (value.length > 0 && (value[0] & 0x80) != 0) {
            throw new IllegalArgumentException("Negative mpint");
        }
        return new BigInteger(1, value);
    }

    boolean exhausted() {
        return !data.hasRemaining();
    }

    /** Writes a blob: what a generated key's public half is made of. */
    static final class Writer {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer bytes(byte[] value) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            out.writeBytes(value);
            return this;
        }

        Writer text(String value) {
            return bytes(value.getBytes(StandardCharsets.US_ASCII));
        }

        Writer mpint(BigInteger value) {
            return bytes(value.toByteArray());
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
