package io.polycell.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.messages.error.PolycellException;
import io.polycell.messages.instance.NetworkSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ServerRequestParserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = "\"name\": \"web\", \"flavorRef\": \"1\", \"imageRef\": \"img\"";

    private static ServerCreateRequest parse(String server) {
        return ServerRequestParser.parse(JSON.readTree("{\"server\": {" + server + "}}"));
    }

    @Test
    void networksDefaultToAutoAndAcceptNoneAndAList() {
        assertThat(parse(BASE).networks()).isEqualTo(NetworkSpec.AUTO);
        assertThat(parse(BASE + ", \"networks\": \"none\"").networks()).isEqualTo(NetworkSpec.NONE);
        NetworkSpec requested = parse(BASE + ", \"networks\": [{\"uuid\": \"net-1\", \"fixed_ip\": \"10.0.0.5\"}, "
                + "{\"port\": \"port-9\"}]").networks();
        assertThat(requested.allocation()).isEqualTo("requested");
        assertThat(requested.requested()).containsExactly(new NetworkSpec.NetworkRequest("net-1", null, "10.0.0.5"),
                new NetworkSpec.NetworkRequest(null, "port-9", null));
    }

    @Test
    void aNetworkWithNeitherUuidNorPortIsRefused() {
        assertThatThrownBy(() -> parse(BASE + ", \"networks\": [{\"fixed_ip\": \"10.0.0.5\"}]"))
                .isInstanceOf(PolycellException.class).hasMessageContaining("networks");
    }

    @Test
    void userDataMustBeBase64AndIsKeptAsGiven() {
        assertThat(parse(BASE + ", \"user_data\": \"I2Nsb3VkLWNvbmZpZw==\"").userData()).isEqualTo("I2Nsb3VkLWNvbmZpZw==");
        assertThatThrownBy(() -> parse(BASE + ", \"user_data\": \"not base64!\""))
                .isInstanceOf(PolycellException.class).hasMessage("User data needs to be valid base 64.");
    }

    @Test
    void minCountAboveMaxCountIsRefused() {
        assertThatThrownBy(() -> parse(BASE + ", \"min_count\": 3, \"max_count\": 2"))
                .isInstanceOf(PolycellException.class).hasMessage("min_count must be <= max_count");
    }

    @Test
    void anUnknownPropertyIsRefusedAsNovaDoes() {
        assertThatThrownBy(() -> parse(BASE + ", \"colour\": \"red\""))
                .hasMessageEndingWith("Additional properties are not allowed ('colour' was unexpected)");
    }

    @Test
    void sameHostAndDifferentHostTakeOneUuidOrAList() {
        String one = "4f0a8f6e-5c3e-4d1a-9b1e-0d2c7a9e1f00";
        String two = "7B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0";
        ServerCreateRequest request = ServerRequestParser.parse(JSON.readTree("{\"server\": {" + BASE
                + "}, \"os:scheduler_hints\": {\"same_host\": \"" + one + "\", \"different_host\": [\"" + one
                + "\", \"" + two + "\"]}}"));

        assertThat(request.hints().sameHost()).containsExactly(one);
        assertThat(request.hints().differentHost()).containsExactlyInAnyOrder(one, two.toLowerCase());
    }

    @Test
    void aHostHintThatIsNotAUuidIsA400NamingTheField() {
        assertThatThrownBy(() -> ServerRequestParser.parse(JSON.readTree("{\"server\": {" + BASE
                + "}, \"os:scheduler_hints\": {\"different_host\": [\"web-1\"]}}")))
                .isInstanceOf(PolycellException.class)
                .hasMessage("Invalid input for field/attribute different_host. Value: ['web-1']. ['web-1'] is not "
                        + "valid under any of the given schemas");
    }

    @Test
    void aKeyNameIsANameInNovasSense() {
        assertThat(parse(BASE).keyName()).isNull();
        assertThat(parse(BASE + ", \"key_name\": \"laptop key\"").keyName()).isEqualTo("laptop key");
        assertThatThrownBy(() -> parse(BASE + ", \"key_name\": \"\""))
                .hasMessage("Invalid input for field/attribute key_name. Value: . '' is too short");
        assertThatThrownBy(() -> parse(BASE + ", \"key_name\": null"))
                .hasMessage("Invalid input for field/attribute key_name. Value: None. None is not of type 'string'");
    }
}
