package io.polycell.search.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedSearchNodeTest {

    @TempDir
    Path dataDir;

    @Test
    void refusesAHeapJavaWouldNotUnderstandBeforeStartingAnything() {
        assertThatThrownBy(() -> EmbeddedSearchNode.start(dataDir, "half a gig", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512m");
        assertThat(dataDir.resolve("elasticsearch")).doesNotExist();
    }

    @Test
    void refusesAPortOutsideTheRange() {
        assertThatThrownBy(() -> EmbeddedSearchNode.start(dataDir, "512m", 70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNodeRunsOnThisJavaWithItsHeapAndEverythingUnderTheDataDirectory() {
        Path directory = dataDir.resolve("elasticsearch");
        Path home = directory.resolve("home-x");

        List<String> command = EmbeddedSearchNode.command(home, directory, "768m", 0);

        assertThat(command.get(0)).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command).contains("-Xms768m", "-Xmx768m", "-Djava.io.tmpdir=" + directory.resolve("tmp"),
                home.resolve("lib") + "/*", EmbeddedSearchNode.MAIN_CLASS,
                "path.home=" + home, "path.data=" + directory.resolve("data"), "path.logs=" + directory.resolve("logs"),
                "http.port=0");
        assertThat(command.indexOf(EmbeddedSearchNode.MAIN_CLASS)).isLessThan(command.indexOf("path.home=" + home));
    }
}
