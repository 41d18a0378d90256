package io.polycell.infra.support;

import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** The hypervisors as an admin lists them, before 2.88 (with their capacity and usage). */
public final class Hypervisors {

    private static final String ADMIN = "admin:ops";

    private Hypervisors() {
    }

    /** Every hypervisor's detail, by host. */
    public static Map<String, JsonNode> byHost(RunningPolycell polycell) {
        Map<String, JsonNode> hypervisors = new TreeMap<>();
        polycell.get(ADMIN, "/v2.1/os-hypervisors/detail").json().path("hypervisors")
                .forEach(hypervisor -> hypervisors.put(hypervisor.path("hypervisor_hostname").asString(), hypervisor));
        return hypervisors;
    }

    /** What each host has in use ({@code vcpus_used}, {@code memory_mb_used}, {@code local_gb_used}), by host. */
    public static Map<String, String> usage(RunningPolycell polycell) {
        Map<String, String> usage = new TreeMap<>();
        byHost(polycell).forEach((host, hypervisor) -> usage.put(host, hypervisor.path("vcpus_used").asInt()
                + " vCPUs, " + hypervisor.path("memory_mb_used").asInt() + " MB, "
                + hypervisor.path("local_gb_used").asInt() + " GB"));
        return usage;
    }
}
