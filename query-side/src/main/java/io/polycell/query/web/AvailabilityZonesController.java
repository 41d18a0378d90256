package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.aggregate.AvailabilityZones;
import io.polycell.query.host.ControlService;
import io.polycell.query.host.ControlServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code os-availability-zone}. Everyone may list the zones; only admins see the hosts and services
 * in each, and the internal zone where the control services run. A zone is available while any of
 * its services is enabled; a host's service is {@code available} while it is up and {@code active}
 * while it is enabled, as in Nova.
 */
@RestController
@RequestMapping("/v2.1/os-availability-zone")
class AvailabilityZonesController {

    private final AvailabilityZones zones;
    private final ControlServices control;

    AvailabilityZonesController(AvailabilityZones zones, ControlServices control) {
        this.zones = zones;
        this.control = control;
    }

    @GetMapping
    Map<String, Object> list(Requester requester) {
        List<Map<String, Object>> info = new ArrayList<>();
        zones.hostsByZone().forEach((zone, hosts) -> info.add(zone(zone, AvailabilityZones.available(hosts), null)));
        return Map.of("availabilityZoneInfo", info);
    }

    @GetMapping("/detail")
    Map<String, Object> detail(Requester requester) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
        }
        Map<String, Map<String, Object>> byZone = new TreeMap<>();
        Map<String, Boolean> availableZones = new TreeMap<>();
        zones.hostsByZone().forEach((zone, hosts) -> {
            Map<String, Object> services = new LinkedHashMap<>();
            hosts.forEach(host -> services.put(host.host(), Map.of(ServiceJson.BINARY,
                    service(host.up(), host.enabled(), host.updatedAt()))));
            byZone.put(zone, services);
            availableZones.put(zone, AvailabilityZones.available(hosts));
        });
        Map<String, Object> internal = new LinkedHashMap<>();
        for (ControlService service : control.all()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> onHost = (Map<String, Object>) internal.computeIfAbsent(service.host(),
                    host -> new LinkedHashMap<String, Object>());
            onHost.putIfAbsent(service.binary(), service(service.up(), true, service.updatedAt()));
        }
        if (!internal.isEmpty()) {
            byZone.put(ServiceJson.INTERNAL_ZONE, internal);
            availableZones.put(ServiceJson.INTERNAL_ZONE, true);
        }
        List<Map<String, Object>> info = new ArrayList<>();
        byZone.forEach((zone, hosts) -> info.add(zone(zone, availableZones.get(zone), hosts)));
        return Map.of("availabilityZoneInfo", info);
    }

    private static Map<String, Object> zone(String name, boolean available, Map<String, Object> hosts) {
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("zoneName", name);
        zone.put("zoneState", Map.of("available", available));
        zone.put("hosts", hosts);
        return zone;
    }

    private static Map<String, Object> service(boolean up, boolean enabled, Instant updatedAt) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("available", up);
        service.put("active", enabled);
        service.put("updated_at", NovaTime.of(updatedAt));
        return service;
    }
}
