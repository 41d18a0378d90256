package io.polycell.command.web;

import io.polycell.messages.common.ApiVersion;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import tools.jackson.databind.JsonNode;

/**
 * Nova's schema for names (its {@code parameter_types.name}: 1 to 255 printable characters, no
 * whitespace at either end) and for key pair names, which may hold only some characters: letters,
 * digits, {@code _}, {@code -} and blanks, and from microversion 2.92 also {@code @} and {@code .}.
 * The messages are those Nova's validator gives, so clients that match on them keep working.
 */
final class NovaNames {

    /** The microversion that let key pair names hold {@code @} and {@code .}. */
    static final int KEY_PAIR_NAMES_WIDENED = 92;
    private static final int MAX_LENGTH = 255;
    private static final String LETTERS_AND_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String KEY_PAIR_CHARACTERS = "_- " + LETTERS_AND_DIGITS;
    private static final String KEY_PAIR_CHARACTERS_2_92 = "@._- " + LETTERS_AND_DIGITS;

    private NovaNames() {
    }

    /** A name in Nova's sense, in the field {@code field}, or Nova's 400. */
    static String name(String field, JsonNode value) {
        if (value == null || !value.isString()) {
            throw invalid(field, value, PythonRepr.of(value) + " is not of type 'string'");
        }
        String name = value.asString();
        if (name.isEmpty()) {
            throw invalid(field, value, "'' is too short");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw invalid(field, value, PythonRepr.of(value) + " is too long");
        }
        if (!printable(name)) {
            throw invalidName("printable characters. Can not start or end with whitespace.");
        }
        return name;
    }

    /** A key pair's name: a name, of the characters key pair names may hold at {@code version}. */
    static String keyPairName(JsonNode value, ApiVersion version) {
        String name = name("name", value);
        String allowed = version.atLeast(KEY_PAIR_NAMES_WIDENED) ? KEY_PAIR_CHARACTERS_2_92 : KEY_PAIR_CHARACTERS;
        if (!name.chars().allMatch(c -> allowed.indexOf(c) >= 0)) {
            throw invalidName("Only expected characters: [" + allowed + "]");
        }
        return name;
    }

    private static boolean printable(String name) {
        int first = name.codePointAt(0);
        int last = name.codePointBefore(name.length());
        return !blank(first) && !blank(last) && name.codePoints().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.UNASSIGNED || Character.getType(c) == Character.SURROGATE);
    }

    private static boolean blank(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /** Nova's message for a value that breaks a rule of its schema: the field, the value, the rule. */
    static PolycellException invalid(String field, JsonNode value, String rule) {
        String shown = value != null && value.isString() ? value.asString() : PythonRepr.of(value);
        return new PolycellException(ErrorCode.BAD_REQUEST, "Invalid input for field/attribute " + field + ". Value: "
                + shown + ". " + rule);
    }

    private static PolycellException invalidName(String rule) {
        return new PolycellException(ErrorCode.BAD_REQUEST, "An invalid 'name' value was provided. The name must be: "
                + rule);
    }
}
