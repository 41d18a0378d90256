package io.polycell.compute.driver.libvirt;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.util.Optional;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.ConnectionPointer;

/**
 * A libvirt connection that can also ask for a CPU's expanded baseline: every feature of the CPU,
 * including those its model implies. libvirt-java calls {@code virConnectBaselineCPU} without flags, so
 * the answer names the model and only the features beyond it, and a host whose model is
 * {@code Skylake-Client} would seem to lack AVX2. Nova asks with
 * {@code VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES}; so does this, through its own binding of that one
 * function.
 */
final class LibvirtConnection extends Connect {

    /** {@code VIR_CONNECT_BASELINE_CPU_EXPAND_FEATURES}. */
    private static final int EXPAND_FEATURES = 1;

    /** The one libvirt function needed with flags libvirt-java does not pass. */
    private interface Baseline extends Library {
        Pointer virConnectBaselineCPU(ConnectionPointer connection, String[] cpus, int count, int flags);
    }

    /** Loaded on first use, from the same library libvirt-java loads. */
    private static final class Loaded {
        static final Baseline BASELINE = Native.load(Platform.isWindows() ? "virt-0" : "virt", Baseline.class);
    }

    LibvirtConnection(String uri) throws LibvirtException {
        super(uri, false);
    }

    /**
     * The CPU document with every feature listed, or empty when libvirt cannot expand it (an old
     * libvirt, a driver without baselines such as the test driver, a model libvirt does not know).
     */
    Optional<String> expandedBaseline(String cpuXml) {
        try {
            Pointer answer = Loaded.BASELINE.virConnectBaselineCPU(vcp, new String[] {cpuXml}, 1, EXPAND_FEATURES);
            if (answer == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(answer.getString(0, "UTF-8"));
            } finally {
                Native.free(Pointer.nativeValue(answer));
            }
        } catch (LinkageError unavailable) {
            return Optional.empty();
        }
    }
}
