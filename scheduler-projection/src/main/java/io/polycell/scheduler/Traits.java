package io.polycell.scheduler;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The traits a request requires and forbids, read once per request from Nova's syntax: flavor extra
 * specs {@code trait:NAME=required} and {@code trait:NAME=forbidden}, and image properties
 * {@code trait:NAME=required} (Nova takes no forbidden traits from images). Other values are ignored,
 * as Nova ignores them. Also the format a host's traits take in its {@code compute} namespace: one
 * comma-separated, sorted list.
 *
 * @param required traits a host must have
 * @param forbidden traits a host must not have
 */
public record Traits(Set<String> required, Set<String> forbidden) {

    /** The prefix of a trait in flavor extra specs and image properties. */
    public static final String PREFIX = "trait:";
    /** The key of a host's traits in its {@code compute} namespace. */
    public static final String ATTRIBUTE = "traits";
    public static final Traits NONE = new Traits(Set.of(), Set.of());

    public Traits {
        required = Set.copyOf(required);
        forbidden = Set.copyOf(forbidden);
    }

    /** What a flavor's extra specs and an image's properties ask; {@link #NONE} when neither names a trait. */
    public static Traits of(Map<String, String> flavorExtraSpecs, Map<String, String> imageProperties) {
        Set<String> required = new HashSet<>();
        Set<String> forbidden = new HashSet<>();
        collect(flavorExtraSpecs, required, forbidden);
        collect(imageProperties, required, null);
        return required.isEmpty() && forbidden.isEmpty() ? NONE : new Traits(required, forbidden);
    }

    private static void collect(Map<String, String> specs, Set<String> required, Set<String> forbidden) {
        for (Map.Entry<String, String> spec : specs.entrySet()) {
            if (!spec.getKey().startsWith(PREFIX)) {
                continue;
            }
            String trait = spec.getKey().substring(PREFIX.length());
            if ("required".equals(spec.getValue())) {
                required.add(trait);
            } else if ("forbidden".equals(spec.getValue()) && forbidden != null) {
                forbidden.add(trait);
            }
        }
    }

    /** Whether a host must have or lack any trait. */
    public boolean any() {
        return !required.isEmpty() || !forbidden.isEmpty();
    }

    /** Whether a host with {@code offered} has every required trait and no forbidden one. */
    public boolean satisfiedBy(Set<String> offered) {
        if (!offered.containsAll(required)) {
            return false;
        }
        for (String trait : forbidden) {
            if (offered.contains(trait)) {
                return false;
            }
        }
        return true;
    }

    /** A host's traits as its {@code compute} namespace holds them: sorted, comma-separated. */
    public static String format(Set<String> traits) {
        return String.join(",", new TreeSet<>(traits));
    }

    /** The inverse of {@link #format}; an absent or empty list is no trait. */
    public static Set<String> parse(String formatted) {
        if (formatted == null || formatted.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.asList(formatted.split(",")));
    }
}
