package io.polycell.query.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.common.Requester;
import io.polycell.query.aggregate.AvailabilityZones;
import io.polycell.query.host.ControlServices;
import io.polycell.query.host.HostListing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /os-services}: the API process's conductors and schedulers, then every cell's compute
 * services read from the cells' host views, each in its availability zone.
 */
@RestController
class ServicesQueryController {

    private final HostListing hosts;
    private final ControlServices control;
    private final AvailabilityZones zones;

    ServicesQueryController(HostListing hosts, ControlServices control, AvailabilityZones zones) {
        this.hosts = hosts;
        this.control = control;
        this.zones = zones;
    }

    @GetMapping("/v2.1/os-services")
    Map<String, Object> list(Requester requester, ApiVersion version,
                             @RequestParam(required = false) String host,
                             @RequestParam(required = false) String binary) {
        AdminOnly.require(requester, "os_compute_api:os-services:list");
        List<Map<String, Object>> services = new ArrayList<>();
        control.all().stream()
                .filter(service -> host == null || service.host().equals(host))
                .filter(service -> binary == null || service.binary().equals(binary))
                .forEach(service -> services.add(ServiceJson.of(service, version)));
        if (binary == null || binary.equals(ServiceJson.BINARY)) {
            UnaryOperator<String> zoneOf = zones.zoneOfHost();
            hosts.all().stream().filter(record -> host == null || record.host().equals(host))
                    .forEach(record -> services.add(ServiceJson.of(record, zoneOf.apply(record.host()), version)));
        }
        return Map.of("services", services);
    }
}
