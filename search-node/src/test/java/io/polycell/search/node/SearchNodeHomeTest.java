package io.polycell.search.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchNodeHomeTest {

    private final SearchNodeHome packaged = SearchNodeHome.packaged();

    @TempDir
    Path base;

    @Test
    void unpacksAHomeWithTheServerTheTransportAndTheRootModule() throws IOException {
        Path home = packaged.unpackInto(base);

        assertThat(home.getFileName().toString()).startsWith("home-8.19.21-");
        assertThat(home.resolve("lib/elasticsearch-8.19.21.jar")).isRegularFile();
        assertThat(home.resolve("config/elasticsearch.yml")).isRegularFile();
        assertThat(home.resolve("config/log4j2.properties")).isRegularFile();
        assertThat(home.resolve("modules/transport-netty4/transport-netty4-8.19.21.jar")).isRegularFile();
        assertThat(home.resolve("modules/polycell-root/polycell-search-root.jar")).isRegularFile();
        // Netty stays inside its module, away from the server's classpath.
        try (var lib = Files.list(home.resolve("lib"))) {
            assertThat(lib.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("netty-"));
        }
    }

    @Test
    void theTransportModuleLoadsFromTheClasspathAndTheRootModuleMatchesTheServerVersion() throws IOException {
        Path home = packaged.unpackInto(base);

        String netty = Files.readString(home.resolve("modules/transport-netty4/plugin-descriptor.properties"));
        assertThat(netty).contains("classname=org.elasticsearch.transport.netty4.Netty4Plugin")
                .doesNotContainPattern("(?m)^modulename=");
        String root = Files.readString(home.resolve("modules/polycell-root/plugin-descriptor.properties"));
        assertThat(root).contains("elasticsearch.version=8.19.21").doesNotContain("@");
    }

    @Test
    void theBootstrapJarHoldsTheMainClassTheLauncherRuns() throws IOException {
        Path home = packaged.unpackInto(base);

        try (JarFile bootstrap = new JarFile(home.resolve("lib/polycell-search-bootstrap.jar").toFile())) {
            assertThat(bootstrap.getEntry(EmbeddedSearchNode.MAIN_CLASS.replace('.', '/') + ".class")).isNotNull();
        }
    }

    @Test
    void aCompleteHomeIsReusedAsItIs() throws IOException {
        Path first = packaged.unpackInto(base);
        Path sentinel = Files.writeString(first.resolve("sentinel"), "kept");

        Path second = packaged.unpackInto(base);

        assertThat(second).isEqualTo(first);
        assertThat(sentinel).hasContent("kept");
    }

    @Test
    void aHomeLeftHalfUnpackedIsUnpackedAgain() throws IOException {
        Path half = Files.createDirectories(base.resolve(packaged.directoryName()).resolve("lib"));
        Files.writeString(half.resolve("truncated.jar"), "");

        Path home = packaged.unpackInto(base);

        assertThat(home.resolve("lib/truncated.jar")).doesNotExist();
        assertThat(home.resolve("lib/elasticsearch-8.19.21.jar")).isRegularFile();
    }

    @Test
    void homesOfOtherVersionsGoOnlyWhenAskedAndTheCurrentOneStays() throws IOException {
        Path old = Files.createDirectories(base.resolve("home-8.19.20-0123456789ab/lib"));
        Path leftover = Files.createDirectories(base.resolve("unpacking-42"));
        Path data = Files.createDirectories(base.resolve("data"));
        Path home = packaged.unpackInto(base);
        assertThat(old).exists();

        packaged.removeOthersIn(base);

        assertThat(base.resolve("home-8.19.20-0123456789ab")).doesNotExist();
        assertThat(leftover).doesNotExist();
        assertThat(data).exists();
        assertThat(home.resolve("lib/elasticsearch-8.19.21.jar")).isRegularFile();
    }
}
