package io.polycell.searchlight.index;

/**
 * Nova's name filter is a regular expression searched anywhere in the name; an index {@code regexp}
 * query matches a whole term, in Lucene's syntax. This rewrites the common part of both (literals,
 * {@code . * + ? {n,m} | ( ) [...]}, escapes, {@code \d \w \s}, a leading {@code ^} and a trailing
 * {@code $}) and refuses the rest (lazy or possessive quantifiers, groups with options, lookarounds,
 * back-references, anchors in the middle), which the listing then answers by merging the cells' views.
 * The query is run with no optional Lucene operators, so {@code # @ & < > ~} are plain characters.
 */
public final class LuceneRegex {

    private LuceneRegex() {
    }

    /**
     * The Lucene expression matching a whole name exactly when {@code pattern} is found in it.
     *
     * @throws UnsupportedOperationException for a construct outside the common part
     */
    public static String searching(String pattern) {
        int start = 0;
        int end = pattern.length();
        boolean anchoredStart = pattern.startsWith("^");
        if (anchoredStart) {
            start = 1;
        }
        boolean anchoredEnd = end > start && pattern.charAt(end - 1) == '$' && !escaped(pattern, end - 1);
        if (anchoredEnd) {
            end--;
        }
        if ((anchoredStart || anchoredEnd) && alternatesAtTopLevel(pattern, start, end)) {
            throw unsupported("an anchor on one alternative");
        }
        StringBuilder lucene = new StringBuilder();
        if (!anchoredStart) {
            lucene.append(".*");
        }
        lucene.append('(');
        translate(pattern, start, end, lucene);
        lucene.append(')');
        if (!anchoredEnd) {
            lucene.append(".*");
        }
        return lucene.toString();
    }

    private static void translate(String pattern, int start, int end, StringBuilder out) {
        int i = start;
        while (i < end) {
            char c = pattern.charAt(i);
            switch (c) {
                case '\\' -> i = escape(pattern, i, end, out, false);
                case '[' -> i = characterClass(pattern, i, end, out);
                case '(' -> {
                    if (i + 1 < end && pattern.charAt(i + 1) == '?') {
                        throw unsupported("a group with options or a lookaround");
                    }
                    out.append(c);
                    i++;
                }
                case '*', '+', '?' -> {
                    out.append(c);
                    i++;
                    if (i < end && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
                        throw unsupported("a lazy or possessive quantifier");
                    }
                }
                case '{' -> {
                    int close = pattern.indexOf('}', i);
                    if (close < 0 || close >= end || !pattern.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
                        out.append("\\{");
                        i++;
                    } else {
                        out.append(pattern, i, close + 1);
                        i = close + 1;
                        if (i < end && (pattern.charAt(i) == '?' || pattern.charAt(i) == '+')) {
                            throw unsupported("a lazy or possessive quantifier");
                        }
                    }
                }
                case '^', '$' -> throw unsupported("an anchor inside the expression");
                case '.', '|', ')' -> {
                    out.append(c);
                    i++;
                }
                default -> {
                    literal(c, out);
                    i++;
                }
            }
        }
    }

    /** A backslash sequence at {@code i}; inside a class, shorthand classes are written without brackets. */
    private static int escape(String pattern, int i, int end, StringBuilder out, boolean inClass) {
        if (i + 1 >= end) {
            throw unsupported("a trailing backslash");
        }
        char next = pattern.charAt(i + 1);
        String shorthand = switch (next) {
            case 'd' -> "0-9";
            case 'w' -> "A-Za-z0-9_";
            case 's' -> " \\t\\n\\r\\f";
            default -> null;
        };
        if (shorthand != null) {
            out.append(inClass ? shorthand : "[" + shorthand + "]");
        } else if (next == 't' || next == 'n' || next == 'r' || next == 'f') {
            out.append('\\').append(next);
        } else if (Character.isLetterOrDigit(next)) {
            throw unsupported("the escape \\" + next);
        } else {
            literal(next, out);
        }
        return i + 2;
    }

    private static int characterClass(String pattern, int i, int end, StringBuilder out) {
        out.append('[');
        int j = i + 1;
        if (j < end && pattern.charAt(j) == '^') {
            out.append('^');
            j++;
        }
        boolean first = true;
        while (j < end) {
            char c = pattern.charAt(j);
            if (c == ']' && !first) {
                out.append(']');
                return j + 1;
            }
            if (c == '[' || (c == '&' && j + 1 < end && pattern.charAt(j + 1) == '&')) {
                throw unsupported("a nested class or a class intersection");
            }
            if (c == '\\') {
                j = escape(pattern, j, end, out, true);
            } else if (c == '-' && !first && j + 1 < end && pattern.charAt(j + 1) != ']') {
                out.append('-');
                j++;
            } else {
                literal(c, out);
                j++;
            }
            first = false;
        }
        throw unsupported("an unclosed class");
    }

    /** A character that means itself: escaped when Lucene gives it a meaning. */
    private static void literal(char c, StringBuilder out) {
        if ("\\.?+*|{}[]()\"#@&<>~^$-".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    private static boolean alternatesAtTopLevel(String pattern, int start, int end) {
        int depth = 0;
        boolean inClass = false;
        for (int i = start; i < end; i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean escaped(String pattern, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && pattern.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("the search index cannot express " + what
                + " in a name filter");
    }
}
