package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_ISSUE;
import static dev.loop.db.Tables.GITHUB_LINK;
import static dev.loop.db.Tables.ISSUE;

import dev.loop.core.Database;
import dev.loop.issue.IssueStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code github_link} table (its one writer): GitHub issues linked to a Loop issue besides its own, whose 👍 and
 * comments count as requests like those of the issue's own GitHub issue.
 */
final class GitHubLinkStore {

    private final Database db;

    GitHubLinkStore(Database db) {
        this.db = db;
    }

    /** Records the link; false when the GitHub issue was already linked (to any issue). */
    boolean link(int githubNumber, int issueNumber, String url, Long actor, Instant now) {
        return db.write(ctx -> ctx.insertInto(GITHUB_LINK)
                        .set(GITHUB_LINK.GITHUB_NUMBER, githubNumber)
                        .set(GITHUB_LINK.ISSUE_NUMBER, issueNumber)
                        .set(GITHUB_LINK.URL, url)
                        .set(GITHUB_LINK.LINKED_BY, actor)
                        .set(GITHUB_LINK.LINKED_AT, now.toEpochMilli())
                        .onConflictDoNothing()
                        .execute()
                > 0);
    }

    /** The Loop issue this GitHub issue is linked to, if any. */
    Optional<Integer> issueOf(int githubNumber) {
        return db.read(ctx -> ctx.select(GITHUB_LINK.ISSUE_NUMBER)
                .from(GITHUB_LINK)
                .where(GITHUB_LINK.GITHUB_NUMBER.eq(githubNumber))
                .fetchOptional(GITHUB_LINK.ISSUE_NUMBER));
    }

    /** (Loop issue, GitHub issue) for the linked GitHub issues of active issues, whose requesters still matter. */
    List<Map.Entry<Integer, Integer>> active() {
        return db.read(ctx -> ctx.select(GITHUB_LINK.ISSUE_NUMBER, GITHUB_LINK.GITHUB_NUMBER)
                .from(GITHUB_LINK)
                .join(ISSUE)
                .on(ISSUE.NUMBER.eq(GITHUB_LINK.ISSUE_NUMBER))
                .where(ISSUE.STATUS.in(IssueStatus.ACTIVE_CODES))
                .orderBy(GITHUB_LINK.GITHUB_NUMBER)
                .fetch(r -> Map.entry(r.value1(), r.value2())));
    }

    /**
     * The GitHub issues besides its own that hear of issue {@code number}'s release: those linked to it, those linked
     * to the issues merged into it (their places are its places now), and the own GitHub issues of those merged ones.
     */
    List<Integer> shipTargets(int number) {
        return db.read(ctx -> {
            var merged = ctx.select(ISSUE.NUMBER).from(ISSUE).where(ISSUE.DUPLICATE_OF.eq(number));
            List<Integer> targets = new java.util.ArrayList<>(ctx.select(GITHUB_LINK.GITHUB_NUMBER)
                    .from(GITHUB_LINK)
                    .where(GITHUB_LINK.ISSUE_NUMBER.eq(number).or(GITHUB_LINK.ISSUE_NUMBER.in(merged)))
                    .orderBy(GITHUB_LINK.GITHUB_NUMBER)
                    .fetch(GITHUB_LINK.GITHUB_NUMBER));
            targets.addAll(ctx.select(GITHUB_ISSUE.GITHUB_NUMBER)
                    .from(GITHUB_ISSUE)
                    .where(GITHUB_ISSUE.ISSUE_NUMBER.in(merged))
                    .and(GITHUB_ISSUE.GITHUB_NUMBER.isNotNull())
                    .orderBy(GITHUB_ISSUE.GITHUB_NUMBER)
                    .fetch(GITHUB_ISSUE.GITHUB_NUMBER));
            return targets;
        });
    }
}
