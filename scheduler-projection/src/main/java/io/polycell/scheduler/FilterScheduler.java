package io.polycell.scheduler;

import io.polycell.messages.common.Resources;
import io.polycell.messages.group.ServerGroupPolicy;
import io.polycell.scheduler.filter.HostFilter;
import io.polycell.scheduler.weigher.HostWeigher;
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
    private final List<HostFilter> filters;
    private final Weighing weighing;

    public FilterScheduler(HostStates states, List<HostFilter> filters, Weighing weighing) {
        this.states = states;
        this.filters = List.copyOf(filters);
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
            Candidates candidates = Candidates.of(states.all(), request, filters, weighing);
            List<Placement> placements = new ArrayList<>();
            for (String instanceId : instanceIds) {
                int primary = candidates.best(-1, null);
                if (primary < 0) {
                    break;
                }
                HostState chosen = candidates.host(primary);
                List<Destination> others = candidates.bestInCell(primary, chosen.cell(), alternates);
                states.reserve(instanceId, chosen.host(), request.resources());
                if (members != null) {
                    members.merge(chosen.host(), 1, Integer::sum);
                    if (request.group().policy() == ServerGroupPolicy.AFFINITY) {
                        candidates.keepOnly(primary);
                    }
                }
                candidates.refresh(primary, states.get(chosen.host()).orElseThrow(), request, filters);
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

    /**
     * The hosts that passed the filters, for one decision, and their scores. A weigher's values are
     * normalized against their range over the candidates (a range of one value counts as the middle);
     * a host reserved in this decision is scored again against the range widened by its new value, so
     * every reservation counts even when all hosts started equal.
     */
    private static final class Candidates {

        private static final double NO_SPREAD = 0.5;

        private final HostState[] hosts;
        private final boolean[] passing;
        private final double[] scores;
        private final double[][] range;
        private final Weighing weighing;

        private Candidates(HostState[] hosts, double[][] raw, double[][] range, Weighing weighing) {
            this.hosts = hosts;
            this.passing = new boolean[hosts.length];
            Arrays.fill(passing, true);
            this.range = range;
            this.weighing = weighing;
            this.scores = new double[hosts.length];
            for (int h = 0; h < hosts.length; h++) {
                double score = 0;
                for (int w = 0; w < raw.length; w++) {
                    score += weighing.weighers().get(w).multiplier() * normalize(raw[w][h], range[w]);
                }
                scores[h] = score;
            }
        }

        static Candidates of(Iterable<HostState> all, RequestSpec request, List<HostFilter> filters,
                             Weighing weighing) {
            List<HostState> passed = new ArrayList<>();
            for (HostState host : all) {
                if (passes(host, request, filters)) {
                    passed.add(host);
                }
            }
            HostState[] hosts = passed.toArray(HostState[]::new);
            int weighers = weighing.weighers().size();
            double[][] raw = new double[weighers][hosts.length];
            double[][] range = new double[weighers][];
            for (int w = 0; w < weighers; w++) {
                HostWeigher weigher = weighing.weighers().get(w).weigher();
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (int h = 0; h < hosts.length; h++) {
                    double value = weigher.weigh(hosts[h]);
                    raw[w][h] = value;
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
                range[w] = new double[] {min, max};
            }
            return new Candidates(hosts, raw, range, weighing);
        }

        HostState host(int index) {
            return hosts[index];
        }

        /** The best passing host other than {@code skip}, in {@code cell} when given; -1 when none. */
        int best(int skip, String cell) {
            int best = -1;
            double bestScore = 0;
            for (int h = 0; h < hosts.length; h++) {
                if (h == skip || !passing[h] || (cell != null && !hosts[h].cell().equals(cell))) {
                    continue;
                }
                double score = scores[h];
                if (best < 0 || better(h, score, best, bestScore)) {
                    best = h;
                    bestScore = score;
                }
            }
            return best;
        }

        /** Up to {@code count} best passing hosts of {@code cell} other than {@code primary}, best first. */
        List<Destination> bestInCell(int primary, String cell, int count) {
            int[] top = new int[count];
            double[] topScores = new double[count];
            int size = 0;
            for (int h = 0; h < hosts.length && count > 0; h++) {
                if (h == primary || !passing[h] || !hosts[h].cell().equals(cell)) {
                    continue;
                }
                double score = scores[h];
                int at;
                if (size < count) {
                    at = size++;
                } else if (better(h, score, top[size - 1], topScores[size - 1])) {
                    at = size - 1;
                } else {
                    continue;
                }
                top[at] = h;
                topScores[at] = score;
                for (int i = at; i > 0 && better(top[i], topScores[i], top[i - 1], topScores[i - 1]); i--) {
                    int host = top[i];
                    double held = topScores[i];
                    top[i] = top[i - 1];
                    topScores[i] = topScores[i - 1];
                    top[i - 1] = host;
                    topScores[i - 1] = held;
                }
            }
            List<Destination> destinations = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                destinations.add(new Destination(hosts[top[i]].host(), hosts[top[i]].cell()));
            }
            return destinations;
        }

        /** From now on only this host may be chosen (affinity: the group has a host). */
        void keepOnly(int index) {
            for (int h = 0; h < passing.length; h++) {
                passing[h] = passing[h] && h == index;
            }
        }

        /** Filters and weighs a host again after this decision reserved resources on it. */
        void refresh(int index, HostState now, RequestSpec request, List<HostFilter> filters) {
            hosts[index] = now;
            passing[index] = passes(now, request, filters);
            double score = 0;
            for (int w = 0; w < weighing.weighers().size(); w++) {
                Weighing.Weighted weighted = weighing.weighers().get(w);
                double value = weighted.weigher().weigh(now);
                range[w][0] = Math.min(range[w][0], value);
                range[w][1] = Math.max(range[w][1], value);
                score += weighted.multiplier() * normalize(value, range[w]);
            }
            scores[index] = score;
        }

        private static double normalize(double value, double[] range) {
            double span = range[1] - range[0];
            return span == 0 ? NO_SPREAD : (value - range[0]) / span;
        }

        private boolean better(int a, double scoreA, int b, double scoreB) {
            return scoreA > scoreB || (scoreA == scoreB && hosts[a].host().compareTo(hosts[b].host()) < 0);
        }

        private static boolean passes(HostState host, RequestSpec request, List<HostFilter> filters) {
            if (request.excludedHosts().contains(host.host())) {
                return false;
            }
            for (HostFilter filter : filters) {
                if (!filter.passes(host, request)) {
                    return false;
                }
            }
            return true;
        }
    }
}
