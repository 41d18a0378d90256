package io.polycell.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.driver.libvirt.qemu.QemuPrerequisites;
import io.polycell.compute.driver.libvirt.qemu.SessionDaemon;
import io.polycell.compute.driver.libvirt.qemu.TinyInitramfs;
import io.polycell.infra.support.RunningPolycell;
import io.polycell.infra.support.RunningPolycell.Response;
import io.polycell.infra.support.Servers;
import io.polycell.messages.instance.PowerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The whole system on a real hypervisor: a server booted through the API runs as a QEMU guest (TCG)
 * under libvirt, is ACTIVE only once its domain runs, and is stopped, started and deleted through the
 * API. Skipped with the reason when QEMU, libvirtd or a kernel is missing; under CI it fails instead.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QemuServerIT {

    private static final String IVY = "ivy:tenant-i";
    private static final String ADMIN = "admin:tenant-i";
    private static final String IMAGE = "5a6e0c1e-9b1f-4c3e-8a51-7d2f1b0e9c42";
    private static final String HOST = "cell1-host1";

    /** Becomes the unprivileged daemon's: kernel, initramfs and libvirt's own directories. */
    @TempDir
    Path workspace;
    /** Stays the test's: PostgreSQL refuses a data directory it does not own. */
    @TempDir
    Path dataRoot;

    @Test
    void aServerBootsStopsStartsAndIsDeletedAsARealGuest() throws Exception {
        QemuPrerequisites.Check prerequisites = QemuPrerequisites.check();
        prerequisites.assumeAvailable();
        QemuPrerequisites.Host host = prerequisites.host();
        Path boot = Files.createDirectories(workspace.resolve("boot"));
        Path kernel = Files.copy(host.kernel(), boot.resolve("vmlinuz"));
        Path initrd = boot.resolve("initramfs.cpio.gz");
        TinyInitramfs.write(initrd, host.busybox(), host.guestModules());
        Path dataDir = Files.createDirectories(dataRoot.resolve("polycell"));
        Path console = consoleDirectoryFor(host, dataDir);

        try (SessionDaemon daemon = SessionDaemon.start(workspace, host);
             RunningPolycell polycell = RunningPolycell.start(dataDir,
                     "polycell.cells.cell1.hosts=1", "polycell.cells.cell1.driver=libvirt",
                     "polycell.cells.cell1.libvirt-uri=" + daemon.uri(), "polycell.cells.cell1.libvirt-domain-type=qemu",
                     "polycell.cells.cell1.vcpus=2", "polycell.cells.cell1.ram-mb=1024", "polycell.cells.cell1.disk-gb=10",
                     "polycell.cells.cell2.hosts=0",
                     "polycell.images[0].id=" + IMAGE, "polycell.images[0].name=busybox-direct-boot",
                     "polycell.images[0].properties.kernel_path=" + kernel,
                     "polycell.images[0].properties.initrd_path=" + initrd,
                     "polycell.images[0].properties.kernel_cmdline=console=ttyS0")) {
            assertThat(polycell.post(ADMIN, "/v2.1/flavors", "{\"flavor\": {\"name\": \"q1.tiny\", \"ram\": 128, "
                    + "\"vcpus\": 1, \"disk\": 1, \"id\": \"q1\"}}").status()).isEqualTo(200);
            Response boot202 = polycell.post(IVY, "/v2.1/servers", "{\"server\": {\"name\": \"guest\", "
                    + "\"flavorRef\": \"q1\", \"imageRef\": \"" + IMAGE + "\"}}");
            assertThat(boot202.status()).isEqualTo(202);
            String id = boot202.json().path("server").path("id").asString();

            Servers.awaitStatus(polycell, IVY, id, "ACTIVE");
            ComputeDriver libvirt = polycell.system().driver(HOST);
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
            Path consoleLog = console.resolve(id + ".log");
            awaitInConsole(consoleLog, TinyInitramfs.BOOTED, 1);

            act(polycell, id, "{\"os-stop\": null}", "SHUTOFF");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
            act(polycell, id, "{\"os-start\": null}", "ACTIVE");
            assertThat(libvirt.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
            awaitInConsole(consoleLog, TinyInitramfs.BOOTED, 2);

            assertThat(polycell.delete(IVY, "/v2.1/servers/" + id).status()).isEqualTo(204);
            Servers.awaitGone(polycell, IVY, id);
            await().atMost(Duration.ofSeconds(60)).until(() -> libvirt.guest(id).isEmpty());
            JsonNode actions = polycell.get(ADMIN, "/v2.1/servers").json();
            assertThat(actions.path("servers")).isEmpty();
        }
    }

    /**
     * QEMU runs as the daemon's user and writes the guest's console log into the host's console
     * directory, so that directory is the daemon user's and the way to it can be walked through.
     */
    private static Path consoleDirectoryFor(QemuPrerequisites.Host host, Path dataDir) throws IOException {
        Path console = Files.createDirectories(dataDir.resolve("console").resolve(HOST));
        if (host.user().isPresent()) {
            Set<PosixFilePermission> walkable = PosixFilePermissions.fromString("rwx--x--x");
            Path root = dataDir.getParent();
            for (Path dir = console.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
                Files.setPosixFilePermissions(dir, walkable);
            }
            Files.setOwner(console, host.user().get().user());
        }
        return console;
    }

    private static void act(RunningPolycell polycell, String id, String body, String status) {
        Instant start = Instant.now();
        assertThat(polycell.post(IVY, "/v2.1/servers/" + id + "/action", body).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode server = polycell.get(IVY, "/v2.1/servers/" + id).json().path("server");
            return server.path("status").asString().equals(status) && server.path("OS-EXT-STS:task_state").isNull();
        });
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(90));
    }

    private static void awaitInConsole(Path console, String marker, int times) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!Files.exists(console)) {
                return false;
            }
            try {
                String log = Files.readString(console);
                return log.split(marker, -1).length - 1 >= times;
            } catch (IOException notYet) {
                return false;
            }
        });
    }
}
