package io.polycell.compute.driver;

import io.polycell.messages.common.Resources;
import io.polycell.messages.instance.InstanceSpec;
import io.polycell.messages.instance.PowerState;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An in-memory hypervisor: guests are entries in a map. It is the default driver and the one scale
 * tests use; an optional spawn delay stands in for the time a real guest takes to boot. Operations
 * follow the same state rules as a real hypervisor (a paused guest cannot be suspended, and so on), so
 * the agent's handling of refusals is exercised too.
 */
public final class FakeDriver implements ComputeDriver {

    /** Nova's rule for a trait's name: standard names and {@code CUSTOM_} ones alike. */
    private static final Pattern TRAIT = Pattern.compile("^[A-Z0-9_]{1,255}$");

    private final Resources capacity;
    private final Duration spawnDelay;
    private final Set<String> traits;
    private final Map<String, Guest> guests = new ConcurrentHashMap<>();

    public FakeDriver(Resources capacity, Duration spawnDelay) {
        this(capacity, spawnDelay, Set.of());
    }

    /**
     * A fake host that claims {@code traits} besides {@code COMPUTE_NODE}: what it pretends to offer,
     * so tests and demos can give hosts different CPUs or devices.
     */
    public FakeDriver(Resources capacity, Duration spawnDelay, Set<String> traits) {
        if (capacity.vcpus() <= 0 || capacity.ramMb() <= 0 || capacity.diskGb() <= 0) {
            throw new IllegalArgumentException("A host needs a positive capacity, got " + capacity);
        }
        for (String trait : traits) {
            if (!TRAIT.matcher(trait).matches()) {
                throw new IllegalArgumentException("A trait is named with capital letters, digits and underscores"
                        + " (HW_CPU_X86_AVX2, CUSTOM_GPU), got " + trait);
            }
        }
        this.capacity = capacity;
        this.spawnDelay = spawnDelay;
        Set<String> all = new TreeSet<>(traits);
        all.add(COMPUTE_NODE);
        this.traits = Collections.unmodifiableSet(all);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Resources capacity() {
        return capacity;
    }

    /** A fake host runs anything built for the machine it pretends to be. */
    @Override
    public Map<String, String> capabilities() {
        return Map.of("hypervisor_type", "fake", "architecture", "x86_64");
    }

    @Override
    public Set<String> traits() {
        return traits;
    }

    @Override
    public Guest spawn(InstanceSpec spec) {
        Guest existing = guests.get(spec.instanceId());
        if (existing != null) {
            return existing;
        }
        sleep(spawnDelay);
        return guests.computeIfAbsent(spec.instanceId(),
                id -> new Guest(id, "instance-" + id.substring(0, 8), PowerState.RUNNING));
    }

    @Override
    public void destroy(String instanceId) {
        guests.remove(instanceId);
    }

    @Override
    public Guest powerOff(String instanceId) {
        return move(instanceId, PowerState.SHUTDOWN, PowerState.RUNNING, PowerState.PAUSED, PowerState.SUSPENDED,
                PowerState.CRASHED);
    }

    @Override
    public Guest powerOn(String instanceId) {
        return move(instanceId, PowerState.RUNNING, PowerState.SHUTDOWN, PowerState.CRASHED);
    }

    @Override
    public Guest reboot(String instanceId, boolean hard) {
        if (hard) {
            return move(instanceId, PowerState.RUNNING, PowerState.RUNNING, PowerState.SHUTDOWN, PowerState.PAUSED,
                    PowerState.SUSPENDED, PowerState.CRASHED);
        }
        return move(instanceId, PowerState.RUNNING, PowerState.RUNNING);
    }

    @Override
    public Guest pause(String instanceId) {
        return move(instanceId, PowerState.PAUSED, PowerState.RUNNING);
    }

    @Override
    public Guest unpause(String instanceId) {
        return move(instanceId, PowerState.RUNNING, PowerState.PAUSED);
    }

    @Override
    public Guest suspend(String instanceId) {
        return move(instanceId, PowerState.SUSPENDED, PowerState.RUNNING);
    }

    @Override
    public Guest resume(String instanceId) {
        return move(instanceId, PowerState.RUNNING, PowerState.SUSPENDED);
    }

    @Override
    public Guest rebuild(InstanceSpec spec) {
        Guest existing = require(spec.instanceId());
        sleep(spawnDelay);
        Guest rebuilt = new Guest(existing.instanceId(), existing.name(), PowerState.RUNNING);
        guests.put(spec.instanceId(), rebuilt);
        return rebuilt;
    }

    @Override
    public Optional<Guest> guest(String instanceId) {
        return Optional.ofNullable(guests.get(instanceId));
    }

    @Override
    public List<Guest> guests() {
        return List.copyOf(guests.values());
    }

    /** Makes a guest appear as if someone had started it behind Polycell's back (tests, orphans). */
    public void adopt(Guest guest) {
        guests.put(guest.instanceId(), guest);
    }

    /** Changes a guest's power state as if it had changed behind Polycell's back (tests, power sync). */
    public void force(String instanceId, PowerState state) {
        guests.computeIfPresent(instanceId, (id, guest) -> new Guest(id, guest.name(), state));
    }

    private Guest move(String instanceId, PowerState target, PowerState... allowedFrom) {
        return guests.compute(instanceId, (id, guest) -> {
            if (guest == null) {
                throw new DriverException("Instance " + instanceId + " has no guest on this host");
            }
            if (guest.powerState() == target && target != PowerState.RUNNING) {
                return guest;
            }
            for (PowerState from : allowedFrom) {
                if (guest.powerState() == from) {
                    return new Guest(id, guest.name(), target);
                }
            }
            if (guest.powerState() == target) {
                return guest;
            }
            throw new DriverException("Guest of instance " + instanceId + " is " + guest.powerState()
                    + " and cannot go to " + target);
        });
    }

    private Guest require(String instanceId) {
        Guest guest = guests.get(instanceId);
        if (guest == null) {
            throw new DriverException("Instance " + instanceId + " has no guest on this host");
        }
        return guest;
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted");
        }
    }
}
