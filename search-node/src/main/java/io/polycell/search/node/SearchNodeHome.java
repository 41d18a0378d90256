package io.polycell.search.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's home (lib/, modules/, config/), shipped zipped as a resource of this jar and unpacked
 * once per content into {@code home-<version>-<fingerprint>} of a base directory. Jars inside a resource
 * are not classes on the application's classpath: the Elasticsearch jars only ever load in the node's JVM.
 */
final class SearchNodeHome {

    private static final Logger log = LoggerFactory.getLogger(SearchNodeHome.class);

    static final String ZIP = "search-node-home.zip";
    static final String DESCRIPTION = "search-node-home.properties";
    private static final String COMPLETE = ".complete";
    private static final String PREFIX = "home-";
    private static final String STAGING = "unpacking-";

    private final String elasticsearchVersion;
    private final String fingerprint;

    private SearchNodeHome(String elasticsearchVersion, String fingerprint) {
        this.elasticsearchVersion = elasticsearchVersion;
        this.fingerprint = fingerprint;
    }

    /** The home this build carries, as described beside its zip. */
    static SearchNodeHome packaged() {
        try (InputStream in = SearchNodeHome.class.getResourceAsStream(DESCRIPTION)) {
            if (in == null) {
                throw new IllegalStateException("This build carries no Elasticsearch node: " + DESCRIPTION
                        + " is missing beside " + SearchNodeHome.class.getName()
                        + " (the search-node module assembles it when it is packaged)");
            }
            Properties description = new Properties();
            description.load(in);
            String version = required(description, "elasticsearch.version");
            String sha256 = required(description, "sha256");
            return new SearchNodeHome(version, sha256.substring(0, Math.min(12, sha256.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + DESCRIPTION, e);
        }
    }

    String elasticsearchVersion() {
        return elasticsearchVersion;
    }

    String directoryName() {
        return PREFIX + elasticsearchVersion + "-" + fingerprint;
    }

    /**
     * Returns the unpacked home under {@code baseDir}, unpacking it first when this content is not there
     * yet. A home is only used once its completion marker is written.
     */
    Path unpackInto(Path baseDir) {
        Path home = baseDir.resolve(directoryName());
        if (Files.isRegularFile(home.resolve(COMPLETE))) {
            return home;
        }
        try {
            Files.createDirectories(baseDir);
            log.info("Unpacking Elasticsearch {} into {} (once per version)", elasticsearchVersion, home);
            Path staging = Files.createTempDirectory(baseDir, STAGING);
            try {
                unzip(staging);
                Files.createFile(staging.resolve(COMPLETE));
                if (Files.exists(home)) {
                    deleteTree(home);
                }
                Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                // another process unpacked the same content at the same time; its copy is as good
                if (!Files.isRegularFile(home.resolve(COMPLETE))) {
                    throw raced;
                }
            } finally {
                deleteTree(staging);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the Elasticsearch node into " + home, e);
        }
    }

    private void unzip(Path target) throws IOException {
        try (InputStream resource = SearchNodeHome.class.getResourceAsStream(ZIP)) {
            if (resource == null) {
                throw new IllegalStateException(ZIP + " is missing beside " + SearchNodeHome.class.getName());
            }
            try (ZipInputStream zip = new ZipInputStream(resource)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    Path file = target.resolve(entry.getName()).normalize();
                    if (!file.startsWith(target)) {
                        throw new IOException("Entry outside the home: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(zip, file);
                    }
                }
            }
        }
    }

    /**
     * Removes homes of other contents and unpacking leftovers. Called once this home's node holds the data
     * directory, so no node of another version can still be running from them.
     */
    void removeOthersIn(Path baseDir) {
        try (Stream<Path> entries = Files.list(baseDir)) {
            for (Path other : entries.toList()) {
                String name = other.getFileName().toString();
                boolean otherHome = name.startsWith(PREFIX) && !name.equals(directoryName());
                if (otherHome || name.startsWith(STAGING)) {
                    log.info("Removing {}, left by another version", other);
                    deleteTree(other);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old Elasticsearch homes from {}: {}", baseDir, e.getMessage());
        }
    }

    private static String required(Properties description, String key) {
        String value = description.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(DESCRIPTION + " has no " + key);
        }
        return value.trim();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
