package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.Servers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compute agent in a process of its own ({@code --role=compute}), linked to its cell over HTTP:
 * servers land on its host, its actions and deletes reach it, and the cell refuses a wrong token.
 */
class RemoteAgentIT {

    private static final String HANK = "hank:tenant-h";
    private static final String TOKEN = "link-secret";

    @TempDir
    Path dataDir;

    @Test
    void anAgentProcessRunsTheServersOfItsHost() throws Exception {
        try (RunningPolycell polycell = RunningPolycell.start(dataDir, "polycell.agent-link.token=" + TOKEN,
                "polycell.cells.cell1.hosts=0", "polycell.cells.cell2.hosts=0")) {
            Process agent = startAgent(polycell.baseUrl(), dataDir.resolve("agent"));
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> polycell.system().hostStates().get("far-1").isPresent());

                String id = polycell.boot(HANK, "remote", "1");
                Servers.awaitStatus(polycell, HANK, id, "ACTIVE");
                assertThat(polycell.get("admin:tenant-h", "/v2.1/servers/" + id).json().path("server")
                        .path("OS-EXT-SRV-ATTR:host").asString()).isEqualTo("far-1");

                assertThat(polycell.post(HANK, "/v2.1/servers/" + id + "/action", "{\"os-stop\": null}").status())
                        .isEqualTo(202);
                Servers.awaitStatus(polycell, HANK, id, "SHUTOFF");

                assertThat(polycell.delete(HANK, "/v2.1/servers/" + id).status()).isEqualTo(204);
                Servers.awaitGone(polycell, HANK, id);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        polycell.system().hostStates().get("far-1").orElseThrow().instances() == 0);
            } finally {
                agent.destroy();
                assertThat(agent.waitFor(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(polycell.post(null, "/internal/v1/cells/cell1/hosts/far-2/attach", "").status()).isEqualTo(403);
        }
    }

    private static Process startAgent(String cellUrl, Path agentDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ComputeRole.class.getName(), "--host=far-1", "--cell=cell1", "--cell-url=" + cellUrl,
                "--agent-token=" + TOKEN, "--vcpus=4", "--ram-mb=8192", "--disk-gb=50", "--sync-interval=1s",
                "--data-dir=" + agentDir))
                .redirectErrorStream(true)
                .redirectOutput(agentDir.getParent().resolve("agent.log").toFile())
                .start();
    }
}
