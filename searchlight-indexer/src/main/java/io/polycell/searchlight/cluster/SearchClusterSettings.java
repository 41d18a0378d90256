package io.polycell.searchlight.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where Polycell's search index lives: the embedded node (one plain-HTTP URL on this machine, no
 * credentials) or an external Elasticsearch 8.19 cluster, with its node URLs, how Polycell proves who it
 * is, and which certificate authority its TLS certificates are checked against.
 *
 * @param urls        the nodes to send requests to, {@code http://} or {@code https://}, all with the same scheme
 * @param credentials none, an API key, or a user name and password
 * @param trust       how the cluster's TLS certificate is checked; anything but the JVM's default needs https
 */
public record SearchClusterSettings(List<URI> urls, Credentials credentials, Trust trust) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SearchClusterSettings {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(trust, "trust");
        urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("The search cluster needs at least one URL");
        }
        String scheme = urls.get(0).getScheme();
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("A search cluster URL must start with http:// or https://, got: " + url);
            }
            if (!url.getScheme().equals(scheme)) {
                throw new IllegalArgumentException("The search cluster's URLs mix http and https: " + urls);
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("A search cluster URL needs a host, got: " + url);
            }
            if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")) {
                throw new IllegalArgumentException("A search cluster URL names a node, not a path on it, got: " + url);
            }
        }
        if (!(trust instanceof Trust.JvmDefault) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("A CA certificate or fingerprint only applies to https URLs, got: " + urls);
        }
    }

    /** The embedded node at {@code url}: plain HTTP on the loopback interface, no credentials. */
    public static SearchClusterSettings embedded(URI url) {
        return new SearchClusterSettings(List.of(url), new Credentials.None(), new Trust.JvmDefault());
    }

    /**
     * An external cluster from flat, optional values as they come from configuration: at most one of an
     * API key and a user name with password, at most one of a CA certificate file and a fingerprint. Blank
     * values count as absent.
     */
    public static SearchClusterSettings external(List<URI> urls, String apiKey, String username, String password,
            Path caCertificate, String caFingerprint) {
        Credentials credentials;
        if (present(apiKey) && (present(username) || present(password))) {
            throw new IllegalArgumentException("Give the search cluster an API key or a user name and password, not both");
        } else if (present(apiKey)) {
            credentials = new Credentials.ApiKey(apiKey.trim());
        } else if (present(username) || present(password)) {
            credentials = new Credentials.Basic(username, password);
        } else {
            credentials = new Credentials.None();
        }
        Trust trust;
        if (caCertificate != null && present(caFingerprint)) {
            throw new IllegalArgumentException("Give the search cluster a CA certificate or a CA fingerprint, not both");
        } else if (caCertificate != null) {
            trust = new Trust.CaCertificate(caCertificate);
        } else if (present(caFingerprint)) {
            trust = new Trust.CaFingerprint(caFingerprint);
        } else {
            trust = new Trust.JvmDefault();
        }
        return new SearchClusterSettings(urls, credentials, trust);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** How Polycell authenticates to the cluster. Secrets never appear in {@code toString()}. */
    public sealed interface Credentials {

        /** No authentication: the embedded node, or a cluster without security. */
        record None() implements Credentials {
        }

        /** An API key as Elasticsearch returns it encoded (base64 of id:key), sent as {@code Authorization: ApiKey}. */
        record ApiKey(String encoded) implements Credentials {
            public ApiKey {
                if (encoded == null || encoded.isBlank()) {
                    throw new IllegalArgumentException("The search cluster's API key is empty");
                }
            }

            @Override
            public String toString() {
                return "ApiKey[****]";
            }
        }

        /** A user of the cluster's native or file realm, sent as HTTP basic authentication. */
        record Basic(String username, String password) implements Credentials {
            public Basic {
                if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                    throw new IllegalArgumentException("Basic authentication to the search cluster needs a user name and a password");
                }
            }

            @Override
            public String toString() {
                return "Basic[username=" + username + ", password=****]";
            }
        }
    }

    /** Which certificates of the cluster are trusted. */
    public sealed interface Trust {

        /** The JVM's own trust store: for certificates from a public or company CA the JVM already knows. */
        record JvmDefault() implements Trust {
        }

        /** The CA that signed the cluster's HTTP certificate, as a PEM file (Elasticsearch's {@code http_ca.crt}). */
        record CaCertificate(Path pemFile) implements Trust {
            public CaCertificate {
                Objects.requireNonNull(pemFile, "pemFile");
            }
        }

        /**
         * The SHA-256 fingerprint of the CA certificate, as Elasticsearch prints it at first start; colons
         * and case do not matter.
         */
        record CaFingerprint(String sha256) implements Trust {
            public CaFingerprint {
                sha256 = sha256 == null ? "" : sha256.replace(":", "").trim().toLowerCase(Locale.ROOT);
                if (!SHA256_HEX.matcher(sha256).matches()) {
                    throw new IllegalArgumentException("A CA fingerprint is 64 hexadecimal digits (SHA-256), got: " + sha256);
                }
            }
        }
    }
}
