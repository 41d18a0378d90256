package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import io.polycell.query.aggregate.AvailabilityZones;
import io.polycell.query.aggregate.AvailabilityZones.ZoneHost;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
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
 * in each, and the internal zone where the control services run. Polycell's conductors and scheduler
 * run in this API process, so the internal zone shows this process's host, up whenever it answers.
 */
@RestController
@RequestMapping("/v2.1/os-availability-zone")
class AvailabilityZonesController {

    static final String INTERNAL_ZONE = "internal";

    private final AvailabilityZones zones;
    private final Clock clock = Clock.systemUTC();
    private final String controlHost = localHostName();

    AvailabilityZonesController(AvailabilityZones zones) {
        this.zones = zones;
    }

    @GetMapping
    Map<String, Object> list(Requester requester) {
        List<Map<String, Object>> info = new ArrayList<>();
        zones.hostsByZone().keySet().forEach(zone -> info.add(zone(zone, null)));
        return Map.of("availabilityZoneInfo", info);
    }

    @GetMapping("/detail")
    Map<String, Object> detail(Requester requester) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN,
                    "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
        }
        Map<String, Map<String, Object>> byZone = new TreeMap<>();
        zones.hostsByZone().forEach((zone, hosts) -> {
            Map<String, Object> services = new LinkedHashMap<>();
            hosts.forEach(host -> services.put(host.host(), Map.of("nova-compute", compute(host))));
            byZone.put(zone, services);
        });
        String now = NovaTime.of(clock.instant());
        Map<String, Object> control = new LinkedHashMap<>();
        control.put("nova-conductor", service(true, now));
        control.put("nova-scheduler", service(true, now));
        byZone.put(INTERNAL_ZONE, Map.of(controlHost, control));
        List<Map<String, Object>> info = new ArrayList<>();
        byZone.forEach((zone, hosts) -> info.add(zone(zone, hosts)));
        return Map.of("availabilityZoneInfo", info);
    }

    private static Map<String, Object> zone(String name, Map<String, Object> hosts) {
        Map<String, Object> zone = new LinkedHashMap<>();
        zone.put("zoneName", name);
        zone.put("zoneState", Map.of("available", true));
        zone.put("hosts", hosts);
        return zone;
    }

    /** A compute service's last heartbeat is kept by its cell, not the API tier: shown as unknown. */
    private static Map<String, Object> compute(ZoneHost host) {
        return service(host.up(), null);
    }

    private static Map<String, Object> service(boolean up, String updatedAt) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("available", up);
        service.put("active", true);
        service.put("updated_at", updatedAt);
        return service;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return "localhost";
        }
    }
}
