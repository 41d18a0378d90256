package io.polycell.query.web;

import io.polycell.messages.common.Requester;
import io.polycell.messages.error.ErrorCode;
import io.polycell.messages.error.PolycellException;

/** Nova's admin-only policy rules: anyone else is refused with the name of the rule that refused them. */
final class AdminOnly {

    private AdminOnly() {
    }

    static void require(Requester requester, String rule) {
        if (!requester.admin()) {
            throw new PolycellException(ErrorCode.FORBIDDEN, "Policy doesn't allow " + rule + " to be performed.");
        }
    }
}
