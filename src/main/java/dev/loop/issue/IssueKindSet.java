package dev.loop.issue;

import net.dv8tion.jda.api.JDA;

/**
 * What happens after an engineer changes an issue's kind with `/issue edit`: capture asks the issue's requesters the
 * questions for the new kind (a 📌 quick capture starts as a question and is told what it is only then).
 */
@FunctionalInterface
public interface IssueKindSet {
    IssueKindSet NOTHING = (jda, issue) -> {};

    void kindSet(JDA jda, Issue issue);
}
