package io.polycell.messages.host;

import io.polycell.messages.common.Resources;

/**
 * How much of a host may be sold (Nova's allocation ratios and reserved host resources): what is left
 * after the reservation for the host itself, times the ratio. The host's aggregate and every scheduler
 * compute a host's schedulable capacity with {@link #schedulable}, so they always agree on it.
 *
 * @param cpuRatio virtual CPUs sold per physical CPU
 * @param ramRatio RAM sold per MB of RAM
 * @param diskRatio disk sold per GB of disk
 * @param reserved what the host keeps for itself and never sells
 */
public record AllocationPolicy(double cpuRatio, double ramRatio, double diskRatio, Resources reserved) {

    /** Everything the host has is sold once, nothing kept back. */
    public static final AllocationPolicy NONE = new AllocationPolicy(1.0, 1.0, 1.0, new Resources(0, 0, 0));

    public AllocationPolicy {
        if (!(cpuRatio > 0) || !(ramRatio > 0) || !(diskRatio > 0)) {
            throw new IllegalArgumentException("Allocation ratios must be positive, got cpu " + cpuRatio + ", ram "
                    + ramRatio + ", disk " + diskRatio);
        }
        reserved = reserved == null ? NONE.reserved() : reserved;
        if (reserved.vcpus() < 0 || reserved.ramMb() < 0 || reserved.diskGb() < 0) {
            throw new IllegalArgumentException("Reserved host resources cannot be negative: " + reserved);
        }
    }

    /** What may be claimed on a host of this total size: (total - reserved) x ratio, rounded down, never below 0. */
    public Resources schedulable(Resources total) {
        return new Resources(sellable(total.vcpus(), reserved.vcpus(), cpuRatio),
                sellable(total.ramMb(), reserved.ramMb(), ramRatio),
                sellable(total.diskGb(), reserved.diskGb(), diskRatio));
    }

    /** For logs: "allocation ratios cpu 4.0, ram 1.0, disk 1.0; reserved 0 vCPUs, 512 MB RAM, 0 GB disk". */
    @Override
    public String toString() {
        return "allocation ratios cpu " + cpuRatio + ", ram " + ramRatio + ", disk " + diskRatio + "; reserved "
                + reserved.vcpus() + " vCPUs, " + reserved.ramMb() + " MB RAM, " + reserved.diskGb() + " GB disk";
    }

    private static int sellable(int total, int kept, double ratio) {
        return (int) Math.max(0, Math.floor((total - kept) * ratio));
    }
}
