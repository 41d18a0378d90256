package io.polycell.infra.agentlink;

import io.polycell.command.routing.CommandRouter;
import io.polycell.command.routing.Outcomes;
import io.polycell.compute.link.HttpCellLink;
import io.polycell.compute.link.WireMessages;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cell's end of the link to agents that run as their own processes: attach, fetch commands, send
 * commands. Off unless {@code polycell.agent-link.token} is set; every call must carry that secret.
 */
@RestController
@RequestMapping("/internal/v1/cells/{cell}")
class AgentLinkController {

    private static final Duration MAX_WAIT = Duration.ofSeconds(25);

    private final AgentOutboxes outboxes;
    private final CommandRouter router;
    private final String token;

    AgentLinkController(AgentOutboxes outboxes, CommandRouter router,
                        @Value("${polycell.agent-link.token:}") String token) {
        this.outboxes = outboxes;
        this.router = router;
        this.token = token;
    }

    @PostMapping("/hosts/{host}/attach")
    ResponseEntity<String> attach(@PathVariable String cell, @PathVariable String host,
                                  @RequestHeader(value = HttpCellLink.TOKEN_HEADER, required = false) String secret) {
        authorize(secret, cell);
        outboxes.attach(cell, host);
        return json("{\"attached\": true}");
    }

    @GetMapping("/hosts/{host}/commands")
    ResponseEntity<String> take(@PathVariable String cell, @PathVariable String host,
                                @RequestParam(defaultValue = "20") long waitSeconds,
                                @RequestHeader(value = HttpCellLink.TOKEN_HEADER, required = false) String secret)
            throws InterruptedException {
        authorize(secret, cell);
        Duration wait = Duration.ofSeconds(Math.max(0, Math.min(waitSeconds, MAX_WAIT.toSeconds())));
        return json(WireMessages.array(outboxes.take(cell, host, wait)));
    }

    @PostMapping("/commands")
    ResponseEntity<String> send(@PathVariable String cell, @RequestBody String body,
                                @RequestHeader(value = HttpCellLink.TOKEN_HEADER, required = false) String secret) {
        authorize(secret, cell);
        Object command;
        try {
            command = WireMessages.read(body);
        } catch (RuntimeException unreadable) {
            throw new PolycellException(ErrorCode.BAD_REQUEST, "Not a Polycell command: " + unreadable.getMessage());
        }
        Object result = Outcomes.await(router.toCell(cell, command));
        return json(WireMessages.write(result));
    }

    private void authorize(String secret, String cell) {
        if (token.isEmpty()) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "The agent link is not enabled on this cell.");
        }
        if (!token.equals(secret)) {
            throw new PolycellException(ErrorCode.FORBIDDEN, "Wrong or missing agent token.");
        }
        if (!router.cells().contains(cell)) {
            throw new PolycellException(ErrorCode.NOT_FOUND, "Cell " + cell + " could not be found.");
        }
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
