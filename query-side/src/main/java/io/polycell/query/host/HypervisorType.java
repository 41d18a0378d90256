package io.polycell.query.host;

/**
 * The hypervisor behind a cell's hosts, as os-hypervisors names it. Host events do not carry it: every
 * host of a cell runs the cell's configured driver, so the assembly says which per cell.
 */
public enum HypervisorType {
    /** The in-memory fake driver; Nova's fake driver reports version 1000. */
    FAKE("fake", 1000),
    /** libvirt with QEMU/KVM; the agents do not report the QEMU version yet, so it shows as 0. */
    QEMU("QEMU", 0);

    private final String apiName;
    private final int version;

    HypervisorType(String apiName, int version) {
        this.apiName = apiName;
        this.version = version;
    }

    /** The type of a cell's driver setting ({@code fake} or {@code libvirt}). */
    public static HypervisorType ofDriver(String driver) {
        return "libvirt".equals(driver) ? QEMU : FAKE;
    }

    public String apiName() {
        return apiName;
    }

    public int version() {
        return version;
    }
}
