package io.polycell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.error.PolycellException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Nova's schemas of the server metadata API, with its messages. */
class ServerMetadataRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static void assertRefused(Runnable parse, String message) {
        assertThatThrownBy(parse::run).isInstanceOf(PolycellException.class).hasMessage(message);
    }

    @Test
    void readsTheItemsOfACreateOrAReplace() {
        assertThat(ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": {\"a-b_c:d. e\": \"x\", \"n\": \"\"}}")))
                .isEqualTo(Map.of("a-b_c:d. e", "x", "n", ""));
        assertThat(ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": {}}"))).isEmpty();
    }

    @Test
    void refusesKeysAndValuesNovasSchemaRefuses() {
        assertRefused(() -> ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": {\"a/b\": \"x\"}}")),
                "Invalid input for field/attribute metadata. Value: {'a/b': 'x'}. Additional properties are not "
                        + "allowed ('a/b' was unexpected)");
        assertRefused(() -> ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": {\"a\": 1}}")),
                "Invalid input for field/attribute a. Value: 1. 1 is not of type 'string'");
        String longValue = "v".repeat(256);
        assertRefused(() -> ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": {\"a\": \"" + longValue
                + "\"}}")), "Invalid input for field/attribute a. Value: " + longValue + ". '" + longValue
                + "' is too long");
        assertRefused(() -> ServerMetadataRequests.metadata(JSON.readTree("{\"meta\": {}}")),
                "'metadata' is a required property");
        assertRefused(() -> ServerMetadataRequests.metadata(JSON.readTree("{\"metadata\": [1]}")),
                "Invalid input for field/attribute metadata. Value: [1]. [1] is not of type 'object'");
    }

    @Test
    void oneItemMustBeTheOneTheUriNames() {
        assertThat(ServerMetadataRequests.item(JSON.readTree("{\"meta\": {\"k\": \"v\"}}"), "k"))
                .isEqualTo(Map.of("k", "v"));
        assertRefused(() -> ServerMetadataRequests.item(JSON.readTree("{\"meta\": {\"k\": \"v\"}}"), "other"),
                "Request body and URI mismatch");
        assertRefused(() -> ServerMetadataRequests.item(JSON.readTree("{\"meta\": {\"k\": \"v\", \"l\": \"w\"}}"),
                "k"), "Invalid input for field/attribute meta. Value: {'k': 'v', 'l': 'w'}. {'k': 'v', 'l': 'w'} has "
                + "too many properties");
        assertRefused(() -> ServerMetadataRequests.item(JSON.readTree("{\"meta\": {}}"), "k"),
                "Invalid input for field/attribute meta. Value: {}. {} does not have enough properties");
    }
}
