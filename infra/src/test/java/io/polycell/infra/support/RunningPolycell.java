package io.polycell.infra.support;

import io.polycell.infra.Polycell;
import io.polycell.infra.PolycellApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assembled embedded default, started for a test on a free HTTP port with its data in a given
 * directory, and a small HTTP client for its API.
 */
public final class RunningPolycell implements AutoCloseable {

    public static final String IMAGE = "c1b0e1a5-6e0f-4c8a-9f0e-2b7d3c4e5f61";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> UNLIMITED_SERVERS = List.of("--polycell.quota.defaults.instances=-1",
            "--polycell.quota.defaults.cores=-1", "--polycell.quota.defaults.ram=-1");

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private RunningPolycell(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * Starts Polycell on {@code dataDir} with the given extra properties ({@code key=value}). Unless
     * they set {@code polycell.quota.*}, instances, cores and RAM are unlimited: most tests boot more
     * servers into one project than Nova's default quotas allow, and are not about quotas. The search
     * index is off unless a property names {@code polycell.search.enabled}: an Elasticsearch node per
     * test would double the suite's time, and only the search tests need one.
     */
    public static RunningPolycell start(Path dataDir, String... properties) {
        // Command-line arguments, not default properties: application.properties must not win over them.
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--polycell.data-dir=" + dataDir));
        boolean searchNamed = false;
        for (String property : properties) {
            args.add("--" + property);
            searchNamed |= property.startsWith("polycell.search.enabled=");
        }
        if (!searchNamed) {
            args.add("--polycell.search.enabled=false");
        }
        if (Arrays.stream(properties).noneMatch(property -> property.startsWith("polycell.quota."))) {
            args.addAll(UNLIMITED_SERVERS);
        }
        return new RunningPolycell(new SpringApplicationBuilder(PolycellApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public String baseUrl() {
        return base;
    }

    public Polycell system() {
        return context.getBean(Polycell.class);
    }

    public Response get(String token, String path) {
        return send(token, "GET", path, null, null);
    }

    /** A GET at a microversion such as {@code 2.53}. */
    public Response get(String token, String path, String microversion) {
        return send(token, "GET", path, null, microversion);
    }

    public Response post(String token, String path, String body) {
        return send(token, "POST", path, body, null);
    }

    /** A POST at a microversion such as {@code 2.64}. */
    public Response post(String token, String path, String body, String microversion) {
        return send(token, "POST", path, body, microversion);
    }

    /** A PUT at a microversion such as {@code 2.53}, or at 2.1 when it is null. */
    public Response put(String token, String path, String body, String microversion) {
        return send(token, "PUT", path, body, microversion);
    }

    public Response delete(String token, String path) {
        return send(token, "DELETE", path, null, null);
    }

    /**
     * Any call: {@code token} may be null (no X-Auth-Token), {@code body} null (no body), and
     * {@code microversion} null (none asked, so 2.1) or a version such as {@code 2.53}.
     */
    public Response send(String token, String method, String path, String body, String microversion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Auth-Token", token);
        }
        if (microversion != null) {
            request.header("OpenStack-API-Version", "compute " + microversion);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("x-openstack-request-id").orElse(null),
                    response.headers().firstValue("x-polycell-listing").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Boots a server and returns its id; fails the test unless the API answers 202. */
    public String boot(String token, String name, String flavorRef) {
        Response response = post(token, "/v2.1/servers", "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \""
                + flavorRef + "\", \"imageRef\": \"" + IMAGE + "\"}}");
        if (response.status() != 202) {
            throw new AssertionError("Boot of " + name + " answered " + response.status() + ": " + response.body());
        }
        return response.json().path("server").path("id").asString();
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP answer; {@code listing} is how a server listing was read ({@code index} or {@code merge}). */
    public record Response(int status, String body, String requestId, String listing) {

        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }
    }
}
