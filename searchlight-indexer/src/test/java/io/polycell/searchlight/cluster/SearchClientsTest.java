package io.polycell.searchlight.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client factory against a stand-in server that answers {@code GET /} like a node and records what
 * it was sent: credentials reach the server, and TLS is trusted through a CA file or a fingerprint only.
 */
class SearchClientsTest {

    private static final String STORE_PASSWORD = "changeit";
    private static final String INFO = """
            {"name":"es-1","cluster_name":"external","cluster_uuid":"c0ffee","version":{"number":"8.19.21",
            "build_flavor":"default","build_type":"tar","build_hash":"abc","build_date":"2026-01-01T00:00:00Z",
            "build_snapshot":false,"lucene_version":"9.12.2","minimum_wire_compatibility_version":"7.17.0",
            "minimum_index_compatibility_version":"7.0.0"},"tagline":"a stand-in"}""";

    @TempDir
    static Path certificates;
    private static Path keyStore;
    private static Path caPem;
    private static String caFingerprint;

    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool: it is its own CA. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        keyStore = certificates.resolve("node.p12");
        caPem = certificates.resolve("http_ca.crt");
        keytool("-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "node", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", caPem.toString());
        try (InputStream pem = Files.newInputStream(caPem)) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(pem).getEncoded();
            caFingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theEmbeddedNodeGetsNoAuthorizationHeader() throws IOException {
        URI url = startHttp();

        try (ElasticsearchClient client = SearchClients.create(SearchClusterSettings.embedded(url))) {
            assertThat(client.info().clusterName()).isEqualTo("external");
        }
        assertThat(authorizations).containsExactly("none");
    }

    @Test
    void anApiKeyGoesWithEveryRequest() throws IOException {
        URI url = startHttp();
        SearchClusterSettings settings = SearchClusterSettings.external(List.of(url), "a2V5OnNlY3JldA==", null, null, null, null);

        try (ElasticsearchClient client = SearchClients.create(settings)) {
            client.info();
            client.info();
        }
        assertThat(authorizations).containsExactly("ApiKey a2V5OnNlY3JldA==", "ApiKey a2V5OnNlY3JldA==");
    }

    @Test
    void basicCredentialsGoWithTheFirstRequestWithoutAChallenge() throws IOException {
        URI url = startHttp();
        SearchClusterSettings settings = SearchClusterSettings.external(List.of(url), null, "polycell", "s3cret", null, null);

        try (ElasticsearchClient client = SearchClients.create(settings)) {
            client.info();
        }
        assertThat(authorizations).containsExactly("Basic cG9seWNlbGw6czNjcmV0");
    }

    @Test
    void trustsAClusterSignedByTheGivenCaCertificate() throws Exception {
        URI url = startHttps();
        SearchClusterSettings settings = SearchClusterSettings.external(List.of(url), null, null, null, caPem, null);

        try (ElasticsearchClient client = SearchClients.create(settings)) {
            assertThat(client.info().version().number()).isEqualTo("8.19.21");
        }
    }

    @Test
    void trustsAClusterWhoseCaHasTheGivenFingerprint() throws Exception {
        URI url = startHttps();
        SearchClusterSettings settings = SearchClusterSettings.external(List.of(url), null, null, null, null, caFingerprint);

        try (ElasticsearchClient client = SearchClients.create(settings)) {
            assertThat(client.info().clusterUuid()).isEqualTo("c0ffee");
        }
    }

    @Test
    void refusesAClusterWhoseCaIsNeitherGivenNorKnownToTheJvm() throws Exception {
        URI url = startHttps();
        SearchClusterSettings jvmDefault = SearchClusterSettings.external(List.of(url), null, null, null, null, null);
        SearchClusterSettings otherFingerprint = SearchClusterSettings.external(List.of(url), null, null, null, null,
                "00".repeat(32));

        for (SearchClusterSettings settings : List.of(jvmDefault, otherFingerprint)) {
            try (ElasticsearchClient client = SearchClients.create(settings)) {
                assertThatThrownBy(client::info).isInstanceOf(IOException.class).hasStackTraceContaining("SSL");
            }
        }
        assertThat(authorizations).isEmpty();
    }

    private URI startHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        return serve("http");
    }

    private URI startHttps() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        server = https;
        return serve("https");
    }

    private URI serve(String scheme) {
        server.createContext("/", this::answerLikeANode);
        server.start();
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answerLikeANode(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "none" : authorization);
        byte[] body = INFO.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
