package io.polycell.compute.link;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * An agent process's link to its cell over HTTP. Commands for the host are fetched by long polling
 * (the cell holds them in the host's outbox until the agent asks); commands from the agent are posted
 * and answered with their result. A command may arrive twice after a lost answer: every agent command
 * handler is idempotent, so that is harmless.
 */
public final class HttpCellLink implements CellLink {

    /** The header that carries the shared secret between the cell and its agents. */
    public static final String TOKEN_HEADER = "X-Polycell-Agent-Token";
    private static final Logger log = LoggerFactory.getLogger(HttpCellLink.class);
    private static final Duration POLL_WAIT = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI cellUri;
    private final String cell;
    private final String host;
    private final String token;
    private final Map<String, Consumer<Object>> handlers = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean open = true;

    public HttpCellLink(URI cellUri, String cell, String host, String token) {
        this.cellUri = cellUri;
        this.cell = cell;
        this.host = host;
        this.token = token;
        this.poller = new Thread(this::pollForever, "link-" + host);
        this.poller.setDaemon(true);
    }

    /** Checks that the cell answers and knows this agent's secret, then starts fetching commands. */
    public HttpCellLink connect() {
        HttpResponse<String> answer = call(request("/hosts/" + host + "/attach")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Cell " + cell + " at " + cellUri + " refused host " + host + ": HTTP "
                    + answer.statusCode() + " " + answer.body());
        }
        poller.start();
        log.info("Host {} is linked to {} at {}", host, cell, cellUri);
        return this;
    }

    @Override
    public Runnable subscribe(String commandName, Consumer<Object> handler) {
        handlers.put(commandName, handler);
        return () -> handlers.remove(commandName);
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        HttpRequest request = request("/commands").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(WireMessages.write(command))).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(answer -> {
            if (answer.statusCode() != 200) {
                JsonNode message = WireMessages.tree(answer.body()).findValue("message");
                throw new CellRefusedException(message == null ? "HTTP " + answer.statusCode() : message.asString());
            }
            @SuppressWarnings("unchecked")
            R result = (R) WireMessages.read(answer.body());
            return result;
        });
    }

    private void pollForever() {
        while (open) {
            try {
                HttpResponse<String> answer = call(request("/hosts/" + host + "/commands?waitSeconds="
                        + POLL_WAIT.toSeconds()).timeout(POLL_WAIT.plusSeconds(10)).GET().build());
                if (answer.statusCode() != 200) {
                    log.warn("Cell {} answered HTTP {} to host {}'s poll; retrying", cell, answer.statusCode(), host);
                    pause();
                    continue;
                }
                for (JsonNode command : WireMessages.tree(answer.body())) {
                    deliver(command);
                }
            } catch (RuntimeException e) {
                if (open) {
                    log.warn("Host {} lost its link to {}: {}; retrying", host, cell, e.getMessage());
                    pause();
                }
            }
        }
    }

    private void deliver(JsonNode command) {
        Consumer<Object> handler = handlers.get(command.path("name").asString());
        if (handler == null) {
            log.warn("Host {} has no handler for {}", host, command.path("name").asString());
            return;
        }
        handler.accept(WireMessages.read(command));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(cellUri.resolve("/internal/v1/cells/" + cell + path))
                .header(TOKEN_HEADER, token).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach cell " + cell + " at " + cellUri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        poller.interrupt();
    }

    /** The cell refused a command the agent sent. */
    public static final class CellRefusedException extends RuntimeException {
        CellRefusedException(String message) {
            super(message);
        }
    }
}
