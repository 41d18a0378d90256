package io.polycell.command.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.polycell.command.routing.CellIdentity;
import io.polycell.command.support.RecordingStores;
import io.polycell.messages.host.MarkHostDown;
import io.polycell.messages.host.MarkHostUp;
import io.polycell.messages.host.ReportHostHeartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HostLivenessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final RecordingStores stores = new RecordingStores("api", "cell1")
            .accept("cell1", MarkHostDown.class).accept("cell1", MarkHostUp.class);
    private final HostLiveness liveness = new HostLiveness(new CellIdentity("cell1"), stores.router(), clock,
            Duration.ofSeconds(60));

    @Test
    void aHostSilentPastTheDownTimeIsMarkedDownOnce() {
        liveness.handle(new ReportHostHeartbeat("h1", "cell1"));
        clock.advance(Duration.ofSeconds(59));
        liveness.check();
        assertThat(stores.sent()).isEmpty();

        clock.advance(Duration.ofSeconds(2));
        liveness.check();
        liveness.check();
        assertThat(stores.payloadsSentTo("cell1"))
                .containsExactly(new MarkHostDown("h1", Instant.parse("2026-11-21T10:00:00Z")));
    }

    @Test
    void theNextHeartbeatBringsItBackUpOnce() {
        liveness.handle(new ReportHostHeartbeat("h1", "cell1"));
        clock.advance(Duration.ofMinutes(5));
        liveness.check();

        liveness.handle(new ReportHostHeartbeat("h1", "cell1"));
        liveness.handle(new ReportHostHeartbeat("h1", "cell1"));

        assertThat(stores.payloadsSentTo("cell1")).last().isEqualTo(new MarkHostUp("h1"));
        assertThat(stores.payloadsSentTo("cell1")).hasSize(2);
    }

    @Test
    void regularHeartbeatsNeverSendAnything() {
        for (int i = 0; i < 20; i++) {
            liveness.handle(new ReportHostHeartbeat("h1", "cell1"));
            clock.advance(Duration.ofSeconds(10));
            liveness.check();
        }
        assertThat(stores.sent()).isEmpty();
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
