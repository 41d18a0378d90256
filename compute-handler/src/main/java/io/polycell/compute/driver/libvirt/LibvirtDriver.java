package io.polycell.compute.driver.libvirt;

import io.polycell.compute.driver.ComputeDriver;
import io.polycell.compute.driver.DriverException;
import io.polycell.compute.driver.Guest;
import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs guests as libvirt domains, as Nova's libvirt driver does: the domain UUID is the instance id, so
 * a guest is found again after an agent restart without any local state, and every domain on the host,
 * Polycell's or not, is reported for orphan detection.
 *
 * <p>Each operation looks at the domain's state first and acts only when the move makes sense, because
 * libvirt's own refusals are inconsistent between drivers (the test driver reports "not running" as an
 * internal error) and would not tell an operator what to do instead. A guest already where an operation
 * would take it is returned unchanged, so a redelivered command is harmless.
 *
 * <p>Choices worth knowing:
 * <ul>
 *   <li>Suspend is libvirt's managed save: memory goes to a file libvirt owns and the domain shuts off;
 *       a shut-off domain with such a file is reported {@link PowerState#SUSPENDED}. The test driver
 *       supports managed save (it keeps no real image), so no substitute was needed.</li>
 *   <li>A hard reboot destroys and starts the domain again rather than resetting it: like Nova, it is the
 *       operator's tool for a wedged guest, and a fresh QEMU process helps where a vCPU reset does not.
 *       It works from any state and throws away a suspended guest's saved memory.</li>
 *   <li>Power-off asks the guest to shut down (ACPI), waits up to the configured timeout, then destroys
 *       it. A paused or crashed guest cannot answer, so it is destroyed at once; a suspended guest loses
 *       its saved memory, as a powered-off machine would.</li>
 *   <li>A spawn whose start fails undefines what it defined, so a retry starts clean and no shut-off
 *       guest is left to be mistaken for the instance.</li>
 * </ul>
 *
 * <p>One {@link Connect} serves all threads (libvirt connections are thread-safe); libvirt's event loop
 * is not started, since nothing here waits for events.
 */
public final class LibvirtDriver implements ComputeDriver, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LibvirtDriver.class);
    private static final Duration SHUTDOWN_POLL = Duration.ofMillis(100);
    private static final int UNDEFINE_FLAGS = Domain.UndefineFlags.MANAGED_SAVE | Domain.UndefineFlags.SNAPSHOTS_METADATA;
    private static final long BYTES_PER_GB = 1024L * 1024 * 1024;
    private static final String TEST_DOMAIN = "test";

    private final Connect connect;
    private final LibvirtSettings settings;
    private final DomainXml domainXml;
    private final InstanceLocks locks = new InstanceLocks();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Map<String, String> capabilities;
    private volatile Set<String> traits;

    /** Takes ownership of {@code connect}: {@link #close()} closes it. */
    LibvirtDriver(Connect connect, LibvirtSettings settings) {
        this.connect = connect;
        this.settings = settings;
        this.domainXml = new DomainXml(settings.domainType());
    }

    /**
     * Checks everything the driver needs before the agent takes work: the native library, the
     * directories, the connection, and that the hypervisor can run the configured domain type.
     *
     * @throws DriverUnavailableException with a one-line message saying what to fix
     */
    public static LibvirtDriver connect(LibvirtSettings settings) {
        LibvirtLibrary.requireInstalled();
        requireDirectory("images", settings.imagesDir());
        if (settings.consoleLogDir() != null) {
            requireDirectory("console log", settings.consoleLogDir());
        }
        Connect connect = open(settings.uri());
        try {
            requireDomainType(connect, settings);
        } catch (RuntimeException e) {
            closeQuietly(connect);
            throw e;
        }
        log.info("Connected to libvirt at {} for {} guests", settings.uri(), settings.domainType());
        return new LibvirtDriver(connect, settings);
    }

    @Override
    public String name() {
        return "libvirt";
    }

    /**
     * The domain type guests run as (qemu, kvm) and the guest architectures libvirt runs with it, comma
     * separated (x86_64, or i686,x86_64 and more under TCG), asked of libvirt once: neither changes
     * while the host runs. libvirt's test driver runs no real guest (its make-believe machine is an
     * i686), so its hosts name no architecture and are not held against any image's.
     */
    @Override
    public Map<String, String> capabilities() {
        Map<String, String> known = capabilities;
        if (known == null) {
            try {
                known = TEST_DOMAIN.equals(settings.domainType()) ? Map.of("hypervisor_type", TEST_DOMAIN)
                        : Map.of("hypervisor_type", settings.domainType(), "architecture", String.join(",",
                                HostCapabilities.guestArchitectures(connect.getCapabilities(), settings.domainType())));
            } catch (LibvirtException e) {
                throw new DriverException("libvirt at " + settings.uri() + " did not describe its capabilities: "
                        + e.getMessage(), e);
            }
            capabilities = known;
        }
        return known;
    }

    /**
     * {@code COMPUTE_NODE}; for guests that really run (kvm, qemu) {@code COMPUTE_IMAGE_TYPE_QCOW2}, the
     * image format the driver boots; and on kvm, whose guests get the host's CPU model (host-model, as in
     * Nova), the host CPU's features as {@code HW_CPU_X86_*} traits. Those come from the host's CPU
     * expanded through libvirt's baseline, as Nova reads them; where libvirt cannot expand it, from the
     * features it lists beyond the model: fewer than the host has, never one it lacks. Under TCG a guest
     * gets QEMU's emulated CPU, not the host's, so no CPU trait is claimed. Asked of libvirt once.
     */
    @Override
    public Set<String> traits() {
        Set<String> known = traits;
        if (known == null) {
            Set<String> found = new TreeSet<>();
            found.add(COMPUTE_NODE);
            if (!TEST_DOMAIN.equals(settings.domainType())) {
                found.add("COMPUTE_IMAGE_TYPE_QCOW2");
            }
            if (DomainXml.KVM.equals(settings.domainType())) {
                found.addAll(cpuTraits());
            }
            known = Collections.unmodifiableSet(found);
            traits = known;
        }
        return known;
    }

    private Set<String> cpuTraits() {
        try {
            String capabilitiesXml = connect.getCapabilities();
            Optional<String> hostCpu = HostCapabilities.hostCpu(capabilitiesXml);
            Optional<String> expanded = hostCpu.flatMap(cpu -> connect instanceof LibvirtConnection connection
                    ? connection.expandedBaseline(cpu) : Optional.empty());
            if (hostCpu.isPresent() && expanded.isEmpty()) {
                log.warn("libvirt at {} could not expand the host CPU's features; the host's traits name only those"
                        + " listed beyond its model", settings.uri());
            }
            return CpuTraits.of(HostCapabilities.hostArchitecture(capabilitiesXml),
                    HostCapabilities.cpuFeatures(expanded.orElse(capabilitiesXml)));
        } catch (LibvirtException e) {
            throw new DriverException("libvirt at " + settings.uri() + " did not describe its capabilities: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Resources capacity() {
        try {
            NodeInfo node = connect.nodeInfo();
            int vcpus = settings.vcpus() != null ? settings.vcpus() : node.cpus;
            int ramMb = settings.ramMb() != null ? settings.ramMb() : (int) (node.memory / 1024);
            int diskGb = settings.diskGb() != null ? settings.diskGb() : imagesFileSystemGb();
            return new Resources(vcpus, ramMb, diskGb);
        } catch (LibvirtException e) {
            throw new DriverException("libvirt at " + settings.uri() + " did not report the host's size: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Guest spawn(InstanceSpec spec) {
        String uuid = DomainXml.uuid(spec.instanceId());
        return locked(uuid, "spawn", () -> {
            Optional<DomainHandle> existing = lookup(uuid);
            if (existing.isPresent()) {
                try (DomainHandle domain = existing.get()) {
                    return domain.guest();
                }
            }
            Guest guest = defineAndStart(spec);
            log.info("Spawned guest {} for instance {}", guest.name(), uuid);
            return guest;
        });
    }

    @Override
    public void destroy(String instanceId) {
        String uuid = DomainXml.uuid(instanceId);
        locked(uuid, "destroy", () -> {
            Optional<DomainHandle> existing = lookup(uuid);
            if (existing.isEmpty()) {
                return null;
            }
            try (DomainHandle domain = existing.get()) {
                remove(domain);
            }
            deleteConsoleLog(uuid);
            log.info("Destroyed the guest of instance {}", uuid);
            return null;
        });
    }

    @Override
    public Guest powerOff(String instanceId) {
        return onGuest(instanceId, "power off", (domain, state) -> {
            switch (state) {
                case RUNNING -> shutDownGracefully(domain);
                case SHUTDOWN -> finishShutdown(domain);
                case SUSPENDED -> discardSuspendedMemory(domain);
                default -> destroyIfActive(domain);
            }
            return domain.guest();
        });
    }

    @Override
    public Guest powerOn(String instanceId) {
        return onGuest(instanceId, "power on", (domain, state) -> switch (state) {
            case RUNNING -> domain.guest();
            case PAUSED -> throw refusal(domain, state, "unpause it rather than start it");
            case SUSPENDED -> throw refusal(domain, state, "resume it rather than start it");
            case SHUTDOWN, CRASHED -> start(domain, state);
            default -> throw refusal(domain, state, "only a shut-off or crashed guest can be started");
        });
    }

    @Override
    public Guest reboot(String instanceId, boolean hard) {
        if (hard) {
            return onGuest(instanceId, "hard reboot", (domain, state) -> {
                destroyIfActive(domain);
                discardSuspendedMemory(domain);
                domain.domain().create();
                return domain.guest();
            });
        }
        return onGuest(instanceId, "reboot", (domain, state) -> {
            if (state != PowerState.RUNNING) {
                throw refusal(domain, state, "only a running guest can be rebooted gracefully; a hard reboot"
                        + " starts it from any state");
            }
            domain.domain().reboot(0);
            return domain.guest();
        });
    }

    @Override
    public Guest pause(String instanceId) {
        return onGuest(instanceId, "pause", (domain, state) -> switch (state) {
            case PAUSED -> domain.guest();
            case RUNNING -> {
                domain.domain().suspend();
                yield domain.guest();
            }
            default -> throw refusal(domain, state, "only a running guest can be paused");
        });
    }

    @Override
    public Guest unpause(String instanceId) {
        return onGuest(instanceId, "unpause", (domain, state) -> switch (state) {
            case RUNNING -> domain.guest();
            case PAUSED -> {
                domain.domain().resume();
                yield domain.guest();
            }
            default -> throw refusal(domain, state, "only a paused guest can be unpaused");
        });
    }

    @Override
    public Guest suspend(String instanceId) {
        return onGuest(instanceId, "suspend", (domain, state) -> switch (state) {
            case SUSPENDED -> domain.guest();
            case RUNNING -> {
                domain.domain().managedSave();
                yield domain.guest();
            }
            default -> throw refusal(domain, state, "only a running guest can be suspended");
        });
    }

    @Override
    public Guest resume(String instanceId) {
        return onGuest(instanceId, "resume", (domain, state) -> switch (state) {
            case RUNNING -> domain.guest();
            case SUSPENDED -> {
                wakeUp(domain);
                yield domain.guest();
            }
            default -> throw refusal(domain, state, "only a suspended guest can be resumed");
        });
    }

    @Override
    public Guest rebuild(InstanceSpec spec) {
        String uuid = DomainXml.uuid(spec.instanceId());
        return locked(uuid, "rebuild", () -> {
            try (DomainHandle domain = require(uuid)) {
                remove(domain);
            }
            Guest guest = defineAndStart(spec);
            log.info("Rebuilt guest {} for instance {}", guest.name(), uuid);
            return guest;
        });
    }

    @Override
    public Optional<Guest> guest(String instanceId) {
        String uuid = DomainXml.uuid(instanceId);
        try {
            Optional<DomainHandle> existing = lookup(uuid);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            try (DomainHandle domain = existing.get()) {
                return Optional.of(domain.guest());
            }
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return Optional.empty();
            }
            throw failure("look up", uuid, e);
        }
    }

    @Override
    public List<Guest> guests() {
        Domain[] domains;
        try {
            domains = connect.listAllDomains(0);
        } catch (LibvirtException e) {
            throw new DriverException("libvirt at " + settings.uri() + " did not list its guests: " + e.getMessage(), e);
        }
        List<Guest> guests = new ArrayList<>(domains.length);
        for (Domain listed : domains) {
            try (DomainHandle domain = new DomainHandle(listed)) {
                guests.add(domain.guest());
            } catch (LibvirtException e) {
                if (!LibvirtErrors.isNoDomain(e)) {
                    throw new DriverException("libvirt at " + settings.uri() + " did not describe a guest: "
                            + e.getMessage(), e);
                }
                // undefined between the listing and the look: it is not a guest any more
            }
        }
        return guests;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(connect);
        }
    }

    /** Operates on an existing guest, under its lock, with its state read once. */
    private Guest onGuest(String instanceId, String operation, GuestOperation action) {
        String uuid = DomainXml.uuid(instanceId);
        return locked(uuid, operation, () -> {
            try (DomainHandle domain = require(uuid)) {
                return action.apply(domain, domain.powerState());
            }
        });
    }

    private <T> T locked(String uuid, String operation, LibvirtCall<T> call) {
        return locks.withLock(uuid, unchecked(uuid, operation, call));
    }

    private <T> Supplier<T> unchecked(String uuid, String operation, LibvirtCall<T> call) {
        return () -> {
            try {
                return call.call();
            } catch (LibvirtException e) {
                throw failure(operation, uuid, e);
            }
        };
    }

    /** Starts a shut-off or crashed guest; a crashed one libvirt kept around is destroyed first. */
    private static Guest start(DomainHandle domain, PowerState state) throws LibvirtException {
        if (state == PowerState.SHUTDOWN && domain.active()) {
            throw refusal(domain, state, "it is still shutting down; start it once it is off");
        }
        destroyIfActive(domain);
        domain.domain().create();
        return domain.guest();
    }

    private Guest defineAndStart(InstanceSpec spec) throws LibvirtException {
        String uuid = DomainXml.uuid(spec.instanceId());
        String xml = domainXml.render(spec, BootSource.of(spec.image(), settings.imagesDir()), consoleLog(uuid));
        try (DomainHandle domain = new DomainHandle(connect.domainDefineXML(xml))) {
            try {
                domain.domain().create();
            } catch (LibvirtException e) {
                undefineQuietly(domain);
                throw e;
            }
            return domain.guest();
        }
    }

    private void remove(DomainHandle domain) throws LibvirtException {
        boolean persistent = domain.persistent();
        destroyIfActive(domain);
        if (persistent) {
            domain.domain().undefine(UNDEFINE_FLAGS);
        }
    }

    private void shutDownGracefully(DomainHandle domain) throws LibvirtException {
        try {
            domain.domain().shutdown();
        } catch (LibvirtException e) {
            log.info("Guest {} refused a graceful shutdown ({}); destroying it", domain.uuid(), e.getMessage());
            destroyIfActive(domain);
            return;
        }
        finishShutdown(domain);
    }

    /** Waits for a shutdown under way, and destroys the guest if it does not finish in time. */
    private void finishShutdown(DomainHandle domain) throws LibvirtException {
        if (!awaitShutOff(domain, settings.shutdownTimeout())) {
            log.warn("Guest {} did not shut down within {}; destroying it", domain.uuid(), settings.shutdownTimeout());
            destroyIfActive(domain);
        }
    }

    private static boolean awaitShutOff(DomainHandle domain, Duration timeout) throws LibvirtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (domain.active()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(SHUTDOWN_POLL);
        }
        return true;
    }

    private static void destroyIfActive(DomainHandle domain) throws LibvirtException {
        if (domain.active()) {
            domain.domain().destroy();
        }
    }

    private static void discardSuspendedMemory(DomainHandle domain) throws LibvirtException {
        if (domain.libvirtState() == DomainState.VIR_DOMAIN_PMSUSPENDED) {
            domain.domain().destroy();
        } else if (domain.hasManagedSave()) {
            domain.domain().managedSaveRemove();
        }
    }

    /** Starting a managed-saved domain restores it; a guest suspended by its own OS is woken instead. */
    private static void wakeUp(DomainHandle domain) throws LibvirtException {
        if (domain.libvirtState() == DomainState.VIR_DOMAIN_PMSUSPENDED) {
            domain.domain().PMwakeup();
        } else {
            domain.domain().create();
        }
    }

    private static void undefineQuietly(DomainHandle domain) {
        try {
            domain.domain().undefine(UNDEFINE_FLAGS);
        } catch (LibvirtException e) {
            log.warn("Could not undefine a guest that failed to start: {}", e.getMessage());
        }
    }

    private Optional<DomainHandle> lookup(String uuid) throws LibvirtException {
        try {
            return Optional.of(new DomainHandle(connect.domainLookupByUUIDString(uuid)));
        } catch (LibvirtException e) {
            if (LibvirtErrors.isNoDomain(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private DomainHandle require(String uuid) throws LibvirtException {
        return lookup(uuid).orElseThrow(() -> new DriverException("Instance " + uuid + " has no guest on this host"));
    }

    private Path consoleLog(String uuid) {
        return settings.consoleLogDir() == null ? null : settings.consoleLogDir().toAbsolutePath().resolve(uuid + ".log");
    }

    private void deleteConsoleLog(String uuid) {
        Path file = consoleLog(uuid);
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the console log {} of destroyed instance {}: {}", file, uuid,
                    e.getMessage());
        }
    }

    private int imagesFileSystemGb() {
        try {
            return (int) (Files.getFileStore(settings.imagesDir()).getTotalSpace() / BYTES_PER_GB);
        } catch (IOException e) {
            throw new DriverException("Cannot measure the disk holding " + settings.imagesDir()
                    + "; set the disk size in the settings: " + e.getMessage(), e);
        }
    }

    private static DriverException refusal(DomainHandle domain, PowerState state, String advice) throws LibvirtException {
        return new DriverException("Guest of instance " + domain.uuid() + " is " + describe(state) + ": " + advice);
    }

    private static String describe(PowerState state) {
        return switch (state) {
            case RUNNING -> "running";
            case PAUSED -> "paused";
            case SHUTDOWN -> "shut off";
            case CRASHED -> "crashed";
            case SUSPENDED -> "suspended";
            case NOSTATE -> "in no known state";
        };
    }

    private DriverException failure(String operation, String uuid, LibvirtException e) {
        return new DriverException("libvirt could not " + operation + " the guest of instance " + uuid + ": "
                + e.getMessage(), e);
    }

    private static Connect open(String uri) {
        try {
            return new LibvirtConnection(uri);
        } catch (LibvirtException e) {
            throw new DriverUnavailableException("cannot connect to libvirt at " + uri + ": " + e.getMessage()
                    + "; check that the daemon runs and the URI is right");
        }
    }

    private static void requireDomainType(Connect connect, LibvirtSettings settings) {
        Set<String> offered;
        try {
            offered = HostCapabilities.domainTypes(connect.getCapabilities());
        } catch (LibvirtException e) {
            throw new DriverUnavailableException("libvirt at " + settings.uri() + " did not describe its capabilities: "
                    + e.getMessage());
        }
        if (!offered.contains(settings.domainType())) {
            String hint = "kvm".equals(settings.domainType())
                    ? "; for kvm, check that /dev/kvm exists and virtualization is enabled in the firmware" : "";
            throw new DriverUnavailableException("libvirt at " + settings.uri() + " cannot run "
                    + settings.domainType() + " guests (it offers " + String.join(", ", offered)
                    + "); set the domain type to one of those" + hint);
        }
    }

    private static void requireDirectory(String what, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DriverUnavailableException("The " + what + " directory " + dir + " does not exist; create it or"
                    + " point the settings at another one");
        }
    }

    private static void closeQuietly(Connect connect) {
        try {
            connect.close();
        } catch (LibvirtException e) {
            log.warn("Closing the libvirt connection failed: {}", e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for a guest to shut down");
        }
    }

    @FunctionalInterface
    private interface LibvirtCall<T> {
        T call() throws LibvirtException;
    }

    @FunctionalInterface
    private interface GuestOperation {
        Guest apply(DomainHandle domain, PowerState state) throws LibvirtException;
    }
}
