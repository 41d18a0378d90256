package io.polycell.compute.driver;

import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a compute agent needs from a hypervisor. A guest is identified by its instance id (for
 * libvirt, the domain UUID is the instance id, as in Nova). Implementations are idempotent: spawning a
 * guest that already exists returns it, destroying one that is gone does nothing, and a power
 * operation that finds the guest already in the wanted state returns it unchanged, so a redelivered
 * command never creates a second guest or fails for having been done already.
 */
public interface ComputeDriver {

    /** The trait Nova gives every compute node. */
    String COMPUTE_NODE = "COMPUTE_NODE";

    /** A short name for logs, such as {@code fake} or {@code libvirt}. */
    String name();

    /** What the host has in all, before allocation ratios and reserved amounts. */
    Resources capacity();

    /**
     * What the host can run, matched against image properties by the scheduler: {@code hypervisor_type}
     * and {@code architecture} at least.
     */
    Map<String, String> capabilities();

    /**
     * Nova's trait names for what the host offers, which flavors and images may require or forbid
     * ({@code trait:NAME=required}): {@code COMPUTE_NODE} and whatever else the driver can vouch for.
     */
    Set<String> traits();

    /** Creates and starts the guest for {@code spec}, or returns the one that already exists. */
    Guest spawn(InstanceSpec spec);

    /** Destroys the instance's guest and whatever the driver created for it; nothing when there is none. */
    void destroy(String instanceId);

    /** Shuts the guest off (Nova's stop); it keeps existing and can be started again. */
    Guest powerOff(String instanceId);

    /** Starts a guest that is shut off (Nova's start). */
    Guest powerOn(String instanceId);

    /** Reboots the guest: gracefully when {@code hard} is false, by reset when true. */
    Guest reboot(String instanceId, boolean hard);

    /** Pauses the guest in memory. */
    Guest pause(String instanceId);

    /** Resumes a paused guest. */
    Guest unpause(String instanceId);

    /** Suspends the guest, keeping its memory so it can be resumed. */
    Guest suspend(String instanceId);

    /** Resumes a suspended guest. */
    Guest resume(String instanceId);

    /** Recreates the guest from {@code spec}'s image on this host, keeping its identity; it runs afterwards. */
    Guest rebuild(InstanceSpec spec);

    /** The instance's guest, if the hypervisor has one. */
    Optional<Guest> guest(String instanceId);

    /** Every guest the hypervisor runs, Polycell's or not: orphan detection needs them all. */
    List<Guest> guests();
}
