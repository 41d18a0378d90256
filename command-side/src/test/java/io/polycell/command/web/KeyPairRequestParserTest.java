package io.polycell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.error.PolycellException;
import io.polycell.messages.keypair.KeyPairType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Nova's schema for a new key pair at each microversion, with Nova's messages. */
class KeyPairRequestParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApiVersion V2_1 = ApiVersion.DEFAULT;
    private static final ApiVersion V2_2 = new ApiVersion(2, 2);
    private static final ApiVersion V2_10 = new ApiVersion(2, 10);
    private static final ApiVersion V2_91 = new ApiVersion(2, 91);
    private static final ApiVersion V2_92 = new ApiVersion(2, 92);

    private static KeyPairCreateRequest parse(String body, ApiVersion version) {
        return KeyPairRequestParser.parse(JSON.readTree(body), version);
    }

    private static void assertRefused(String body, ApiVersion version, String message) {
        assertThatThrownBy(() -> parse(body, version)).isInstanceOf(PolycellException.class).hasMessage(message);
    }

    @Test
    void aNameAloneAsksForAGeneratedSshKeyPairOfTheRequester() {
        assertThat(parse("{\"keypair\": {\"name\": \"my key_1-a\"}}", V2_1))
                .isEqualTo(new KeyPairCreateRequest("my key_1-a", null, KeyPairType.SSH, null));
    }

    @Test
    void typeFrom2_2AndUserIdFrom2_10() {
        assertThat(parse("{\"keypair\": {\"name\": \"k\", \"type\": \"x509\", \"public_key\": \"pem\", "
                + "\"user_id\": \"bob\"}}", V2_10)).isEqualTo(new KeyPairCreateRequest("k", "pem", KeyPairType.X509,
                "bob"));
        assertRefused("{\"keypair\": {\"name\": \"k\", \"type\": \"ssh\"}}", V2_1, "Invalid input for field/attribute "
                + "keypair. Value: {'name': 'k', 'type': 'ssh'}. Additional properties are not allowed ('type' was "
                + "unexpected)");
        assertRefused("{\"keypair\": {\"name\": \"k\", \"user_id\": \"bob\"}}", V2_2, "Invalid input for "
                + "field/attribute keypair. Value: {'name': 'k', 'user_id': 'bob'}. Additional properties are not "
                + "allowed ('user_id' was unexpected)");
        assertRefused("{\"keypair\": {\"name\": \"k\", \"type\": \"pgp\"}}", V2_2, "Invalid input for field/attribute "
                + "type. Value: pgp. 'pgp' is not one of ['ssh', 'x509']");
    }

    @Test
    void namesAreCheckedAsNovasSchemaChecksThem() {
        assertRefused("{\"keypair\": {\"name\": \"\"}}", V2_1,
                "Invalid input for field/attribute name. Value: . '' is too short");
        assertRefused("{\"keypair\": {\"name\": \"" + "a".repeat(256) + "\"}}", V2_1,
                "Invalid input for field/attribute name. Value: " + "a".repeat(256) + ". '" + "a".repeat(256)
                        + "' is too long");
        assertRefused("{\"keypair\": {\"name\": 7}}", V2_1,
                "Invalid input for field/attribute name. Value: 7. 7 is not of type 'string'");
        assertRefused("{\"keypair\": {\"name\": \"  test  \"}}", V2_1, "An invalid 'name' value was provided. The "
                + "name must be: printable characters. Can not start or end with whitespace.");
        assertRefused("{\"keypair\": {\"name\": \"test/keypair\"}}", V2_1, "An invalid 'name' value was provided. "
                + "The name must be: Only expected characters: [_- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM"
                + "NOPQRSTUVWXYZ]");
    }

    @Test
    void from2_92AKeyMustBeImportedAndNamesMayHoldAtSignsAndDots() {
        String special = "{\"keypair\": {\"name\": \"my-key@ my.host\", \"public_key\": \"ssh-rsa AAAA\"}}";
        assertThat(parse(special, V2_92).name()).isEqualTo("my-key@ my.host");
        assertRefused(special, V2_91, "An invalid 'name' value was provided. The name must be: Only expected "
                + "characters: [_- 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ]");
        assertRefused("{\"keypair\": {\"name\": \"k\"}}", V2_92, "Invalid input for field/attribute keypair. Value: "
                + "{'name': 'k'}. 'public_key' is a required property");
        assertThat(parse("{\"keypair\": {\"name\": \"k\"}}", V2_91).publicKey()).isNull();
    }

    @Test
    void theBodyMustHoldAKeypairAndNothingElse() {
        assertRefused("{\"alpha\": {\"name\": \"create_test\"}}", V2_1, "'keypair' is a required property");
        assertRefused("{\"keypair\": {\"name\": \"k\"}, \"b\": 1, \"a\": 2}", V2_1,
                "Additional properties are not allowed ('a', 'b' were unexpected)");
        assertRefused("{\"keypair\": [\"k\"]}", V2_1,
                "Invalid input for field/attribute keypair. Value: ['k']. ['k'] is not of type 'object'");
        assertRefused("{\"keypair\": {}}", V2_1,
                "Invalid input for field/attribute keypair. Value: {}. 'name' is a required property");
        assertRefused("{\"keypair\": {\"name\": \"k\", \"public_key\": 5}}", V2_1,
                "Invalid input for field/attribute public_key. Value: 5. 5 is not of type 'string'");
    }
}
