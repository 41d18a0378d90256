package io.polycell.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node never outlives the process that started it, even one killed without running its shutdown hooks. */
class ParentGoneIT {

    @TempDir
    Path dataDir;

    @Test
    void theNodeStopsWhenItsParentIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ParentProcess.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        Optional<ProcessHandle> node = Optional.empty();
        try {
            long pid = nodePid(parent);
            node = ProcessHandle.of(pid);
            assertThat(node).as("the node's process").isPresent();
            assertThat(node.get().parent().map(ProcessHandle::pid)).contains(parent.pid());

            parent.destroyForcibly();
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(node.get().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
            node.ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static long nodePid(Process parent) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("node pid=")) {
                return Long.parseLong(line.substring("node pid=".length()).trim());
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("The parent ended without starting a node:\n" + seen);
    }
}
