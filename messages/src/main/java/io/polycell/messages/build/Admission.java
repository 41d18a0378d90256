package io.polycell.messages.build;

import io.polycell.messages.error.PolycellError;
import java.util.List;

/**
 * What an {@link AdmitServers} answers: the ids of the servers accepted, or the refusal (a 400, or
 * Nova's 403 over quota) when none was. A refusal is an answer rather than a failure because the boots
 * of one project that arrive together are admitted in one transaction, which one refusal must not
 * roll back for the others.
 */
public record Admission(List<String> instanceIds, PolycellError refusal) {

    public static Admission accepted(List<String> instanceIds) {
        return new Admission(List.copyOf(instanceIds), null);
    }

    public static Admission refused(PolycellError refusal) {
        return new Admission(List.of(), refusal);
    }
}
