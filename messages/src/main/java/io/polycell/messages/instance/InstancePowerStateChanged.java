package io.polycell.messages.instance;

import org.axonframework.serialization.Revision;

/**
 * The hypervisor says the guest is in another power state than Polycell thought; the server follows
 * it.
 */
@Revision("1")
public record InstancePowerStateChanged(String instanceId, PowerState powerState, VmState vmState) {
}
