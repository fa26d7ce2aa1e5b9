package dev.loop.issue;

import dev.loop.core.discord.UserError;

/**
 * Looking up the issue a button, form or message names, when it may have gone since (merged away or deleted): the
 * issue, or the one sentence a person reads about it. {@link IssueStore#lookup} makes one.
 */
public sealed interface IssueLookup {

    /** The issue is there. */
    record Found(Issue issue) implements IssueLookup {}

    /** No issue has this number any more. */
    record Gone(int number) implements IssueLookup {
        public String sentence() {
            return "Issue #" + number + " no longer exists.";
        }
    }

    /** The issue; when it is gone, the handler ends with the polite sentence through the router's error path. */
    default Issue orRefuse() {
        return switch (this) {
            case Found f -> f.issue();
            case Gone g -> throw new UserError(g.sentence());
        };
    }
}
