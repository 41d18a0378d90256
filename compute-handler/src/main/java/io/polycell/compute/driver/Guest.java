package io.polycell.compute.driver;

import io.polycell.messages.instance.PowerState;

/** A guest as the hypervisor sees it. */
public record Guest(String instanceId, String name, PowerState powerState) {
}
