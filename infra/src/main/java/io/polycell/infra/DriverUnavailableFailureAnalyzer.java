package io.polycell.infra;

import io.polycell.compute.driver.libvirt.DriverUnavailableException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a hypervisor that cannot be used at start-up (libvirt missing, daemon unreachable, bad URI)
 * into the one line that says what to install or configure, instead of a stack trace.
 */
class DriverUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<DriverUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DriverUnavailableException cause) {
        return new FailureAnalysis("A compute host's hypervisor cannot be used: " + cause.getMessage(),
                "Fix the libvirt installation or the cell's libvirt settings (polycell.cells.<cell>.libvirt-uri, "
                        + "libvirt-domain-type), or run the cell on the fake driver (polycell.cells.<cell>.driver=fake).",
                cause);
    }
}
