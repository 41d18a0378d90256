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
 * <p>One pass over the hosts filters and scores them; each instance then takes the best host still
 * passing (a linear scan for the few best, not a sort of every host), and only the hosts reserved in
 * this decision are filtered and scored again.
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
            HostColumns columns = states.columns();
            Candidates candidates = Candidates.of(columns, request, filters, weighing, scratch);
            List<Placement> placements = new ArrayList<>();
            for (String instanceId : instanceIds) {
                int primary = candidates.best(-1, -1);
                if (primary < 0) {
                    break;
                }
                HostState chosen = candidates.host(primary);
                List<Destination> others = candidates.bestInCell(primary, columns.cellId(chosen.cell()), alternates);
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
     */
    private static final class Candidates {

        private static final double NO_SPREAD = 0.5;

        private final HostColumns columns;
        private final HostFilter[] applying;
        private final int count;
        private final int[] slots;
        private final boolean[] passing;
        private final double[] scores;
        private final double[][] range;
        private final Weighing weighing;

        private Candidates(HostColumns columns, HostFilter[] applying, int count, Scratch scratch, double[][] range,
                           Weighing weighing) {
            this.columns = columns;
            this.applying = applying;
            this.count = count;
            this.slots = scratch.slots;
            this.passing = scratch.passing;
            Arrays.fill(passing, 0, count, true);
            this.range = range;
            this.weighing = weighing;
            this.scores = scratch.scores;
            Arrays.fill(scores, 0, count, 0.0);
            for (int w = 0; w < range.length; w++) {
                Weighing.Weighted weighted = weighing.weighers().get(w);
                HostWeigher weigher = weighted.weigher();
                double multiplier = weighted.multiplier();
                double low = range[w][0];
                double span = range[w][1] - range[w][0];
                for (int c = 0; c < count; c++) {
                    double value = value(weigher, columns, slots[c]);
                    scores[c] += multiplier * (span == 0 ? NO_SPREAD : (value - low) / span);
                }
            }
        }

        /**
         * A weigher's value for a host: the four numeric weighers read the columns directly, so a pass
         * over every host makes no call through the weigher interface; others are asked.
         */
        private static double value(HostWeigher weigher, HostColumns columns, int slot) {
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
            return weigher.weigh(columns, slot);
        }

        /**
         * Filters every host (only with the filters that can refuse something for this request), then
         * finds each weigher's range over the candidates; scores follow in the constructor.
         */
        static Candidates of(HostColumns columns, RequestSpec request, NumericChecks filters,
                             Weighing weighing, Scratch scratch) {
            HostFilter[] applying = filters.others().stream().filter(filter -> filter.appliesTo(request))
                    .toArray(HostFilter[]::new);
            scratch.ensure(columns.size());
            int[] slots = scratch.slots;
            int count = 0;
            for (int slot = 0; slot < columns.size(); slot++) {
                if (filters.passes(columns, slot, request) && passes(columns, slot, request, applying)) {
                    slots[count++] = slot;
                }
            }
            int weighers = weighing.weighers().size();
            double[][] range = new double[weighers][];
            for (int w = 0; w < weighers; w++) {
                HostWeigher weigher = weighing.weighers().get(w).weigher();
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < count; c++) {
                    double value = value(weigher, columns, slots[c]);
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
                range[w] = new double[] {min, max};
            }
            return new Candidates(columns, applying, count, scratch, range, weighing);
        }

        HostState host(int candidate) {
            return columns.state(slots[candidate]);
        }

        /** The best passing candidate other than {@code skip}, in cell number {@code cell} unless -1. */
        int best(int skip, int cell) {
            int best = -1;
            double bestScore = 0;
            for (int c = 0; c < count; c++) {
                if (c == skip || !passing[c] || (cell >= 0 && columns.cellIdOf(slots[c]) != cell)) {
                    continue;
                }
                if (best < 0 || better(c, scores[c], best, bestScore)) {
                    best = c;
                    bestScore = scores[c];
                }
            }
            return best;
        }

        /** Up to {@code count} best passing hosts of {@code cell} other than {@code primary}, best first. */
        List<Destination> bestInCell(int primary, int cell, int count) {
            int[] top = new int[count];
            double[] topScores = new double[count];
            int size = 0;
            for (int c = 0; c < this.count && count > 0; c++) {
                if (c == primary || !passing[c] || columns.cellIdOf(slots[c]) != cell) {
                    continue;
                }
                double score = scores[c];
                int at;
                if (size < count) {
                    at = size++;
                } else if (better(c, score, top[size - 1], topScores[size - 1])) {
                    at = size - 1;
                } else {
                    continue;
                }
                top[at] = c;
                topScores[at] = score;
                for (int i = at; i > 0 && better(top[i], topScores[i], top[i - 1], topScores[i - 1]); i--) {
                    int held = top[i];
                    double heldScore = topScores[i];
                    top[i] = top[i - 1];
                    topScores[i] = topScores[i - 1];
                    top[i - 1] = held;
                    topScores[i - 1] = heldScore;
                }
            }
            List<Destination> destinations = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                destinations.add(new Destination(columns.host(slots[top[i]]), columns.cell(slots[top[i]])));
            }
            return destinations;
        }

        /** From now on only this candidate may be chosen (affinity: the group has a host). */
        void keepOnly(int candidate) {
            for (int c = 0; c < count; c++) {
                passing[c] = passing[c] && c == candidate;
            }
        }

        /** Filters and weighs a candidate again after this decision reserved resources on it. */
        void refresh(int candidate, RequestSpec request, NumericChecks filters) {
            int slot = slots[candidate];
            passing[candidate] = filters.passes(columns, slot, request) && passes(columns, slot, request, applying);
            double score = 0;
            for (int w = 0; w < weighing.weighers().size(); w++) {
                Weighing.Weighted weighted = weighing.weighers().get(w);
                double value = value(weighted.weigher(), columns, slot);
                range[w][0] = Math.min(range[w][0], value);
                range[w][1] = Math.max(range[w][1], value);
                score += weighted.multiplier() * normalize(value, range[w]);
            }
            scores[candidate] = score;
        }

        private static double normalize(double value, double[] range) {
            double span = range[1] - range[0];
            return span == 0 ? NO_SPREAD : (value - range[0]) / span;
        }

        private boolean better(int a, double scoreA, int b, double scoreB) {
            return scoreA > scoreB
                    || (scoreA == scoreB && columns.host(slots[a]).compareTo(columns.host(slots[b])) < 0);
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
}
