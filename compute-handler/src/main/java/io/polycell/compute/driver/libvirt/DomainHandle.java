package io.polycell.compute.driver.libvirt;

import io.polycell.compute.driver.Guest;
import io.polycell.messages.instance.PowerState;
import org.libvirt.Domain;
import org.libvirt.DomainInfo.DomainState;
import org.libvirt.Error.ErrorNumber;
import org.libvirt.LibvirtException;

/**
 * A libvirt domain the driver is working on, freed when done. Every lookup hands out a native handle that
 * libvirt-java would otherwise release only on finalization, so a busy agent would hold thousands of them
 * between garbage collections; try-with-resources frees each one as soon as the operation ends.
 */
final class DomainHandle implements AutoCloseable {

    private final Domain domain;

    DomainHandle(Domain domain) {
        this.domain = domain;
    }

    Domain domain() {
        return domain;
    }

    String uuid() throws LibvirtException {
        return domain.getUUIDString();
    }

    DomainState libvirtState() throws LibvirtException {
        return domain.getInfo().state;
    }

    boolean active() throws LibvirtException {
        return domain.isActive() == 1;
    }

    boolean persistent() throws LibvirtException {
        return domain.isPersistent() == 1;
    }

    /** Whether a suspended guest's memory waits on disk; hypervisors without managed save never have one. */
    boolean hasManagedSave() throws LibvirtException {
        try {
            return domain.hasManagedSaveImage() == 1;
        } catch (LibvirtException e) {
            if (LibvirtErrors.is(e, ErrorNumber.VIR_ERR_NO_SUPPORT)) {
                return false;
            }
            throw e;
        }
    }

    PowerState powerState() throws LibvirtException {
        DomainState state = libvirtState();
        return powerState(state, state == DomainState.VIR_DOMAIN_SHUTOFF && hasManagedSave());
    }

    Guest guest() throws LibvirtException {
        return new Guest(uuid(), domain.getName(), powerState());
    }

    /**
     * Nova's mapping of libvirt states, plus one thing Nova tracks elsewhere: a shut-off domain with a
     * managed save image is a suspended guest, since resuming it restores its memory.
     */
    static PowerState powerState(DomainState state, boolean shutOffWithManagedSave) {
        if (state == null) {
            return PowerState.NOSTATE;
        }
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> PowerState.SHUTDOWN;
            case VIR_DOMAIN_SHUTOFF -> shutOffWithManagedSave ? PowerState.SUSPENDED : PowerState.SHUTDOWN;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
            case VIR_DOMAIN_PMSUSPENDED -> PowerState.SUSPENDED;
            case VIR_DOMAIN_NOSTATE -> PowerState.NOSTATE;
        };
    }

    @Override
    public void close() {
        try {
            domain.free();
        } catch (LibvirtException e) {
            // the handle is gone either way; nothing an operator could do about it
        }
    }
}
