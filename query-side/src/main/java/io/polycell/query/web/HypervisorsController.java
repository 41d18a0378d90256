package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.host.HostListing;
import io.polycell.query.host.HostRecord;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code os-hypervisors}: every cell's hypervisors and their usage, read from the cells' host views. */
@RestController
@RequestMapping("/v2.1/os-hypervisors")
class HypervisorsController {

    private final HostListing hosts;

    HypervisorsController(HostListing hosts) {
        this.hosts = hosts;
    }

    @GetMapping
    Map<String, Object> list(Requester requester, ApiVersion version) {
        AdminOnly.require(requester, "os_compute_api:os-hypervisors:list");
        return Map.of("hypervisors", hosts.all().stream().map(host -> HypervisorJson.summary(host, version)).toList());
    }

    @GetMapping("/detail")
    Map<String, Object> detail(Requester requester, ApiVersion version) {
        AdminOnly.require(requester, "os_compute_api:os-hypervisors:list-detail");
        return Map.of("hypervisors", hosts.all().stream().map(host -> HypervisorJson.detail(host, version)).toList());
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable String id, Requester requester, ApiVersion version) {
        AdminOnly.require(requester, "os_compute_api:os-hypervisors:show");
        HostRecord host = find(id, version).orElseThrow(() -> new PolycellException(ErrorCode.NOT_FOUND,
                "Hypervisor with ID '" + id + "' could not be found."));
        return Map.of("hypervisor", HypervisorJson.detail(host, version));
    }

    /** A UUID from 2.53 on (anything else is refused, as Nova does), a number before. */
    private Optional<HostRecord> find(String id, ApiVersion version) {
        if (version.atLeast(ServiceJson.UUID_VERSION)) {
            UUID uuid;
            try {
                uuid = UUID.fromString(id);
            } catch (IllegalArgumentException notUuid) {
                throw new PolycellException(ErrorCode.BAD_REQUEST, "Invalid uuid " + id);
            }
            return hosts.byComputeUuid(uuid);
        }
        try {
            return hosts.byNumericId(Integer.parseInt(id));
        } catch (NumberFormatException notNumber) {
            return Optional.empty();
        }
    }
}
