package io.polycell.compute.driver.libvirt;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per instance, held while the driver looks at a guest and acts on what it saw. Libvirt checks
 * each call on its own but not a look-then-act pair: without this a redelivered spawn racing the first
 * could define the domain twice and fail on the second start. Locks live only while someone holds or
 * waits for them, so an agent that sees many instances does not keep one lock per instance forever, and
 * a long graceful shutdown of one guest never blocks another.
 */
final class InstanceLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final Map<String, Entry> entries = new HashMap<>();

    <T> T withLock(String instanceId, Supplier<T> action) {
        Entry entry = acquire(instanceId);
        entry.lock.lock();
        try {
            return action.get();
        } finally {
            entry.lock.unlock();
            release(instanceId, entry);
        }
    }

    /** How many instances have a lock right now; for tests. */
    synchronized int size() {
        return entries.size();
    }

    private synchronized Entry acquire(String instanceId) {
        Entry entry = entries.computeIfAbsent(instanceId, id -> new Entry());
        entry.users++;
        return entry;
    }

    private synchronized void release(String instanceId, Entry entry) {
        entry.users--;
        if (entry.users == 0) {
            entries.remove(instanceId);
        }
    }
}
