package io.polycell.command.support;

import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches an aggregate's coded refusal. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<PolycellException> refusedWith(ErrorCode code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(PolycellException refusal) {
                return refusal.code() == code;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal with code " + code);
            }
        };
    }
}
