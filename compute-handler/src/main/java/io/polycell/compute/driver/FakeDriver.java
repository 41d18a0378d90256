package io.polycell.compute.driver;

import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory hypervisor: guests are entries in a map. It is the default driver and the one scale
 * tests use; an optional spawn delay stands in for the time a real guest takes to boot.
 */
public final class FakeDriver implements ComputeDriver {

    private final Resources capacity;
    private final Duration spawnDelay;
    private final Map<String, Guest> guests = new ConcurrentHashMap<>();

    public FakeDriver(Resources capacity, Duration spawnDelay) {
        if (capacity.vcpus() <= 0 || capacity.ramMb() <= 0 || capacity.diskGb() <= 0) {
            throw new IllegalArgumentException("A host needs a positive capacity, got " + capacity);
        }
        this.capacity = capacity;
        this.spawnDelay = spawnDelay;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Resources capacity() {
        return capacity;
    }

    @Override
    public Guest spawn(InstanceSpec spec) {
        Guest existing = guests.get(spec.instanceId());
        if (existing != null) {
            return existing;
        }
        pause();
        return guests.computeIfAbsent(spec.instanceId(),
                id -> new Guest(id, "instance-" + id.substring(0, 8), PowerState.RUNNING));
    }

    @Override
    public void destroy(String instanceId) {
        guests.remove(instanceId);
    }

    @Override
    public Optional<Guest> guest(String instanceId) {
        return Optional.ofNullable(guests.get(instanceId));
    }

    @Override
    public List<Guest> guests() {
        return List.copyOf(guests.values());
    }

    private void pause() {
        if (spawnDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(spawnDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Spawn interrupted");
        }
    }
}
