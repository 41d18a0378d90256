package io.polycell.scheduler.bench;

import io.polycell.messages.common.Resources;
import io.polycell.messages.host.HostRegistered;
import io.polycell.messages.host.HostResourcesClaimed;
import io.polycell.messages.host.HostResourcesReleased;
import io.polycell.scheduler.HostStateProjection;
import io.polycell.scheduler.HostStates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long a new scheduler replica takes to build its host states from 10k host registrations and
 * 1M claim and release events, and what 100k hosts cost in heap. The events are already in memory:
 * this measures the projection, not reading the stores. Run as a plain program (see
 * docs/performance.md).
 */
public final class CatchUpBenchmark {

    private CatchUpBenchmark() {
    }

    public static void main(String[] args) {
        List<Object> events = events(10_000, 1_000_000);
        for (int round = 1; round <= 5; round++) {
            HostStates states = new HostStates();
            HostStateProjection projection = new HostStateProjection(states);
            long start = System.nanoTime();
            for (Object event : events) {
                apply(projection, event);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "round %d: %d events for %d hosts applied in %.0f ms (%.1f M events/s)%n",
                    round, events.size(), states.size(), millis, events.size() / millis / 1000);
        }
        events = null;
        long before = usedHeap();
        HostStates large = new HostStates();
        SelectDestinationsBenchmark.feed(new HostStateProjection(large), 100_000, new Random(7));
        long after = usedHeap();
        System.out.printf(Locale.ROOT, "RESULT heap for %d hosts: %.1f MB%n", large.size(), (after - before) / 1e6);
    }

    private static List<Object> events(int hosts, int claimEvents) {
        List<Object> events = new ArrayList<>(hosts + claimEvents);
        for (int h = 0; h < hosts; h++) {
            events.add(new HostRegistered("host-" + h, "cell" + (h % 10), new Resources(64, 262144, 4000)));
        }
        Resources small = new Resources(1, 512, 1);
        for (int e = 0; e < claimEvents; e++) {
            int h = e % hosts;
            String instance = "vm-" + (e / 2);
            events.add(e % 2 == 0 ? new HostResourcesClaimed("host-" + h, "cell" + (h % 10), instance, small)
                    : new HostResourcesReleased("host-" + ((e - 1) % hosts), "cell" + (((e - 1) % hosts) % 10), instance,
                    small));
        }
        return events;
    }

    private static void apply(HostStateProjection projection, Object event) {
        if (event instanceof HostRegistered registered) {
            projection.on(registered);
        } else if (event instanceof HostResourcesClaimed claimed) {
            projection.on(claimed);
        } else if (event instanceof HostResourcesReleased released) {
            projection.on(released);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
