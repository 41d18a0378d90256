package io.polycell.compute.driver.libvirt;

import static io.polycell.compute.driver.libvirt.TestSpecs.flavor;
import static io.polycell.compute.driver.libvirt.TestSpecs.image;
import static io.polycell.compute.driver.libvirt.TestSpecs.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.polycell.compute.driver.DriverException;
import io.polycell.compute.driver.Guest;
import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;

/**
 * The driver against libvirt's test driver, which runs inside libvirt itself: no daemon, no QEMU. Each
 * test gets its own hypervisor from a node file; the test holds the driver's connection to look at and
 * change domains the way another libvirt client would. If libvirt0 is not installed every test fails
 * with the driver's start-up message, which is what CI should show.
 */
class LibvirtDriverTest {

    @TempDir
    Path dir;

    private Path imagesDir;
    private LibvirtSettings settings;
    private Connect hypervisor;
    private LibvirtDriver driver;

    @BeforeEach
    void startHypervisor() throws Exception {
        LibvirtAvailability.requireForTests();
        imagesDir = Files.createDirectory(dir.resolve("images"));
        settings = settings(TestNode.write(dir));
        hypervisor = new Connect(settings.uri());
        driver = new LibvirtDriver(hypervisor, settings);
    }

    @AfterEach
    void stopHypervisor() {
        driver.close();
    }

    @Test
    void spawnRunsADomainWhoseUuidIsTheInstanceIdSizedByTheFlavor() throws LibvirtException {
        InstanceSpec spec = instance(2, 768);

        Guest guest = driver.spawn(spec);

        String expectedName = "instance-" + spec.instanceId().replace("-", "").substring(0, 8);
        assertThat(guest).isEqualTo(new Guest(spec.instanceId(), expectedName, PowerState.RUNNING));
        Domain domain = domain(spec);
        assertThat(domain.getUUIDString()).isEqualTo(spec.instanceId());
        assertThat(domain.getName()).isEqualTo(expectedName);
        assertThat(domain.isActive()).isEqualTo(1);
        assertThat(domain.getInfo().maxMem).isEqualTo(768L * 1024);
        assertThat(domain.getInfo().nrVirtCpu).isEqualTo(2);
    }

    @Test
    void spawningAgainReturnsTheSameSingleDomain() throws LibvirtException {
        InstanceSpec spec = instance(1, 256);
        int before = hypervisor.listAllDomains(0).length;
        Guest first = driver.spawn(spec);
        int id = domain(spec).getID();

        Guest second = driver.spawn(spec);

        assertThat(second).isEqualTo(first);
        assertThat(hypervisor.listAllDomains(0)).hasSize(before + 1);
        assertThat(domain(spec).getID()).as("not restarted").isEqualTo(id);
    }

    @Test
    void concurrentSpawnsOfOneInstanceDefineOneDomain() throws Exception {
        InstanceSpec spec = instance(1, 256);
        int before = hypervisor.listAllDomains(0).length;
        List<Guest> guests = inParallel(8, () -> driver.spawn(spec));

        assertThat(guests).hasSize(8).containsOnly(guests.get(0));
        assertThat(guests.get(0).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(hypervisor.listAllDomains(0)).hasSize(before + 1);
    }

    @Test
    void spawnReturnsAShutOffGuestWithoutStartingIt() throws LibvirtException {
        InstanceSpec spec = instance(1, 256);
        driver.spawn(spec);
        domain(spec).destroy();

        assertThat(driver.spawn(spec).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(domain(spec).isActive()).isZero();
    }

    @Test
    void spawnBootsFromTheImageFileWhenTheImagesDirectoryHasIt() throws Exception {
        Path disk = Files.writeString(imagesDir.resolve("cirros.qcow2"), "not really qcow2");
        InstanceSpec spec = instance(1, 256);

        driver.spawn(spec);

        assertThat(domain(spec).getXMLDesc(0)).contains("<source file='" + disk.toAbsolutePath() + "'/>");
    }

    @Test
    void destroyRemovesTheDomain() {
        InstanceSpec spec = instance(1, 256);
        driver.spawn(spec);

        driver.destroy(spec.instanceId());

        assertThatThrownBy(() -> domain(spec)).isInstanceOf(LibvirtException.class).hasMessageContaining("not found");
        assertThat(driver.guest(spec.instanceId())).isEmpty();
        assertThat(driver.guests()).extracting(Guest::instanceId).doesNotContain(spec.instanceId());
    }

    @Test
    void destroyOfAnAbsentGuestDoesNothing() {
        int before = driver.guests().size();

        driver.destroy(UUID.randomUUID().toString());

        assertThat(driver.guests()).hasSize(before);
    }

    @Test
    void destroyRemovesASuspendedGuestAndItsSavedMemory() {
        InstanceSpec spec = instance(1, 256);
        driver.spawn(spec);
        driver.suspend(spec.instanceId());

        driver.destroy(spec.instanceId());

        assertThat(driver.guest(spec.instanceId())).isEmpty();
    }

    @Test
    void destroyDeletesTheConsoleLog() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        LibvirtDriver logging = new LibvirtDriver(hypervisor, withConsoleLogs(logs));
        InstanceSpec spec = instance(1, 256);
        logging.spawn(spec);
        Path log = logs.resolve(spec.instanceId() + ".log");
        assertThat(domain(spec).getXMLDesc(0)).contains("<source path='" + log.toAbsolutePath() + "' append='on'/>");
        Files.writeString(log, "boot messages");

        logging.destroy(spec.instanceId());

        assertThat(log).doesNotExist();
    }

    @Test
    void powerOffShutsTheGuestOffAndPowerOnStartsIt() throws LibvirtException {
        InstanceSpec spec = running();

        assertThat(driver.powerOff(spec.instanceId()).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(domain(spec).getInfo().state).isEqualTo(DomainState.VIR_DOMAIN_SHUTOFF);
        assertThat(driver.powerOff(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.SHUTDOWN);

        assertThat(driver.powerOn(spec.instanceId()).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).isActive()).isEqualTo(1);
        int id = domain(spec).getID();
        assertThat(driver.powerOn(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).getID()).as("not restarted").isEqualTo(id);
    }

    @Test
    void powerOffDestroysAPausedGuestAndDiscardsASuspendedOnesMemory() throws LibvirtException {
        InstanceSpec paused = running();
        driver.pause(paused.instanceId());
        InstanceSpec suspended = running();
        driver.suspend(suspended.instanceId());

        assertThat(driver.powerOff(paused.instanceId()).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(driver.powerOff(suspended.instanceId()).powerState()).isEqualTo(PowerState.SHUTDOWN);
        assertThat(domain(suspended).hasManagedSaveImage()).isZero();
    }

    @Test
    void softRebootKeepsTheSameRunningDomain() throws LibvirtException {
        InstanceSpec spec = running();
        int id = domain(spec).getID();

        assertThat(driver.reboot(spec.instanceId(), false).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).getID()).isEqualTo(id);
    }

    @Test
    void hardRebootStartsTheDomainAfresh() throws LibvirtException {
        InstanceSpec spec = running();
        int id = domain(spec).getID();

        assertThat(driver.reboot(spec.instanceId(), true).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).getID()).isNotEqualTo(id);
    }

    @Test
    void hardRebootStartsAShutOffOrSuspendedGuest() throws LibvirtException {
        InstanceSpec off = running();
        driver.powerOff(off.instanceId());
        InstanceSpec suspended = running();
        driver.suspend(suspended.instanceId());

        assertThat(driver.reboot(off.instanceId(), true).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(driver.reboot(suspended.instanceId(), true).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(suspended).hasManagedSaveImage()).isZero();
    }

    @Test
    void pauseAndUnpause() throws LibvirtException {
        InstanceSpec spec = running();

        assertThat(driver.pause(spec.instanceId()).powerState()).isEqualTo(PowerState.PAUSED);
        assertThat(domain(spec).getInfo().state).isEqualTo(DomainState.VIR_DOMAIN_PAUSED);
        assertThat(driver.pause(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.PAUSED);

        assertThat(driver.unpause(spec.instanceId()).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).getInfo().state).isEqualTo(DomainState.VIR_DOMAIN_RUNNING);
        assertThat(driver.unpause(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.RUNNING);
    }

    @Test
    void suspendSavesTheGuestsMemoryAndResumeRestoresIt() throws LibvirtException {
        InstanceSpec spec = running();

        assertThat(driver.suspend(spec.instanceId()).powerState()).isEqualTo(PowerState.SUSPENDED);
        assertThat(domain(spec).isActive()).isZero();
        assertThat(domain(spec).hasManagedSaveImage()).isEqualTo(1);
        assertThat(driver.suspend(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.SUSPENDED);

        assertThat(driver.resume(spec.instanceId()).powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(domain(spec).isActive()).isEqualTo(1);
        assertThat(domain(spec).hasManagedSaveImage()).isZero();
        assertThat(driver.resume(spec.instanceId()).powerState()).as("again").isEqualTo(PowerState.RUNNING);
    }

    @Test
    void rebuildKeepsTheUuidAndAppliesTheNewSpec() throws LibvirtException {
        InstanceSpec spec = running();
        driver.pause(spec.instanceId());
        InstanceSpec rebuilt = TestSpecs.withFlavorAndImage(spec, flavor(3, 1024), image("fedora", Map.of()));

        Guest guest = driver.rebuild(rebuilt);

        assertThat(guest.instanceId()).isEqualTo(spec.instanceId());
        assertThat(guest.powerState()).isEqualTo(PowerState.RUNNING);
        Domain domain = domain(spec);
        assertThat(domain.getInfo().maxMem).isEqualTo(1024L * 1024);
        assertThat(domain.getInfo().nrVirtCpu).isEqualTo(3);
        assertThat(domain.getXMLDesc(0)).contains("<polycell:image id=\"fedora\"");
    }

    @Test
    void rebuildOfAnAbsentGuestIsRefused() {
        assertThatThrownBy(() -> driver.rebuild(instance(1, 256)))
                .isInstanceOf(DriverException.class)
                .hasMessageEndingWith("has no guest on this host");
    }

    @Test
    void refusesMovesThatMakeNoSenseFromAShutOffGuest() {
        String id = running().instanceId();
        driver.powerOff(id);

        assertRefused(() -> driver.pause(id), "is shut off: only a running guest can be paused");
        assertRefused(() -> driver.unpause(id), "is shut off: only a paused guest can be unpaused");
        assertRefused(() -> driver.suspend(id), "is shut off: only a running guest can be suspended");
        assertRefused(() -> driver.resume(id), "is shut off: only a suspended guest can be resumed");
        assertRefused(() -> driver.reboot(id, false), "is shut off: only a running guest can be rebooted gracefully");
        assertThat(driver.guest(id).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
    }

    @Test
    void refusesToStartAPausedOrSuspendedGuestAndToSuspendAPausedOne() {
        String paused = running().instanceId();
        driver.pause(paused);
        String suspended = running().instanceId();
        driver.suspend(suspended);

        assertRefused(() -> driver.powerOn(paused), "is paused: unpause it rather than start it");
        assertRefused(() -> driver.suspend(paused), "is paused: only a running guest can be suspended");
        assertRefused(() -> driver.powerOn(suspended), "is suspended: resume it rather than start it");
        assertRefused(() -> driver.pause(suspended), "is suspended: only a running guest can be paused");
    }

    @Test
    void refusesOperationsOnAnAbsentGuestOrAnIdThatIsNoUuid() {
        String absent = UUID.randomUUID().toString();

        assertRefused(() -> driver.powerOn(absent), "Instance " + absent + " has no guest on this host");
        assertRefused(() -> driver.guest("web-1"), "Instance id web-1 is not a UUID");
    }

    @Test
    void guestsListsEveryDomainIncludingOnesPolycellNeverCreated() {
        InstanceSpec spec = running();

        assertThat(driver.guests()).containsExactlyInAnyOrder(
                new Guest(TestNode.RUNNING_ORPHAN, "legacy-web", PowerState.RUNNING),
                new Guest(TestNode.SHUT_OFF_ORPHAN, "legacy-db", PowerState.SHUTDOWN),
                new Guest(TestNode.SAVED_ORPHAN, "legacy-batch", PowerState.SUSPENDED),
                driver.guest(spec.instanceId()).orElseThrow());
        assertThat(driver.guest(TestNode.RUNNING_ORPHAN)).contains(
                new Guest(TestNode.RUNNING_ORPHAN, "legacy-web", PowerState.RUNNING));
    }

    @Test
    void reportsAStateChangedBehindTheDriversBack() throws LibvirtException {
        InstanceSpec spec = running();

        domain(spec).suspend();
        assertThat(driver.guest(spec.instanceId()).orElseThrow().powerState()).isEqualTo(PowerState.PAUSED);
        domain(spec).destroy();
        assertThat(driver.guest(spec.instanceId()).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
    }

    @Test
    void reportsAStateChangedByAnotherLibvirtClient() throws LibvirtException {
        // Only test:///default is one hypervisor for every connection; it lives as long as one is open.
        LibvirtSettings shared = settings("test:///default");
        InstanceSpec spec = instance(1, 256);
        try (LibvirtDriver sharing = LibvirtDriver.connect(shared)) {
            Connect other = new Connect(shared.uri());
            try {
                sharing.spawn(spec);
                other.domainLookupByUUIDString(spec.instanceId()).destroy();

                assertThat(sharing.guest(spec.instanceId()).orElseThrow().powerState()).isEqualTo(PowerState.SHUTDOWN);
                assertThat(sharing.guests()).contains(sharing.guest(spec.instanceId()).orElseThrow());
            } finally {
                sharing.destroy(spec.instanceId());
                other.close();
            }
        }
    }

    @Test
    void capacityComesFromNodeInfoAndTheConfiguredDisk() {
        assertThat(driver.capacity()).isEqualTo(new Resources(TestNode.CPUS, TestNode.MEMORY_MB, 40));
    }

    @Test
    void onTheTestDriverCapabilitiesNameTheDomainTypeButNoArchitecture() {
        assertThat(driver.capabilities()).isEqualTo(Map.of("hypervisor_type", "test"));
    }

    @Test
    void onTheTestDriverTheOnlyTraitIsBeingAComputeNode() {
        assertThat(driver.traits()).containsExactly("COMPUTE_NODE");
    }

    @Test
    void capacityCanBeOverridden() {
        LibvirtSettings overridden = new LibvirtSettings(settings.uri(), "test", imagesDir, null, 6, 12_000, 500, null);

        assertThat(new LibvirtDriver(hypervisor, overridden).capacity()).isEqualTo(new Resources(6, 12_000, 500));
    }

    @Test
    void diskDefaultsToTheFileSystemHoldingTheImages() throws Exception {
        LibvirtSettings unset = new LibvirtSettings(settings.uri(), "test", imagesDir, null, null, null, null, null);
        long expectedGb = Files.getFileStore(imagesDir).getTotalSpace() / (1024L * 1024 * 1024);

        assertThat(new LibvirtDriver(hypervisor, unset).capacity().diskGb()).isEqualTo((int) expectedGb);
    }

    /** Connections that go through {@link LibvirtDriver#connect}, as the agent's do. */
    @Nested
    class Connecting {

        @Test
        void connectsToAWorkingHypervisor() {
            try (LibvirtDriver connected = LibvirtDriver.connect(settings)) {
                assertThat(connected.name()).isEqualTo("libvirt");
                assertThat(connected.capacity().vcpus()).isEqualTo(TestNode.CPUS);
            }
        }

        @Test
        void anUnreachableUriIsOneLineSayingWhatToCheck() {
            assertUnavailable(settings("bogus:///nowhere"), message -> assertThat(message)
                    .startsWith("cannot connect to libvirt at bogus:///nowhere: ")
                    .endsWith("; check that the daemon runs and the URI is right"));
        }

        @Test
        void aDomainTypeTheHypervisorCannotRunIsRefused() {
            LibvirtSettings kvm = new LibvirtSettings(settings.uri(), "kvm", imagesDir, null, null, null, 40, null);

            assertUnavailable(kvm, message -> assertThat(message)
                    .startsWith("libvirt at " + settings.uri() + " cannot run kvm guests (it offers test)"));
        }

        @Test
        void aMissingImagesDirectoryIsRefused() {
            Path missing = dir.resolve("nowhere");
            LibvirtSettings wrong = new LibvirtSettings(settings.uri(), "test", missing, null, null, null, 40, null);

            assertUnavailable(wrong, message -> assertThat(message)
                    .isEqualTo("The images directory " + missing + " does not exist; create it or point the settings"
                            + " at another one"));
        }

        private void assertUnavailable(LibvirtSettings wrong, Consumer<String> message) {
            assertThatThrownBy(() -> LibvirtDriver.connect(wrong))
                    .isInstanceOfSatisfying(DriverUnavailableException.class, e -> {
                        message.accept(e.getMessage());
                        assertThat(e.getMessage()).doesNotContain("\n");
                        assertThat(e.getStackTrace()).isEmpty();
                    });
        }
    }

    private LibvirtSettings settings(String uri) {
        return new LibvirtSettings(uri, "test", imagesDir, null, null, null, 40, Duration.ofSeconds(5));
    }

    private LibvirtSettings withConsoleLogs(Path logs) {
        return new LibvirtSettings(settings.uri(), "test", imagesDir, logs, null, null, 40, settings.shutdownTimeout());
    }

    private InstanceSpec running() {
        InstanceSpec spec = instance(1, 256);
        assertThat(driver.spawn(spec).powerState()).isEqualTo(PowerState.RUNNING);
        return spec;
    }

    private Domain domain(InstanceSpec spec) throws LibvirtException {
        return hypervisor.domainLookupByUUIDString(spec.instanceId());
    }

    private static void assertRefused(Runnable operation, String message) {
        assertThatThrownBy(operation::run).isInstanceOf(DriverException.class).hasMessageContaining(message);
    }

    private static <T> List<T> inParallel(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = pool.invokeAll(Collections.nCopies(threads, task));
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
