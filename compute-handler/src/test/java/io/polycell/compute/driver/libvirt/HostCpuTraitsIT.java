package io.polycell.compute.driver.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.polycell.compute.driver.libvirt.qemu.QemuPrerequisites;
import io.polycell.compute.driver.libvirt.qemu.SessionDaemon;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host CPU's features as a real libvirt reports them: the capabilities list only what goes beyond
 * the CPU's model, and the expanded baseline adds what the model implies, which is what the traits of
 * a kvm host are made of. Needs what {@link QemuPrerequisites} checks; skipped without it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostCpuTraitsIT {

    @TempDir
    static Path workspace;

    private static QemuPrerequisites.Check prerequisites;
    private static SessionDaemon daemon;

    @BeforeAll
    static void startHypervisor() throws Exception {
        prerequisites = QemuPrerequisites.check();
        if (prerequisites.available()) {
            daemon = SessionDaemon.start(workspace, prerequisites.host());
        }
    }

    @AfterAll
    static void stopHypervisor() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void theExpandedBaselineNamesTheFeaturesTheModelImplies() throws Exception {
        prerequisites.assumeAvailable();
        LibvirtConnection connection = new LibvirtConnection(daemon.uri());
        try {
            String capabilities = connection.getCapabilities();
            Optional<String> hostCpu = HostCapabilities.hostCpu(capabilities);
            assumeTrue(hostCpu.isPresent(), "libvirt names no model for this host's CPU");
            Set<String> listed = HostCapabilities.cpuFeatures(capabilities);

            Set<String> expanded = HostCapabilities.cpuFeatures(connection.expandedBaseline(hostCpu.get())
                    .orElseThrow(() -> new AssertionError("libvirt did not expand " + hostCpu.get())));

            assertThat(expanded).as("every x86-64 model implies SSE2").contains("sse2");
            assertThat(expanded.size()).isGreaterThan(listed.size());
            assertThat(CpuTraits.of(HostCapabilities.hostArchitecture(capabilities), expanded))
                    .contains("HW_CPU_X86_SSE", "HW_CPU_X86_SSE2");
        } finally {
            connection.close();
        }
    }
}
