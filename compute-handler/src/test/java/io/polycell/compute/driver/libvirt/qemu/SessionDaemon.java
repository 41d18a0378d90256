package io.polycell.compute.driver.libvirt.qemu;

import io.polycell.compute.driver.libvirt.qemu.QemuPrerequisites.DaemonUser;
import io.polycell.compute.driver.libvirt.qemu.QemuPrerequisites.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libvirtd of the test's own, for {@code qemu:///session}: unprivileged, in the foreground, with its
 * home, configuration, cache and runtime directories under the test's workspace. Nothing of the host's
 * libvirt is touched or needed: no systemd, no system daemon, no socket activation, no polkit.
 *
 * <p>Why a session daemon: a libvirtd started by root is always the system daemon, whose paths under
 * {@code /etc/libvirt}, {@code /var/lib/libvirt} and {@code /run/libvirt} cannot be moved, so it would
 * clash with a host's own libvirt and leave state behind. A session daemon keeps everything under
 * {@code HOME} and the XDG directories, which the test points at its workspace. When the JVM is root
 * (as in CI) the daemon runs as {@link QemuPrerequisites#DAEMON_USER} through {@code setpriv}, which
 * execs it, so the process the test holds is libvirtd itself and can be stopped by its PID.
 *
 * <p>How the JVM reaches it: the session socket is {@code $XDG_RUNTIME_DIR/libvirt/libvirt-sock},
 * named explicitly with {@code ?socket=} because libvirt would otherwise derive it from the JVM's own
 * environment. The directory is private to the daemon's user; root passes that check, and a session
 * daemon authenticates no one on its socket (its protection is the directory's mode), so a root client
 * is accepted. Naming the socket also keeps a non-root client from auto-starting a daemon of its own.
 *
 * <p>{@code stdio_handler = "file"} in the session's {@code qemu.conf} makes libvirtd write QEMU's
 * output itself; the default hands it to virtlogd, which libvirt would start as one more daemon that
 * outlives the test.
 */
public final class SessionDaemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionDaemon.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);
    /** A Unix socket's path must fit {@code sun_path}: 108 bytes with the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;
    /**
     * The longest socket libvirt makes in a session: each guest's QEMU monitor, under the configuration
     * directory, named after the domain's run number and at most 20 characters of its name. With JUnit's
     * temporary directory in {@code /tmp} it has a few bytes to spare, which is why the daemon's
     * directories sit directly in the workspace.
     */
    private static final String LONGEST_MONITOR_SOCKET = "libvirt/qemu/lib/domain-9999-" + "n".repeat(20) + "/monitor.sock";
    /** A safety net only: a daemon with no clients and no running guests for this long exits on its own. */
    private static final int IDLE_TIMEOUT_SECONDS = 120;

    private final Path cache;
    private final Path runtime;
    private final Path output;
    private final Process process;
    private final Thread shutdownHook;

    private SessionDaemon(Path cache, Path runtime, Path output, Process process) {
        this.cache = cache;
        this.runtime = runtime;
        this.output = output;
        this.process = process;
        this.shutdownHook = new Thread(this::stop, "stop-test-libvirtd");
    }

    /**
     * Starts the daemon with its directories in {@code workspace} and waits until it listens. Everything under
     * {@code workspace} is handed to the daemon's user first, so the guests it runs can read the kernel
     * and write console logs the test put there.
     */
    public static SessionDaemon start(Path workspace, Host host) throws IOException, InterruptedException {
        Path home = Files.createDirectories(workspace.resolve("home"));
        Path config = Files.createDirectories(workspace.resolve("config"));
        Path cache = Files.createDirectories(workspace.resolve("cache"));
        Path runtime = Files.createDirectories(workspace.resolve("run"));
        Files.writeString(Files.createDirectories(config.resolve("libvirt")).resolve("qemu.conf"),
                "stdio_handler = \"file\"\n");
        requireShortEnough(config.resolve(LONGEST_MONITOR_SOCKET));
        Path socket = requireShortEnough(runtime.resolve("libvirt/libvirt-sock"));
        Path output = workspace.resolve("libvirtd.log");
        if (host.user().isPresent()) {
            handOver(workspace, host.user().get());
        }

        ProcessBuilder builder = new ProcessBuilder(command(host)).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", QemuPrerequisites.SEARCH_PATH);
        environment.put("LC_ALL", "C");
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", config.toString());
        environment.put("XDG_CACHE_HOME", cache.toString());
        environment.put("XDG_RUNTIME_DIR", runtime.toString());

        long started = System.nanoTime();
        SessionDaemon daemon = new SessionDaemon(cache, runtime, output, builder.start());
        Runtime.getRuntime().addShutdownHook(daemon.shutdownHook);
        try {
            daemon.awaitSocket(socket);
        } catch (RuntimeException | InterruptedException e) {
            daemon.close();
            throw e;
        }
        log.info("libvirtd (pid {}) listens on {} after {} ms", daemon.process.pid(), socket,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return daemon;
    }

    /** The URI for {@code LibvirtDriver} and for the test's own look at the domains. */
    public String uri() {
        return "qemu:///session?socket=" + runtime.resolve("libvirt/libvirt-sock");
    }

    /** QEMU's command line and exit reason for a domain, where libvirt writes it in a session. */
    Path qemuLog(String domainName) {
        return cache.resolve("libvirt/qemu/log/" + domainName + ".log");
    }

    /** The last lines the daemon printed, for failure messages. */
    String outputTail(int lines) {
        return Logs.tail(output, lines);
    }

    /** Stops the daemon, and any QEMU it left running, by PID; safe to call more than once. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it does the same
        }
    }

    private synchronized void stop() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitFor(process.toHandle())) {
                log.warn("libvirtd (pid {}) ignored SIGTERM for {}; killing it", process.pid(), STOP_TIMEOUT);
                process.destroyForcibly();
                waitFor(process.toHandle());
            }
        }
        killLeftoverGuests();
    }

    /**
     * libvirtd leaves its guests running when it stops, by design. The test destroys its guests through
     * libvirt; this catches the ones a failure left behind. The PID files are written by this daemon
     * only, and a PID is killed only while it still names a QEMU process.
     */
    private void killLeftoverGuests() {
        Path pidFiles = runtime.resolve("libvirt/qemu/run");
        if (!Files.isDirectory(pidFiles)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pidFiles, "*.pid")) {
            for (Path file : files) {
                if (file.getFileName().toString().equals("driver.pid")) {
                    continue;
                }
                Optional<ProcessHandle> qemu = readPid(file).flatMap(ProcessHandle::of)
                        .filter(handle -> handle.info().command().orElse("").contains("qemu-system"));
                qemu.ifPresent(handle -> {
                    log.warn("Killing QEMU (pid {}) left running by the test's libvirtd", handle.pid());
                    handle.destroyForcibly();
                    waitFor(handle);
                });
            }
        } catch (IOException e) {
            log.warn("Could not look for QEMU processes left running: {}", e.getMessage());
        }
    }

    private void awaitSocket(Path socket) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("libvirtd exited with status " + process.exitValue()
                        + " before listening; its output ends with:\n" + outputTail(20));
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("libvirtd did not create " + socket + " within " + START_TIMEOUT
                        + "; its output ends with:\n" + outputTail(20));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static Path requireShortEnough(Path socket) {
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IllegalStateException("libvirt's Unix socket " + socket + " would be longer than "
                    + MAX_SOCKET_PATH + " bytes; point java.io.tmpdir at a shorter directory");
        }
        return socket;
    }

    private static List<String> command(Host host) {
        List<String> command = new ArrayList<>();
        host.user().ifPresent(user -> command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + user.name(),
                "--regid=" + user.name(), "--init-groups", "--")));
        command.add(host.libvirtd().toString());
        command.add("--timeout=" + IDLE_TIMEOUT_SECONDS);
        return command;
    }

    /** Gives the daemon's user the whole workspace; root, running the test, can still read and delete it. */
    private static void handOver(Path workspace, DaemonUser user) throws IOException {
        try (Stream<Path> paths = Files.walk(workspace)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(user.user());
                view.setGroup(user.group());
            }
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean waitFor(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }
}
