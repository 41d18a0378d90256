package io.polycell.searchlight.cluster;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.polycell.search.node.EmbeddedSearchNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds the {@link ElasticsearchClient} for either the embedded node or an external cluster: the
 * low-level REST client (Apache HTTP, one connection pool) under the Java API client, with JSON through
 * Jackson 3 like the rest of Polycell. Closing the returned client closes its connections.
 */
public final class SearchClients {

    private SearchClients() {
    }

    /** A client of the embedded node. */
    public static ElasticsearchClient forEmbeddedNode(EmbeddedSearchNode node) {
        return create(SearchClusterSettings.embedded(node.httpUrl()));
    }

    public static ElasticsearchClient create(SearchClusterSettings settings) {
        HttpHost[] hosts = settings.urls().stream().map(SearchClients::host).toArray(HttpHost[]::new);
        RestClientBuilder builder = RestClient.builder(hosts);
        Header authorization = authorization(settings.credentials());
        if (authorization != null) {
            builder.setDefaultHeaders(new Header[] {authorization});
        }
        SSLContext tls = sslContext(settings.trust());
        if (tls != null) {
            builder.setHttpClientConfigCallback(http -> http.setSSLContext(tls));
        }
        RestClientTransport transport = new RestClientTransport(builder.build(), new Jackson3JsonpMapper());
        return new ElasticsearchClient(transport);
    }

    private static HttpHost host(URI url) {
        return new HttpHost(url.getHost(), url.getPort() > 0 ? url.getPort() : defaultPort(url), url.getScheme());
    }

    private static int defaultPort(URI url) {
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** Sent with every request, so no request waits for a 401 challenge first. */
    private static Header authorization(SearchClusterSettings.Credentials credentials) {
        if (credentials instanceof SearchClusterSettings.Credentials.ApiKey key) {
            return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + key.encoded());
        }
        if (credentials instanceof SearchClusterSettings.Credentials.Basic basic) {
            String pair = basic.username() + ":" + basic.password();
            return new BasicHeader(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return null;
    }

    private static SSLContext sslContext(SearchClusterSettings.Trust trust) {
        if (trust instanceof SearchClusterSettings.Trust.CaFingerprint fingerprint) {
            return TransportUtils.sslContextFromCaFingerprint(fingerprint.sha256());
        }
        if (trust instanceof SearchClusterSettings.Trust.CaCertificate ca) {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(ca.pemFile().toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the search cluster's CA certificate " + ca.pemFile(), e);
            }
        }
        return null;
    }
}
