package io.polycell.scheduler.filter;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.Map;

/**
 * Nova's extra-spec operators: how a requested value ({@code "s== ssd"}, {@code ">= 4"},
 * {@code "<in> avx"}, {@code "<or> a <or> b"}) matches a host's value. A requested value that starts
 * with no operator must equal the host's value exactly. A numeric operator on a value that is not a
 * number does not match (Nova fails the request there).
 */
final class ExtraSpecMatch {

    private static final Map<String, BiPredicate<String, String>> OPERATORS = Map.ofEntries(
            Map.entry("=", (value, wanted) -> compare(value, wanted) >= 0),
            Map.entry("==", (value, wanted) -> compare(value, wanted) == 0),
            Map.entry("!=", (value, wanted) -> compare(value, wanted) != 0 && numbers(value, wanted)),
            Map.entry(">=", (value, wanted) -> compare(value, wanted) >= 0),
            Map.entry("<=", (value, wanted) -> numbers(value, wanted) && compare(value, wanted) <= 0),
            Map.entry("s==", String::equals),
            Map.entry("s!=", (value, wanted) -> !value.equals(wanted)),
            Map.entry("s<", (value, wanted) -> value.compareTo(wanted) < 0),
            Map.entry("s<=", (value, wanted) -> value.compareTo(wanted) <= 0),
            Map.entry("s>", (value, wanted) -> value.compareTo(wanted) > 0),
            Map.entry("s>=", (value, wanted) -> value.compareTo(wanted) >= 0),
            Map.entry("<in>", String::contains));

    private ExtraSpecMatch() {
    }

    static boolean matches(String value, String requested) {
        List<String> words = Arrays.asList(requested.trim().split("\\s+"));
        String operator = words.get(0);
        if (operator.equals("<or>")) {
            return value != null && anyOf(value, words);
        }
        if (operator.equals("<all-in>")) {
            return value != null && words.size() > 1
                    && words.subList(1, words.size()).stream().allMatch(value::contains);
        }
        BiPredicate<String, String> test = OPERATORS.get(operator);
        if (test == null) {
            return requested.equals(value);
        }
        return value != null && words.size() > 1 && test.test(value, words.get(1));
    }

    /** {@code <or> a <or> b <or> c}: the host's value is one of the words between the operators. */
    private static boolean anyOf(String value, List<String> words) {
        for (int i = 1; i < words.size(); i += 2) {
            if (words.get(i).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The numeric comparison, or -1 (no match for {@code =}, {@code ==}, {@code >=}) when either is no number. */
    private static int compare(String value, String wanted) {
        if (!numbers(value, wanted)) {
            return -1;
        }
        return Double.compare(Double.parseDouble(value.trim()), Double.parseDouble(wanted.trim()));
    }

    private static boolean numbers(String value, String wanted) {
        try {
            Double.parseDouble(value.trim());
            Double.parseDouble(wanted.trim());
            return true;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
