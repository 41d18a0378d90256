package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.query.host.HostListing;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /os-services}: every cell's compute services, read from the cells' host views. */
@RestController
class ServicesQueryController {

    private final HostListing hosts;

    ServicesQueryController(HostListing hosts) {
        this.hosts = hosts;
    }

    @GetMapping("/v2.1/os-services")
    Map<String, Object> list(Requester requester, ApiVersion version,
                             @RequestParam(required = false) String host,
                             @RequestParam(required = false) String binary) {
        AdminOnly.require(requester, "os_compute_api:os-services:list");
        if (binary != null && !binary.equals(ServiceJson.BINARY)) {
            return Map.of("services", List.of());
        }
        return Map.of("services", hosts.all().stream().filter(record -> host == null || record.host().equals(host))
                .map(record -> ServiceJson.of(record, version)).toList());
    }
}
