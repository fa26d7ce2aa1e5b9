package dev.loop.issue;

import static dev.loop.db.Tables.REQUESTER;

import dev.loop.core.Database;
import java.time.Instant;

/** Adds requesters to issues, Discord members and GitHub accounts alike, and reads the GitHub accounts' logins. */
final class IssueRequesters {

    private final Database db;

    IssueRequesters(Database db) {
        this.db = db;
    }

    boolean addRequester(int number, long userId, Requester.How how, Long placeId, long actor, Instant now) {
        return db.write(ctx -> {
            if (IssueTables.insertRequester(ctx, number, userId, how, placeId, actor, now) == 0) return false;
            IssueTables.addHistory(
                    ctx, number, actor, "requester", "<@" + userId + "> added (" + how.code() + ")", now);
            IssueTables.touch(ctx, number, now);
            return true;
        });
    }

    boolean addGitHubRequester(int number, long githubId, String login, Long placeId, Instant now) {
        long userId = -Math.abs(githubId);
        return db.write(ctx -> {
            if (ctx.fetchExists(REQUESTER, REQUESTER.ISSUE_NUMBER.eq(number).and(REQUESTER.USER_ID.eq(userId))))
                return false;
            IssueTables.insertRequester(ctx, number, userId, Requester.How.GITHUB, placeId, 0L, now);
            ctx.update(REQUESTER)
                    .set(REQUESTER.GITHUB_LOGIN, login)
                    .where(REQUESTER.ISSUE_NUMBER.eq(number))
                    .and(REQUESTER.USER_ID.eq(userId))
                    .execute();
            IssueTables.addHistory(ctx, number, null, "requester", "GitHub user " + login + " added (github)", now);
            IssueTables.touch(ctx, number, now);
            return true;
        });
    }

    java.util.Map<Long, String> githubLogins(int number) {
        return db.read(ctx -> ctx.select(REQUESTER.USER_ID, REQUESTER.GITHUB_LOGIN)
                .from(REQUESTER)
                .where(REQUESTER.ISSUE_NUMBER.eq(number))
                .and(REQUESTER.GITHUB_LOGIN.isNotNull())
                .fetchMap(REQUESTER.USER_ID, REQUESTER.GITHUB_LOGIN));
    }
}
