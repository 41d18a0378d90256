package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.filter.HostFilter;
import io.polycell.scheduler.filter.NumericChecks;
import io.polycell.scheduler.weigher.FreeDiskWeigher;
import io.polycell.scheduler.weigher.FreeRamWeigher;
import io.polycell.scheduler.weigher.FreeVcpuWeigher;
import io.polycell.scheduler.weigher.HostWeigher;
import io.polycell.scheduler.weigher.InstanceCountWeigher;
import io.polycell.scheduler.weigher.Weighing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks hosts for a request from the in-memory host states: filter, weigh, best first. It only
 * proposes; the claim on the host's command-side aggregate decides, so a stale view or a second
 * scheduler can cost a retry but never a double booking. Each proposed primary host is reserved for
 * its instance until the claim shows up in the host events, so several instances of one request, or
 * requests back to back, are not all sent to the host that looked emptiest.
 *
 * <p>One pass over the hosts filters them, a second scores the candidates and keeps a short list of
 * the best in each cell; each instance then takes the best host still passing from that list, and
 * only the hosts reserved in this decision are filtered and scored again.
 */
public final class FilterScheduler implements Scheduler {

    private final HostStates states;
    private final NumericChecks filters;
    private final Weighing weighing;
    /** Arrays reused by every pass (passes run one at a time, under the host states' lock). */
    private final Scratch scratch = new Scratch();

    public FilterScheduler(HostStates states, List<HostFilter> filters, Weighing weighing) {
        this.states = states;
        this.filters = NumericChecks.of(filters);
        this.weighing = weighing;
    }

    public FilterScheduler(HostStates states, List<HostFilter> filters, HostWeigher weigher) {
        this(states, filters, new Weighing(List.of(new Weighing.Weighted(weigher, 1.0))));
    }

    /**
     * The best host for {@code request} followed by up to {@code alternates} more in the same cell,
     * leaving out the {@code excluded} hosts; empty when no host passes every filter.
     */
    public List<Destination> selectDestinations(String instanceId, Resources request, int alternates,
                                                Set<String> excluded) {
        List<Placement> placements = select(List.of(instanceId), RequestSpec.of(request).excluding(excluded),
                alternates);
        return placements.isEmpty() ? List.of() : placements.get(0).candidates();
    }

    /**
     * Places every instance of one request in one decision, each with up to {@code alternates}
     * alternates in its primary's cell. Returns fewer placements than instances when the hosts run out.
     */
    @Override
    public List<Placement> select(List<String> instanceIds, RequestSpec request, int alternates) {
        synchronized (states) {
            states.expireReservations();
            Map<String, Integer> members = request.group() == null ? null
                    : new HashMap<>(states.groupMembersPerHost(request.group().groupId()));
            if (members != null) {
                request = request.withGroupMembers(members);
            }
            if (request.hints().any()) {
                request = request.withHints(request.hints().resolved(states::hostOf));
            }
            HostColumns columns = states.columns();
            Candidates candidates = Candidates.of(columns, request, filters, weighing, scratch,
                    instanceIds.size() + alternates + 1);
            List<Placement> placements = new ArrayList<>();
            for (String instanceId : instanceIds) {
                int primary = candidates.best();
                if (primary < 0) {
                    break;
                }
                HostState chosen = candidates.host(primary);
                List<Destination> others = candidates.bestInCell(primary, alternates);
                states.reserve(instanceId, chosen.host(), request.resources());
                if (members != null) {
                    members.merge(chosen.host(), 1, Integer::sum);
                }
                candidates.refresh(primary, request, filters);
                if (members != null && request.group().policy() == ServerGroupPolicy.AFFINITY) {
                    candidates.keepOnly(primary);
                }
                placements.add(new Placement(instanceId, new Destination(chosen.host(), chosen.cell()), others));
            }
            return placements;
        }
    }

    /** Drops the reservation made for {@code instanceId}: its claim went elsewhere or failed. */
    @Override
    public void forget(String instanceId) {
        states.cancelReservation(instanceId);
    }

    /** Arrays a pass fills, kept between passes so that a pass over 100,000 hosts allocates almost nothing. */
    private static final class Scratch {

        private int[] slots = new int[0];
        private double[] scores = new double[0];
        private boolean[] passing = new boolean[0];

        void ensure(int size) {
            if (slots.length < size) {
                slots = new int[size];
                scores = new double[size];
                passing = new boolean[size];
            }
        }
    }

    /**
     * The hosts that passed the filters, for one decision, and their scores. A weigher's values are
     * normalized against their range over the candidates (a range of one value counts as the middle);
     * a host reserved in this decision is scored again against the range widened by its new value, so
     * every reservation counts even when all hosts started equal.
     *
     * <p>Only a short list is kept for the choices: the best {@code depth} candidates of each cell, with
     * depth the number of instances plus alternates plus one. That is enough: only hosts reserved in
     * this decision change score (at most one per instance), so the best host, and the alternates after
     * it, are always in the list. Each choice then reads a few dozen entries, not every candidate.
     */
    private static final class Candidates {

        private static final double NO_SPREAD = 0.5;

        private final HostColumns columns;
        private final HostFilter[] applying;
        private final Weighing.Weighted[] weighers;
        private final double[][] range;
        private final int[] slots;
        private final double[] scores;
        private final boolean[] passing;
        /** Short-list entries: candidate numbers, cell after cell. */
        private final int[] listed;
        private final int size;

        private Candidates(HostColumns columns, HostFilter[] applying, Weighing.Weighted[] weighers, double[][] range,
                           Scratch scratch, int[] listed, int size) {
            this.columns = columns;
            this.applying = applying;
            this.weighers = weighers;
            this.range = range;
            this.slots = scratch.slots;
            this.scores = scratch.scores;
            this.passing = scratch.passing;
            this.listed = listed;
            this.size = size;
        }

        /**
         * Filters every host (only with the filters that can refuse something for this request) while
         * finding each weigher's range over the candidates, then scores the candidates and keeps the
         * best of each cell.
         */
        static Candidates of(HostColumns columns, RequestSpec request, NumericChecks filters, Weighing weighing,
                             Scratch scratch, int depth) {
            HostFilter[] applying = filters.others().stream().filter(filter -> filter.appliesTo(request))
                    .map(filter -> filter.forPass(request, columns)).toArray(HostFilter[]::new);
            Weighing.Weighted[] weighers = weighing.weighers().stream()
                    .filter(weighted -> weighted.weigher().appliesTo(request)).toArray(Weighing.Weighted[]::new);
            scratch.ensure(columns.size());
            int[] slots = scratch.slots;
            double[][] range = new double[weighers.length][];
            for (int w = 0; w < weighers.length; w++) {
                range[w] = new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            }
            int count = 0;
            for (int slot = 0; slot < columns.size(); slot++) {
                if (filters.passes(columns, slot, request) && passes(columns, slot, request, applying)) {
                    slots[count++] = slot;
                    for (int w = 0; w < weighers.length; w++) {
                        double value = value(weighers[w].weigher(), columns, slot, request);
                        range[w][0] = Math.min(range[w][0], value);
                        range[w][1] = Math.max(range[w][1], value);
                    }
                }
            }
            Shortlist shortlist = new Shortlist(columns, scratch, columns.cells(), depth);
            for (int c = 0; c < count; c++) {
                int slot = slots[c];
                double score = 0;
                for (int w = 0; w < weighers.length; w++) {
                    score += weighers[w].multiplier()
                            * normalize(value(weighers[w].weigher(), columns, slot, request), range[w]);
                }
                scratch.scores[c] = score;
                scratch.passing[c] = true;
                shortlist.offer(c, columns.cellIdOf(slot));
            }
            return new Candidates(columns, applying, weighers, range, scratch, shortlist.entries(),
                    shortlist.size());
        }

        /**
         * A weigher's value for a host: the four numeric weighers read the columns directly, so a pass
         * over every host makes no call through the weigher interface; others are asked.
         */
        private static double value(HostWeigher weigher, HostColumns columns, int slot, RequestSpec request) {
            if (weigher instanceof FreeRamWeigher) {
                return columns.freeRamMb(slot);
            }
            if (weigher instanceof FreeVcpuWeigher) {
                return columns.freeVcpus(slot);
            }
            if (weigher instanceof FreeDiskWeigher) {
                return columns.freeDiskGb(slot);
            }
            if (weigher instanceof InstanceCountWeigher) {
                return columns.instances(slot);
            }
            return weigher.weigh(columns, slot, request);
        }

        HostState host(int candidate) {
            return columns.state(slots[candidate]);
        }

        /** The best passing candidate, or -1. */
        int best() {
            int best = -1;
            for (int i = 0; i < size; i++) {
                int c = listed[i];
                if (passing[c] && (best < 0 || better(c, best))) {
                    best = c;
                }
            }
            return best;
        }

        /** Up to {@code count} best passing hosts of {@code primary}'s cell other than it, best first. */
        List<Destination> bestInCell(int primary, int count) {
            int cell = columns.cellIdOf(slots[primary]);
            List<Integer> chosen = new ArrayList<>(count);
            for (int i = 0; i < size; i++) {
                int c = listed[i];
                if (c != primary && passing[c] && columns.cellIdOf(slots[c]) == cell) {
                    chosen.add(c);
                }
            }
            chosen.sort((a, b) -> better(a, b) ? -1 : better(b, a) ? 1 : 0);
            List<Destination> destinations = new ArrayList<>(Math.min(count, chosen.size()));
            for (int i = 0; i < chosen.size() && i < count; i++) {
                int slot = slots[chosen.get(i)];
                destinations.add(new Destination(columns.host(slot), columns.cell(slot)));
            }
            return destinations;
        }

        /** From now on only this candidate may be chosen (affinity: the group has a host). */
        void keepOnly(int candidate) {
            for (int i = 0; i < size; i++) {
                passing[listed[i]] = passing[listed[i]] && listed[i] == candidate;
            }
        }

        /** Filters and weighs a candidate again after this decision reserved resources on it. */
        void refresh(int candidate, RequestSpec request, NumericChecks filters) {
            int slot = slots[candidate];
            passing[candidate] = filters.passes(columns, slot, request) && passes(columns, slot, request, applying);
            double score = 0;
            for (int w = 0; w < weighers.length; w++) {
                double value = value(weighers[w].weigher(), columns, slot, request);
                range[w][0] = Math.min(range[w][0], value);
                range[w][1] = Math.max(range[w][1], value);
                score += weighers[w].multiplier() * normalize(value, range[w]);
            }
            scores[candidate] = score;
        }

        private static double normalize(double value, double[] range) {
            double span = range[1] - range[0];
            return span == 0 ? NO_SPREAD : (value - range[0]) / span;
        }

        private boolean better(int a, int b) {
            return Candidates.better(a, b, scores, slots, columns);
        }

        /** Higher score first; on a tie, the host whose name sorts first, so every replica agrees. */
        static boolean better(int a, int b, double[] scores, int[] slots, HostColumns columns) {
            return scores[a] > scores[b]
                    || (scores[a] == scores[b] && columns.host(slots[a]).compareTo(columns.host(slots[b])) < 0);
        }

        private static boolean passes(HostColumns columns, int slot, RequestSpec request, HostFilter[] filters) {
            if (!request.excludedHosts().isEmpty() && request.excludedHosts().contains(columns.host(slot))) {
                return false;
            }
            for (HostFilter filter : filters) {
                if (!filter.passes(columns, slot, request)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The best {@code depth} candidates of each cell, as a bounded heap per cell with the worst kept
     * at the top, so a candidate that cannot make the list costs one comparison.
     */
    private static final class Shortlist {

        private final HostColumns columns;
        private final Scratch scratch;
        private final int depth;
        private final int[][] heaps;
        private final int[] sizes;

        Shortlist(HostColumns columns, Scratch scratch, int cells, int depth) {
            this.columns = columns;
            this.scratch = scratch;
            this.depth = depth;
            this.heaps = new int[cells][];
            this.sizes = new int[cells];
        }

        void offer(int candidate, int cell) {
            int[] heap = heaps[cell];
            if (heap == null) {
                heap = new int[Math.min(depth, 16)];
                heaps[cell] = heap;
            }
            int size = sizes[cell];
            if (size < depth) {
                if (size == heap.length) {
                    heap = Arrays.copyOf(heap, Math.min(depth, heap.length * 2));
                    heaps[cell] = heap;
                }
                heap[size] = candidate;
                sizes[cell] = size + 1;
                up(heap, size);
            } else if (worse(heap[0], candidate)) {
                heap[0] = candidate;
                down(heap, size, 0);
            }
        }

        /** Whether {@code a} ranks below {@code b}. */
        private boolean worse(int a, int b) {
            return Candidates.better(b, a, scratch.scores, scratch.slots, columns);
        }

        private void up(int[] heap, int at) {
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (!worse(heap[at], heap[parent])) {
                    return;
                }
                swap(heap, at, parent);
                at = parent;
            }
        }

        private void down(int[] heap, int size, int at) {
            while (true) {
                int worst = at;
                int left = 2 * at + 1;
                int right = left + 1;
                if (left < size && worse(heap[left], heap[worst])) {
                    worst = left;
                }
                if (right < size && worse(heap[right], heap[worst])) {
                    worst = right;
                }
                if (worst == at) {
                    return;
                }
                swap(heap, at, worst);
                at = worst;
            }
        }

        private static void swap(int[] heap, int a, int b) {
            int held = heap[a];
            heap[a] = heap[b];
            heap[b] = held;
        }

        int size() {
            int total = 0;
            for (int size : sizes) {
                total += size;
            }
            return total;
        }

        /** Every listed candidate, cell after cell. */
        int[] entries() {
            int[] entries = new int[size()];
            int at = 0;
            for (int cell = 0; cell < heaps.length; cell++) {
                if (heaps[cell] != null) {
                    System.arraycopy(heaps[cell], 0, entries, at, sizes[cell]);
                    at += sizes[cell];
                }
            }
            return entries;
        }
    }
}
