package io.polycell.compute.driver.libvirt.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What booting a real guest needs from the host, found in one place so that a developer without it sees
 * one line saying what to install, and CI (where the environment variable {@code CI} is set and the
 * packages are installed on purpose) fails loudly instead of passing by skipping.
 *
 * <p>Everything comes from Debian packages: {@code libvirt-daemon} and {@code libvirt-daemon-driver-qemu}
 * for the daemon, {@code qemu-system-x86} for the emulator, {@code linux-image-amd64} for a kernel and
 * the two modules the guest needs to hear libvirt's ACPI power button, and {@code busybox-static} for
 * the guest's whole user space. A JVM running as root also needs the unprivileged {@value #DAEMON_USER}
 * user, since a root libvirtd would be the host's system daemon with its fixed paths under
 * {@code /etc}, {@code /var} and {@code /run}.
 */
public final class QemuPrerequisites {

    private static final Logger log = LoggerFactory.getLogger(QemuPrerequisites.class);

    /** The user a root JVM runs the session daemon and its guests as. */
    static final String DAEMON_USER = "polycell-it";

    /** Where the daemon looks for {@code qemu-system-x86_64}; also the PATH it is given. */
    static final String SEARCH_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private static final List<String> GUEST_MODULES = List.of("kernel/drivers/acpi/button.ko",
            "kernel/drivers/input/evdev.ko");
    private static final int PT_INTERP = 3;

    /** Everything found; {@code user} is empty when the JVM is not root and runs the daemon itself. */
    public record Host(Path libvirtd, Path kernel, List<Path> guestModules, Path busybox, Optional<DaemonUser> user) {
    }

    /** The unprivileged identity a root JVM hands the daemon, with the group of the same name. */
    public record DaemonUser(String name, UserPrincipal user, GroupPrincipal group) {
    }

    private QemuPrerequisites() {
    }

    /**
     * What was found: the host's pieces, or the one-line reason they cannot be had. Looked at once for the
     * class, then each test skips itself, so a developer's build reports the tests as skipped, with why.
     */
    public record Check(Host host, String reason) {

        public boolean available() {
            return host != null;
        }

        /** Skips the calling test when something is missing. */
        public void assumeAvailable() {
            if (!available()) {
                Assumptions.abort("Skipped: " + reason);
            }
        }
    }

    /** Looks at the host; under CI a missing piece fails here, for the whole class, instead of skipping. */
    public static Check check() {
        List<String> missing = new ArrayList<>();
        Host host = find(missing);
        if (missing.isEmpty()) {
            return new Check(host, null);
        }
        String reason = "booting a real QEMU guest needs " + String.join("; ", missing);
        if (System.getenv("CI") != null) {
            throw new AssertionError("CI is set, so this test must run, but " + reason);
        }
        log.warn("Skipping the QEMU integration tests: {}", reason);
        return new Check(null, reason);
    }

    private static Host find(List<String> missing) {
        String arch = System.getProperty("os.arch");
        if (!"amd64".equals(arch) && !"x86_64".equals(arch)) {
            missing.add("an x86_64 host (this is " + arch + "), since the guest is Debian's amd64 kernel");
            return null;
        }
        Path libvirtd = executable("libvirtd", "libvirt-daemon", missing);
        executable("qemu-system-x86_64", "qemu-system-x86", missing);
        if (qemuDriverModule().isEmpty()) {
            missing.add("libvirt's QEMU driver (apt-get install libvirt-daemon-driver-qemu)");
        }
        Path busybox = staticBusybox(missing);
        Optional<DaemonUser> user = daemonUser(missing);
        Optional<Path> kernel = kernel();
        if (kernel.isEmpty()) {
            missing.add("a readable /boot/vmlinuz-<version> with uncompressed button.ko and evdev.ko modules in"
                    + " /lib/modules/<version> (apt-get install linux-image-amd64)");
        }
        if (!missing.isEmpty()) {
            return null;
        }
        return new Host(libvirtd, kernel.get(), modules(kernel.get()).orElseThrow(), busybox, user);
    }

    private static Path executable(String name, String debianPackage, List<String> missing) {
        for (String dir : SEARCH_PATH.split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        missing.add(name + " (apt-get install " + debianPackage + ")");
        return null;
    }

    private static Optional<Path> qemuDriverModule() {
        try (Stream<Path> multiarch = list(Path.of("/usr/lib"))) {
            return Stream.concat(multiarch, Stream.of(Path.of("/usr/lib"), Path.of("/usr/lib64")))
                    .map(dir -> dir.resolve("libvirt/connection-driver/libvirt_driver_qemu.so"))
                    .filter(Files::isRegularFile)
                    .findFirst();
        }
    }

    /**
     * Debian's plain {@code busybox} package is linked against glibc, which the initramfs does not
     * have: the guest would panic with "No working init found", a timeout far from its cause.
     */
    private static Path staticBusybox(List<String> missing) {
        for (Path candidate : List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"))) {
            if (Files.isReadable(candidate)) {
                if (isStaticElf(candidate)) {
                    return candidate;
                }
                missing.add("a statically linked busybox, but " + candidate + " is dynamic"
                        + " (apt-get install busybox-static)");
                return null;
            }
        }
        missing.add("busybox (apt-get install busybox-static)");
        return null;
    }

    /** A 64-bit little-endian ELF file without a PT_INTERP program header needs no dynamic loader. */
    static boolean isStaticElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteBuffer header = ByteBuffer.wrap(in.readNBytes(64)).order(ByteOrder.LITTLE_ENDIAN);
            if (header.limit() < 64 || header.getInt(0) != 0x464c457f || header.get(4) != 2 || header.get(5) != 1) {
                return false;
            }
            long programHeaders = header.getLong(0x20);
            int entrySize = Short.toUnsignedInt(header.getShort(0x36));
            int entries = Short.toUnsignedInt(header.getShort(0x38));
            in.skipNBytes(programHeaders - 64);
            ByteBuffer table = ByteBuffer.wrap(in.readNBytes(entrySize * entries)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < entries; i++) {
                if (table.getInt(i * entrySize) == PT_INTERP) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Any kernel with its modules will do; the newest by name is tried first, for a stable choice. */
    private static Optional<Path> kernel() {
        try (Stream<Path> boot = list(Path.of("/boot"))) {
            return boot.filter(path -> path.getFileName().toString().startsWith("vmlinuz-"))
                    .filter(Files::isReadable)
                    .filter(path -> modules(path).isPresent())
                    .max(Comparator.comparing(Path::toString));
        }
    }

    private static Optional<List<Path>> modules(Path kernel) {
        String version = kernel.getFileName().toString().substring("vmlinuz-".length());
        Path moduleDir = Path.of("/lib/modules", version);
        List<Path> found = new ArrayList<>();
        for (String module : GUEST_MODULES) {
            Path file = moduleDir.resolve(module);
            if (!Files.isReadable(file)) {
                return Optional.empty();
            }
            found.add(file);
        }
        return Optional.of(List.copyOf(found));
    }

    /**
     * libvirtd run by root is the system daemon. An unprivileged session daemon needs an unprivileged
     * user, and one made for the purpose rather than {@code nobody}, which other services share.
     */
    private static Optional<DaemonUser> daemonUser(List<String> missing) {
        if (!runningAsRoot()) {
            return Optional.empty();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            missing.add("setpriv to drop root for the daemon (apt-get install util-linux)");
            return Optional.empty();
        }
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        try {
            return Optional.of(new DaemonUser(DAEMON_USER, lookup.lookupPrincipalByName(DAEMON_USER),
                    lookup.lookupPrincipalByGroupName(DAEMON_USER)));
        } catch (UserPrincipalNotFoundException e) {
            missing.add("an unprivileged user to run libvirtd and QEMU, since this JVM is root (useradd --system"
                    + " --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "
                    + DAEMON_USER + ")");
            return Optional.empty();
        } catch (IOException e) {
            missing.add("a way to look up the user " + DAEMON_USER + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Stream<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            return Stream.empty();
        }
        return entries.stream();
    }
}
