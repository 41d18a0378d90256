package io.polycell.compute.driver.libvirt.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the text files a guest leaves behind (its serial console, QEMU's log, libvirtd's output). They
 * are written by other processes while the test reads them, and a guest's console holds whatever bytes
 * its kernel printed, so a missing file reads as empty and undecodable bytes as replacement characters.
 */
final class Logs {

    private Logs() {
    }

    /** The whole file, or "" when it does not exist (yet). */
    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** How many lines are exactly {@code line}, ignoring the carriage returns of a serial console. */
    static long countLines(Path file, String line) {
        return read(file).lines().map(String::strip).filter(line::equals).count();
    }

    /** The last {@code lines} lines, for failure messages. */
    static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(" + file + " does not exist)";
        }
        List<String> all = read(file).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
