package io.polycell.searchlight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.searchlight.cluster.SearchClusterSettings.Credentials;
import io.polycell.searchlight.cluster.SearchClusterSettings.Trust;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchClusterSettingsTest {

    private static final List<URI> HTTPS = List.of(URI.create("https://es-1.example:9200"), URI.create("https://es-2.example:9200"));
    private static final String FINGERPRINT = "AB:".repeat(31) + "AB";

    @Test
    void theEmbeddedNodeIsPlainHttpWithoutCredentials() {
        SearchClusterSettings settings = SearchClusterSettings.embedded(URI.create("http://127.0.0.1:45123"));

        assertThat(settings.credentials()).isInstanceOf(Credentials.None.class);
        assertThat(settings.trust()).isInstanceOf(Trust.JvmDefault.class);
    }

    @Test
    void anExternalClusterTakesTheCredentialsAndTrustThatAreGiven() {
        assertThat(SearchClusterSettings.external(HTTPS, "a2V5OnNlY3JldA==", null, null, null, " ").credentials())
                .isEqualTo(new Credentials.ApiKey("a2V5OnNlY3JldA=="));
        SearchClusterSettings basic = SearchClusterSettings.external(HTTPS, "", "polycell", "s3cret",
                Path.of("/etc/polycell/http_ca.crt"), null);
        assertThat(basic.credentials()).isEqualTo(new Credentials.Basic("polycell", "s3cret"));
        assertThat(basic.trust()).isEqualTo(new Trust.CaCertificate(Path.of("/etc/polycell/http_ca.crt")));
        assertThat(SearchClusterSettings.external(HTTPS, null, null, null, null, FINGERPRINT).trust())
                .isEqualTo(new Trust.CaFingerprint("ab".repeat(32)));
        assertThat(SearchClusterSettings.external(HTTPS, null, null, null, null, null).credentials())
                .isInstanceOf(Credentials.None.class);
    }

    @Test
    void refusesTwoWaysToAuthenticateOrToTrust() {
        assertThatThrownBy(() -> SearchClusterSettings.external(HTTPS, "key", "polycell", "s3cret", null, null))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> SearchClusterSettings.external(HTTPS, null, null, null, Path.of("ca.crt"), FINGERPRINT))
                .hasMessageContaining("not both");
    }

    @Test
    void refusesAUserWithoutPassword() {
        assertThatThrownBy(() -> SearchClusterSettings.external(HTTPS, null, "polycell", null, null, null))
                .hasMessageContaining("user name and a password");
    }

    @Test
    void refusesUrlsThatCannotNameANode() {
        assertThatThrownBy(() -> new SearchClusterSettings(List.of(), new Credentials.None(), new Trust.JvmDefault()))
                .hasMessageContaining("at least one URL");
        assertThatThrownBy(() -> SearchClusterSettings.embedded(URI.create("ftp://127.0.0.1:9200")))
                .hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> SearchClusterSettings.embedded(URI.create("http://127.0.0.1:9200/search")))
                .hasMessageContaining("not a path");
        assertThatThrownBy(() -> SearchClusterSettings.external(
                List.of(URI.create("https://a:9200"), URI.create("http://b:9200")), null, null, null, null, null))
                .hasMessageContaining("mix http and https");
    }

    @Test
    void aCaCertificateOrFingerprintNeedsHttps() {
        List<URI> http = List.of(URI.create("http://es-1.example:9200"));
        assertThatThrownBy(() -> SearchClusterSettings.external(http, null, null, null, Path.of("ca.crt"), null))
                .hasMessageContaining("only applies to https");
    }

    @Test
    void aFingerprintIsSha256InHex() {
        assertThatThrownBy(() -> new Trust.CaFingerprint("ab:cd")).hasMessageContaining("64 hexadecimal digits");
        assertThatThrownBy(() -> new Trust.CaFingerprint("zz".repeat(32))).hasMessageContaining("64 hexadecimal digits");
    }

    @Test
    void secretsStayOutOfToString() {
        SearchClusterSettings apiKey = SearchClusterSettings.external(HTTPS, "a2V5OnNlY3JldA==", null, null, null, null);
        SearchClusterSettings basic = SearchClusterSettings.external(HTTPS, null, "polycell", "s3cret", null, null);

        assertThat(apiKey.toString()).doesNotContain("a2V5OnNlY3JldA==");
        assertThat(basic.toString()).contains("polycell").doesNotContain("s3cret");
    }
}
