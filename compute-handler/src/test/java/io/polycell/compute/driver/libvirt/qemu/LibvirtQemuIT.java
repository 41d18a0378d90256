package io.polycell.compute.driver.libvirt.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.polycell.compute.driver.Guest;
import io.polycell.compute.driver.libvirt.LibvirtDriver;
import io.polycell.compute.driver.libvirt.LibvirtSettings;
import io.polycell.compute.driver.libvirt.qemu.QemuPrerequisites.Host;
import io.polycell.messages.flavor.FlavorSpec;
import io.polycell.messages.image.ImageSpec;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LibvirtDriver} on a real hypervisor: QEMU with software emulation ({@code <domain type='qemu'>},
 * TCG), so it needs no KVM and runs in any CI container. The guest is Debian's kernel booted directly with
 * a busybox initramfs built by {@link TinyInitramfs}, through the image properties {@code kernel_path},
 * {@code initrd_path} and {@code kernel_cmdline}; its serial console goes to a file in the driver's console
 * log directory, which is how the test knows the guest really booted and really shut itself down.
 *
 * <p>The test driver used by the unit tests changes state the moment it is asked; these tests catch what
 * only a real guest shows: a domain that libvirt starts but QEMU cannot run, a power-off that a guest
 * never hears, a destroy that leaves a process or a domain behind. Skipped with a one-line reason when
 * the host lacks QEMU, libvirtd or a kernel (see {@link QemuPrerequisites}); under CI it fails instead.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LibvirtQemuIT {

    private static final Logger log = LoggerFactory.getLogger(LibvirtQemuIT.class);

    /** Debian's kernel unpacking the initramfs dies at once in 64 MiB; 128 MiB boots. */
    private static final int RAM_MB = 128;
    /** Boot to init takes about 10 s under TCG on a CI-sized machine; this leaves room for a slow one. */
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than the guest needs to power off (about 2 s), short enough to fail fast if it never does. */
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);
    private static final String KERNEL_STARTS_INIT = "Run /init as init process";

    @TempDir
    static Path workspace;

    private static QemuPrerequisites.Check prerequisites;
    private static SessionDaemon daemon;
    private static LibvirtDriver driver;
    /** The test's own connection, to look at domains the way any other libvirt client would. */
    private static Connect libvirt;
    private static Path consoleLogs;
    private static Path kernel;
    private static Path initrd;

    @BeforeAll
    static void startHypervisor() throws Exception {
        prerequisites = QemuPrerequisites.check();
        if (!prerequisites.available()) {
            return;
        }
        Host host = prerequisites.host();
        // Copied into the workspace, which becomes the daemon's user's: /boot may not be readable by it.
        Path boot = Files.createDirectories(workspace.resolve("boot"));
        kernel = Files.copy(host.kernel(), boot.resolve("vmlinuz"));
        initrd = boot.resolve("initramfs.cpio.gz");
        TinyInitramfs.write(initrd, host.busybox(), host.guestModules());
        consoleLogs = Files.createDirectories(workspace.resolve("console"));
        Path images = Files.createDirectories(workspace.resolve("images"));
        log.info("Guest: kernel {} ({} modules), initramfs of {} bytes", host.kernel(), host.guestModules().size(),
                Files.size(initrd));

        daemon = SessionDaemon.start(workspace, host);
        driver = LibvirtDriver.connect(new LibvirtSettings(daemon.uri(), "qemu", images, consoleLogs, null, null,
                null, SHUTDOWN_TIMEOUT));
        libvirt = new Connect(daemon.uri());
    }

    @BeforeEach
    void requireHypervisor() {
        prerequisites.assumeAvailable();
    }

    /** Removes whatever a test left, through libvirt rather than the driver under test. */
    @AfterEach
    void removeDomains() throws LibvirtException {
        if (libvirt == null) {
            return;
        }
        for (Domain domain : libvirt.listAllDomains(0)) {
            try {
                if (domain.isActive() == 1) {
                    domain.destroy();
                }
                domain.undefine();
            } finally {
                domain.free();
            }
        }
    }

    @AfterAll
    static void stopHypervisor() throws LibvirtException {
        try {
            if (libvirt != null) {
                libvirt.close();
            }
        } finally {
            try {
                if (driver != null) {
                    driver.close();
                }
            } finally {
                if (daemon != null) {
                    daemon.close();
                }
            }
        }
    }

    @Test
    void spawnedGuestBootsShutsItselfDownOnPowerOffAndBootsAgainOnPowerOn() throws LibvirtException {
        InstanceSpec spec = tinyGuest();
        Path console = consoleLogs.resolve(spec.instanceId() + ".log");

        long spawning = System.nanoTime();
        Guest spawned = driver.spawn(spec);
        long spawnMs = millisSince(spawning);

        assertThat(spawned).isEqualTo(new Guest(spec.instanceId(), domainName(spec), PowerState.RUNNING));
        assertThat(state(spec)).isEqualTo(DomainState.VIR_DOMAIN_RUNNING);
        String definition = domain(spec).getXMLDesc(0);
        assertThat(definition).contains("<domain type='qemu'", "<kernel>" + kernel + "</kernel>",
                "<initrd>" + initrd + "</initrd>", "<cmdline>console=ttyS0</cmdline>", "<memory unit='KiB'>131072<");
        awaitConsoleLine(spec, console, TinyInitramfs.BOOTED, 1);
        long bootMs = millisSince(spawning);
        assertThat(Logs.read(console)).contains(KERNEL_STARTS_INIT).doesNotContain(TinyInitramfs.NO_POWER_BUTTON);

        long poweringOff = System.nanoTime();
        Guest off = driver.powerOff(spec.instanceId());
        long powerOffMs = millisSince(poweringOff);

        assertThat(off.powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(state(spec)).isEqualTo(DomainState.VIR_DOMAIN_SHUTOFF);
        assertThat(domain(spec).isActive()).isZero();
        assertThat(Logs.countLines(console, TinyInitramfs.POWER_BUTTON_PRESSED))
                .as("the guest heard the ACPI power button and shut itself down, so the driver did not have to"
                        + " destroy it; console:\n%s", Logs.tail(console, 15))
                .isEqualTo(1);
        assertThat(Duration.ofMillis(powerOffMs)).isLessThan(SHUTDOWN_TIMEOUT);

        long poweringOn = System.nanoTime();
        Guest on = driver.powerOn(spec.instanceId());
        long powerOnMs = millisSince(poweringOn);

        assertThat(on.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(state(spec)).isEqualTo(DomainState.VIR_DOMAIN_RUNNING);
        awaitConsoleLine(spec, console, TinyInitramfs.BOOTED, 2);
        log.info("Timings: spawn returned RUNNING after {} ms, guest init reported after {} ms, power-off took {} ms,"
                + " power-on returned after {} ms and the guest booted again after {} ms", spawnMs, bootMs,
                powerOffMs, powerOnMs, millisSince(poweringOn));
    }

    @Test
    void destroyRemovesTheDomainAndItsConsoleLog() throws LibvirtException {
        InstanceSpec spec = tinyGuest();
        Path console = consoleLogs.resolve(spec.instanceId() + ".log");
        driver.spawn(spec);
        awaitConsoleLine(spec, console, TinyInitramfs.BOOTED, 1);

        long destroying = System.nanoTime();
        driver.destroy(spec.instanceId());
        log.info("Timings: destroying a booted guest took {} ms", millisSince(destroying));

        assertThatThrownBy(() -> libvirt.domainLookupByUUIDString(spec.instanceId()))
                .isInstanceOfSatisfying(LibvirtException.class,
                        e -> assertThat(e.getError().getCode()).isEqualTo(ErrorNumber.VIR_ERR_NO_DOMAIN));
        assertThat(domainUuids()).doesNotContain(spec.instanceId());
        assertThat(driver.guest(spec.instanceId())).isEmpty();
        assertThat(console).doesNotExist();
        assertThatCode(() -> driver.destroy(spec.instanceId())).doesNotThrowAnyException();
    }

    @Test
    void repeatedSpawnReturnsTheRunningGuestInsteadOfStartingAnother() throws LibvirtException {
        InstanceSpec spec = tinyGuest();
        Guest first = driver.spawn(spec);
        int runId = domain(spec).getID();

        Guest again = driver.spawn(spec);

        assertThat(again).isEqualTo(first);
        assertThat(domainUuids()).containsExactly(spec.instanceId());
        assertThat(domain(spec).getID())
                .as("libvirt numbers every start of a domain anew: the same number means the same QEMU run")
                .isEqualTo(runId);
    }

    /** A one-vCPU, 128 MiB guest booting the kernel and initramfs directly, as a kernel/ramdisk image would. */
    private static InstanceSpec tinyGuest() {
        FlavorSpec flavor = new FlavorSpec("tiny-128", "m1.tiny128", 1, RAM_MB, 0, 0, 0, 1.0, true);
        ImageSpec image = new ImageSpec("busybox-initramfs", "busybox initramfs", 0, RAM_MB, 0, "raw",
                Map.of("kernel_path", kernel.toString(), "initrd_path", initrd.toString(),
                        "kernel_cmdline", "console=ttyS0"));
        return new InstanceSpec(UUID.randomUUID().toString(), "qemu-it", "qemu-it-project", "qemu-it-user", flavor,
                image, Map.of(), Instant.now());
    }

    /** Waits until the console shows {@code line} {@code times} times, with the evidence if it never does. */
    private static void awaitConsoleLine(InstanceSpec spec, Path console, String line, int times) {
        try {
            await().atMost(BOOT_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> Logs.countLines(console, line) >= times);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("The guest's console did not show " + line + " " + times + " time(s) within "
                    + BOOT_TIMEOUT + ".\nConsole:\n" + Logs.tail(console, 25) + "\nQEMU log:\n"
                    + Logs.tail(daemon.qemuLog(domainName(spec)), 10) + "\nlibvirtd:\n" + daemon.outputTail(10), e);
        }
    }

    private static Domain domain(InstanceSpec spec) throws LibvirtException {
        return libvirt.domainLookupByUUIDString(spec.instanceId());
    }

    private static DomainState state(InstanceSpec spec) throws LibvirtException {
        return domain(spec).getInfo().state;
    }

    private static List<String> domainUuids() throws LibvirtException {
        List<String> uuids = new ArrayList<>();
        for (Domain domain : libvirt.listAllDomains(0)) {
            uuids.add(domain.getUUIDString());
            domain.free();
        }
        return uuids;
    }

    /** The name LibvirtDriver gives a guest: {@code instance-} and the UUID's first 8 hex digits. */
    private static String domainName(InstanceSpec spec) {
        return "instance-" + spec.instanceId().substring(0, 8);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
