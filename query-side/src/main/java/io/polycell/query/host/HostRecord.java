package io.polycell.query.host;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostServiceStatus;
import java.util.UUID;

/**
 * One compute host as {@code host_view} holds it: its compute service and its hypervisor's usage.
 *
 * @param id the numeric id of its service and hypervisor before microversion 2.53, unique in its cell
 * @param serviceUuid its service's id from 2.53 on
 * @param computeUuid its hypervisor's (compute node's) id from 2.53 on
 */
public record HostRecord(int id, UUID serviceUuid, UUID computeUuid, HostServiceStatus service,
                         Resources capacity, Resources used, int runningVms, HypervisorType hypervisorType) {

    public String host() {
        return service.host();
    }

    public int freeRamMb() {
        return capacity.ramMb() - used.ramMb();
    }

    public int freeDiskGb() {
        return capacity.diskGb() - used.diskGb();
    }
}
