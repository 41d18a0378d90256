package io.polycell.infra.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations collected by a benchmark, in nanoseconds, with nearest-rank percentiles in milliseconds.
 * Not thread-safe: one thread adds, or the caller synchronizes.
 */
final class LatencySamples {

    private long[] nanos = new long[1024];
    private int size;
    private boolean sorted = true;

    void add(long durationNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = durationNanos;
        sorted = false;
    }

    int count() {
        return size;
    }

    /** The nearest-rank percentile ({@code percent} from 1 to 100) in milliseconds; NaN when empty. */
    double millis(int percent) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, size);
            sorted = true;
        }
        long rank = ((long) percent * size + 99) / 100;
        return nanos[(int) Math.max(1, Math.min(rank, size)) - 1] / 1e6;
    }

    /** {@code p50 .. p90 .. p99 .. max .. (n=..)}, in milliseconds. */
    String line() {
        if (size == 0) {
            return "none (n=0)";
        }
        return String.format(Locale.ROOT, "p50 %8.1f   p90 %8.1f   p99 %8.1f   max %8.1f ms   (n=%d)", millis(50),
                millis(90), millis(99), millis(100), size);
    }
}
