package io.polycell.compute.driver.libvirt.qemu;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The guest's whole user space: a static busybox, the {@code qemu/init} script as PID 1, busybox acpid
 * wired to the ACPI power button, and the two kernel modules that make the button reach user space.
 * No disk image is involved, so nothing has to be downloaded and the guest boots in seconds under TCG.
 *
 * <p>The archive is written here as gzip'd cpio "newc" rather than with {@code cpio} and {@code gzip}:
 * the format is a 110-byte text header per entry, and writing it directly saves CI a package and
 * lets the archive carry a {@code /dev/console} node, which would otherwise need root to create.
 */
public final class TinyInitramfs {

    /** Printed by {@code qemu/init} once the guest runs init and listens for the power button. */
    public static final String BOOTED = "POLYCELL-GUEST-UP";

    /** Printed by {@code qemu/power-button} when acpid saw libvirt press the power button. */
    static final String POWER_BUTTON_PRESSED = "POLYCELL-GUEST-POWER-BUTTON";

    /** Printed by {@code qemu/init} if the button never showed up, so a failed power-off explains itself. */
    static final String NO_POWER_BUTTON = "POLYCELL-GUEST-NO-POWER-BUTTON";

    private static final int DIRECTORY = 0040755;
    private static final int EXECUTABLE = 0100755;
    private static final int REGULAR = 0100644;
    private static final int CONSOLE = 0020600;
    private static final int CONSOLE_MAJOR = 5;
    private static final int CONSOLE_MINOR = 1;
    private static final String TRAILER = "TRAILER!!!";

    private TinyInitramfs() {
    }

    /** Writes the initramfs to {@code target}; {@code modules} go to {@code /lib/modules} by file name. */
    public static void write(Path target, Path busybox, List<Path> modules) throws IOException {
        try (OutputStream file = Files.newOutputStream(target);
             CpioWriter cpio = new CpioWriter(new GZIPOutputStream(new BufferedOutputStream(file)))) {
            for (String dir : List.of("bin", "dev", "etc", "etc/acpi", "lib", "lib/modules", "proc", "run", "sys")) {
                cpio.directory(dir);
            }
            cpio.device("dev/console", CONSOLE, CONSOLE_MAJOR, CONSOLE_MINOR);
            cpio.file("init", EXECUTABLE, resource("init"));
            cpio.file("etc/acpid.conf", REGULAR, resource("acpid.conf"));
            cpio.file("etc/acpi/power-button", EXECUTABLE, resource("power-button"));
            cpio.file("bin/busybox", EXECUTABLE, Files.readAllBytes(busybox));
            for (Path module : modules) {
                cpio.file("lib/modules/" + module.getFileName(), REGULAR, Files.readAllBytes(module));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TinyInitramfs.class.getResourceAsStream("/qemu/" + name)) {
            if (in == null) {
                throw new IOException("Test resource qemu/" + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        }
    }

    /** The "newc" cpio format the kernel unpacks into its initial root: ASCII hex headers, 4-byte alignment. */
    private static final class CpioWriter implements AutoCloseable {

        private final OutputStream out;
        private long written;
        private int inode = 1;

        CpioWriter(OutputStream out) {
            this.out = out;
        }

        void directory(String name) throws IOException {
            entry(name, DIRECTORY, 2, 0, 0, new byte[0]);
        }

        void device(String name, int mode, int major, int minor) throws IOException {
            entry(name, mode, 1, major, minor, new byte[0]);
        }

        void file(String name, int mode, byte[] content) throws IOException {
            entry(name, mode, 1, 0, 0, content);
        }

        private void entry(String name, int mode, int links, int rdevMajor, int rdevMinor, byte[] content)
                throws IOException {
            byte[] path = (name + '\0').getBytes(StandardCharsets.US_ASCII);
            StringBuilder header = new StringBuilder("070701");
            // ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize, check
            for (long field : new long[] {name.equals(TRAILER) ? 0 : inode++, mode, 0, 0, links, 0, content.length, 0, 0,
                    rdevMajor, rdevMinor, path.length, 0}) {
                header.append(String.format("%08x", field));
            }
            write(header.toString().getBytes(StandardCharsets.US_ASCII));
            write(path);
            pad();
            write(content);
            pad();
        }

        private void write(byte[] bytes) throws IOException {
            out.write(bytes);
            written += bytes.length;
        }

        private void pad() throws IOException {
            while (written % 4 != 0) {
                out.write(0);
                written++;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                entry(TRAILER, 0, 1, 0, 0, new byte[0]);
            } finally {
                out.close();
            }
        }
    }
}
