package io.polycell.compute.driver;

import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import java.util.List;
import java.util.Optional;

/**
 * What a compute agent needs from a hypervisor. Implementations are idempotent: spawning a guest
 * that already exists returns it, destroying one that is gone does nothing, so a redelivered command
 * never creates a second guest.
 */
public interface ComputeDriver {

    /** A short name for logs, such as {@code fake} or {@code libvirt}. */
    String name();

    /** What the host offers to instances. */
    Resources capacity();

    /** Creates and starts the guest for {@code spec}, or returns the one that already exists. */
    Guest spawn(InstanceSpec spec);

    /** Destroys the instance's guest; does nothing when there is none. */
    void destroy(String instanceId);

    /** The instance's guest, if the hypervisor has one. */
    Optional<Guest> guest(String instanceId);

    /** Every guest the hypervisor runs. */
    List<Guest> guests();
}
