package dev.loop.github;

import static dev.loop.db.Tables.GITHUB_RELEASE;

import dev.loop.core.Database;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueStore;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a release published on GitHub into Loop's release preview: the issues whose closing pull request's merge
 * commit the release tag contains, plus any the release notes mention by GitHub number; the notes as the notes and
 * their first code block as the snippet. Drafts are skipped, and pre-releases unless
 * {@code github.include-prereleases} says otherwise. The {@code github_release} table (its
 * one writer) remembers what was offered; the offer itself is keyed by the release, so a restart between offering
 * and recording offers nothing twice.
 */
final class ReleaseWatch {

    private static final Logger log = LoggerFactory.getLogger(ReleaseWatch.class);
    static final int LOOK_AT = 10;
    private static final Pattern MENTION = Pattern.compile("(?<![\\w/&#])#(\\d{1,9})(?!\\w)");
    private static final Pattern CODE_BLOCK = Pattern.compile("```[^\\n]*\\n(.*?)```", Pattern.DOTALL);

    private final Database db;
    private final IssueStore issues;
    private final PullStore pulls;
    private final ReleaseOffer offer;
    private final Clock clock;
    private final boolean includePrereleases;

    ReleaseWatch(Database db, IssueStore issues, PullStore pulls, ReleaseOffer offer, Clock clock) {
        this(db, issues, pulls, offer, clock, false);
    }

    /** With {@code includePrereleases}, pre-releases are offered too (drafts never are: they are not published). */
    ReleaseWatch(
            Database db,
            IssueStore issues,
            PullStore pulls,
            ReleaseOffer offer,
            Clock clock,
            boolean includePrereleases) {
        this.includePrereleases = includePrereleases;
        this.db = db;
        this.issues = issues;
        this.pulls = pulls;
        this.offer = offer;
        this.clock = clock;
    }

    void poll(GitHubGateway gateway) {
        for (GitHubGateway.RemoteRelease r : gateway.recentReleases(LOOK_AT)) {
            if (r.draft() || (r.prerelease() && !includePrereleases) || offered(r.id())) continue;
            List<Integer> numbers = issuesOf(gateway, r);
            String notes = r.body() == null || r.body().isBlank()
                    ? "Release " + r.tag()
                    : r.body().strip();
            offer.offer("github-release:" + r.id(), version(r.tag()), numbers, notes, firstCodeBlock(r.body()));
            db.transaction(ctx -> ctx.insertInto(GITHUB_RELEASE)
                    .set(GITHUB_RELEASE.RELEASE_ID, r.id())
                    .set(GITHUB_RELEASE.TAG, r.tag())
                    .set(GITHUB_RELEASE.OFFERED_AT, clock.instant().toEpochMilli())
                    .onConflictDoNothing()
                    .execute());
            log.info("GitHub release {} offered as a release of {}", r.tag(), numbers);
        }
    }

    private boolean offered(long id) {
        return db.read(ctx -> ctx.fetchExists(GITHUB_RELEASE, GITHUB_RELEASE.RELEASE_ID.eq(id)));
    }

    private List<Integer> issuesOf(GitHubGateway gateway, GitHubGateway.RemoteRelease r) {
        Set<Integer> out = new LinkedHashSet<>();
        for (PullStore.Row p : pulls.merged()) {
            if (out.contains(p.issue()) || !releasable(p.issue())) continue;
            if (gateway.tagContains(r.tag(), p.mergeSha())) out.add(p.issue());
        }
        if (r.body() != null) {
            Matcher m = MENTION.matcher(r.body());
            while (m.find()) {
                pulls.loopIssueOf(Integer.parseInt(m.group(1)))
                        .filter(this::releasable)
                        .ifPresent(out::add);
            }
        }
        return out.stream().sorted().toList();
    }

    private boolean releasable(int number) {
        return issues.find(number).map(Issue::status).map(s -> s.isActive()).orElse(false);
    }

    /** "v1.4.0" is version 1.4.0, as Loop's releases are named. */
    static String version(String tag) {
        return tag.matches("[vV]\\d.*") ? tag.substring(1) : tag;
    }

    /** The first fenced code block's content, or null. */
    static String firstCodeBlock(String body) {
        if (body == null) return null;
        Matcher m = CODE_BLOCK.matcher(body);
        if (!m.find()) return null;
        String code = m.group(1).strip();
        return code.isEmpty() ? null : code;
    }
}
