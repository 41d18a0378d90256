package io.polycell.scheduler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every host's numbers in primitive arrays, one slot per host, kept in step with its {@link HostState}
 * by {@link HostStates}. A scheduling pass over 100,000 hosts reads a few arrays front to back instead
 * of chasing 400,000 objects across the heap; filters and weighers that only need numbers read them
 * here, and the rest read the host's state record from the same slot.
 */
public final class HostColumns {

    private static final int INITIAL = 1024;
    /** The capabilities an image's properties are checked against, from the host's compute namespace. */
    public static final String ARCHITECTURE = "architecture";
    public static final String HYPERVISOR_TYPE = "hypervisor_type";

    private final Map<String, Integer> slots = new HashMap<>();
    private int size;
    private HostState[] states = new HostState[INITIAL];
    private int[] freeVcpus = new int[INITIAL];
    private int[] freeRamMb = new int[INITIAL];
    private int[] freeDiskGb = new int[INITIAL];
    private int[] instances = new int[INITIAL];
    private boolean[] accepting = new boolean[INITIAL];
    private int[] cellIds = new int[INITIAL];
    @SuppressWarnings("unchecked")
    private Set<String>[] traits = new Set[INITIAL];
    private final Map<String, Integer> cellNumbers = new HashMap<>();
    /** Each distinct trait list (null for none), parsed once: hosts of one kind share one set. */
    private final Map<String, Set<String>> traitSets = new HashMap<>();
    private int[] capabilityProfiles = new int[INITIAL];
    /** Each distinct pair of the capabilities images ask for, numbered: hosts of one kind share one number. */
    private final Map<List<String>, Integer> profileNumbers = new HashMap<>();
    private final List<List<String>> profiles = new ArrayList<>();

    /** Copies a host's state into its slot, giving a new host the next slot. */
    void write(HostState state) {
        Integer slot = slots.get(state.host());
        if (slot == null) {
            slot = size++;
            slots.put(state.host(), slot);
            grow();
        }
        HostState previous = states[slot];
        states[slot] = state;
        freeVcpus[slot] = state.freeVcpus();
        freeRamMb[slot] = state.freeRamMb();
        freeDiskGb[slot] = state.freeDiskGb();
        instances[slot] = state.instances();
        cellIds[slot] = cellId(state.cell());
        if (previous == null || previous.attributes() != state.attributes()) {
            // Claims and reservations keep the attributes: only a change of namespace looks the traits up again.
            traits[slot] = traitSets.computeIfAbsent(state.attribute(HostState.COMPUTE, Traits.ATTRIBUTE),
                    Traits::parse);
            capabilityProfiles[slot] = profileNumbers.computeIfAbsent(Arrays.asList(
                    state.attribute(HostState.COMPUTE, ARCHITECTURE),
                    state.attribute(HostState.COMPUTE, HYPERVISOR_TYPE)), profile -> {
                        profiles.add(profile);
                        return profiles.size() - 1;
                    });
        }
        accepting[slot] = state.up() && !"true".equals(state.attribute(HostState.OPERATOR, "disabled"))
                && !"true".equals(state.attribute(HostState.OPERATOR, "forced_down"));
    }

    private void grow() {
        if (size <= states.length) {
            return;
        }
        int capacity = states.length * 2;
        states = Arrays.copyOf(states, capacity);
        freeVcpus = Arrays.copyOf(freeVcpus, capacity);
        freeRamMb = Arrays.copyOf(freeRamMb, capacity);
        freeDiskGb = Arrays.copyOf(freeDiskGb, capacity);
        instances = Arrays.copyOf(instances, capacity);
        accepting = Arrays.copyOf(accepting, capacity);
        cellIds = Arrays.copyOf(cellIds, capacity);
        traits = Arrays.copyOf(traits, capacity);
        capabilityProfiles = Arrays.copyOf(capabilityProfiles, capacity);
    }

    /** A number per cell name, so a pass compares ints instead of strings. */
    public int cellId(String cell) {
        return cellNumbers.computeIfAbsent(cell, name -> cellNumbers.size());
    }

    /** How many cells the hosts are in (cell numbers run from 0 to this, exclusive). */
    public int cells() {
        return cellNumbers.size();
    }

    public int cellIdOf(int slot) {
        return cellIds[slot];
    }

    public int size() {
        return size;
    }

    public HostState state(int slot) {
        return states[slot];
    }

    public String host(int slot) {
        return states[slot].host();
    }

    public String cell(int slot) {
        return states[slot].cell();
    }

    public int freeVcpus(int slot) {
        return freeVcpus[slot];
    }

    public int freeRamMb(int slot) {
        return freeRamMb[slot];
    }

    public int freeDiskGb(int slot) {
        return freeDiskGb[slot];
    }

    public int instances(int slot) {
        return instances[slot];
    }

    /** The host's traits, as its agent reported them; a set shared by every host with the same traits. */
    public Set<String> traits(int slot) {
        return traits[slot];
    }

    /**
     * The number of the host's capability profile: its architectures and hypervisor type, the same
     * number for every host that reports the same, so a pass can judge each profile once.
     */
    public int capabilityProfile(int slot) {
        return capabilityProfiles[slot];
    }

    /** How many capability profiles there are; numbers run from 0 to one less. */
    public int capabilityProfileCount() {
        return profiles.size();
    }

    /** The architectures (comma-separated) of a profile, or null when its hosts report none. */
    public String profileArchitectures(int profile) {
        return profiles.get(profile).get(0);
    }

    /** The hypervisor type of a profile, or null when its hosts report none. */
    public String profileHypervisorType(int profile) {
        return profiles.get(profile).get(1);
    }

    /** Up, enabled and not forced down. */
    public boolean accepting(int slot) {
        return accepting[slot];
    }
}
