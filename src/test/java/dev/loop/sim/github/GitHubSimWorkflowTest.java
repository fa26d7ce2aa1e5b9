package dev.loop.sim.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRelease;
import org.kohsuke.github.GHRepository;

/** Pull requests, releases, compare and search through the real hub4j client. */
class GitHubSimWorkflowTest extends HubClientTest {
    private GHRepository r;

    @BeforeEach
    void openTheRepository() throws IOException {
        r = gh.getRepository("acme/app");
    }

    @Test
    void draftReadyAndMergedPullRequests() throws IOException {
        int issue = repo.openIssue("octocat", "Crash", "boom");
        clock.advance(Duration.ofMinutes(1));
        int pr = repo.openPullRequest("sam", "Fix the crash", "Fixes #" + issue, true);

        GHPullRequest draft = r.getPullRequest(pr);
        assertThat(draft.isDraft()).isTrue();
        assertThat(draft.isMerged()).isFalse();
        assertThat(draft.getBody()).isEqualTo("Fixes #" + issue);
        assertThat(draft.getUser().getLogin()).isEqualTo("sam");
        assertThat(draft.getBase().getRef()).isEqualTo("main");
        assertThat(draft.getHead().getRef()).isEqualTo("patch-" + pr);
        assertThat(draft.getHtmlUrl().toString()).isEqualTo("https://github.com/acme/app/pull/" + pr);

        repo.markReady(pr);
        clock.advance(Duration.ofMinutes(1));
        String mergeSha = repo.mergePullRequest("erin", pr);

        GHPullRequest merged = r.getPullRequest(pr);
        assertThat(merged.isDraft()).isFalse();
        assertThat(merged.isMerged()).isTrue();
        assertThat(merged.getMergedAt()).isNotNull();
        assertThat(merged.getMergeCommitSha()).isEqualTo(mergeSha);
        assertThat(merged.getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(repo.head("main")).isEqualTo(mergeSha);

        List<GHPullRequest> all =
                r.queryPullRequests().state(GHIssueState.ALL).list().toList();
        assertThat(all).extracting(GHPullRequest::getNumber).containsExactly(pr);
        assertThat(r.getPullRequests(GHIssueState.OPEN)).isEmpty();

        // The issues list carries pull requests too, marked with a pull_request key.
        List<GHIssue> issues = r.getIssues(GHIssueState.ALL);
        assertThat(issues).extracting(GHIssue::getNumber).containsExactly(pr, issue);
        assertThat(issues.get(0).isPullRequest()).isTrue();
        assertThat(issues.get(1).isPullRequest()).isFalse();
    }

    @Test
    void mergingIntoTheDefaultBranchClosesTheIssuesLinkedWithClosingKeywords() throws IOException {
        int fixed = repo.openIssue("octocat", "Crash", "boom");
        int alsoFixed = repo.openIssue("octocat", "Hang", "stuck");
        int mentioned = repo.openIssue("octocat", "Slow", "slow");
        int elsewhere = repo.openIssue("octocat", "Other", "other");
        int pr = repo.openPullRequest(
                "sam",
                "Fix crash and hang",
                "Fixes #" + fixed + ", resolves acme/app#" + alsoFixed + ", related to #" + mentioned
                        + ", closes other/repo#" + elsewhere,
                false);
        assertThat(repo.closingReferences(pr)).containsExactly(fixed, alsoFixed);
        repo.mergePullRequest("erin", pr);
        assertThat(repo.issue(fixed).state()).isEqualTo("closed");
        assertThat(repo.issue(fixed).stateReason()).isEqualTo("completed");
        assertThat(r.getIssue(alsoFixed).getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(repo.issue(mentioned).state()).isEqualTo("open");
        assertThat(repo.issue(elsewhere).state()).isEqualTo("open");
    }

    @Test
    void aPullRequestClosedWithoutMerging() throws IOException {
        int pr = repo.openPullRequest("sam", "Try something", "", false);
        repo.closePullRequest("sam", pr);
        GHPullRequest closed = r.getPullRequest(pr);
        assertThat(closed.getState()).isEqualTo(GHIssueState.CLOSED);
        assertThat(closed.isMerged()).isFalse();
        assertThat(closed.getMergeCommitSha()).isNull();
    }

    @Test
    void releasesLatestAndByTag() throws IOException {
        repo.publishRelease("v1.0.0", "1.0.0", "First", false, false);
        clock.advance(Duration.ofDays(1));
        repo.publishRelease("v1.1.0-rc1", "1.1.0 rc1", "Try it", false, true);
        clock.advance(Duration.ofDays(1));
        repo.publishRelease("v1.1.0", "1.1.0", "Second\n```\n/issue show\n```", true, false);

        List<GHRelease> releases = r.listReleases().toList();
        assertThat(releases).extracting(GHRelease::getTagName).containsExactly("v1.1.0", "v1.1.0-rc1", "v1.0.0");
        assertThat(releases.get(0).isDraft()).isTrue();
        assertThat(releases.get(1).isPrerelease()).isTrue();
        assertThat(r.getLatestRelease().getTagName()).isEqualTo("v1.0.0");
        GHRelease byTag = r.getReleaseByTagName("v1.0.0");
        assertThat(byTag.getBody()).isEqualTo("First");
        assertThat(byTag.getHtmlUrl().toString()).isEqualTo("https://github.com/acme/app/releases/tag/v1.0.0");
        assertThat(r.getReleaseByTagName("v9")).isNull();

        // Drafts are visible only to people with push access.
        GHRepository asReader = client(sim, sim.token("stranger")).getRepository("acme/app");
        assertThat(asReader.listReleases().toList())
                .extracting(GHRelease::getTagName)
                .containsExactly("v1.1.0-rc1", "v1.0.0");
    }

    @Test
    void compareTellsWhetherAFixIsInARelease() throws IOException {
        int first = repo.openPullRequest("sam", "Fix one", "Fixes #1", false);
        String fixOne = repo.mergePullRequest("sam", first);
        int second = repo.openPullRequest("sam", "Fix two", "Fixes #2", false);
        String fixTwo = repo.mergePullRequest("sam", second);
        repo.tag("v1.0.0", fixOne);
        int third = repo.openPullRequest("sam", "Fix three", "Fixes #3", false);
        String fixThree = repo.mergePullRequest("sam", third);

        GHCompare inRelease = r.getCompare(fixOne, "v1.0.0");
        assertThat(inRelease.getStatus()).isEqualTo(GHCompare.Status.identical);
        GHCompare notYet = r.getCompare(fixTwo, "v1.0.0");
        assertThat(notYet.getStatus()).isEqualTo(GHCompare.Status.behind);
        assertThat(notYet.getBehindBy()).isEqualTo(2);
        GHCompare ahead = r.getCompare("v1.0.0", fixThree);
        assertThat(ahead.getStatus()).isEqualTo(GHCompare.Status.ahead);
        assertThat(ahead.getAheadBy()).isEqualTo(4);
        assertThat(ahead.getCommits()).hasSize(4);
        assertThat(ahead.getMergeBaseCommit().getSHA1()).isEqualTo(fixOne);

        repo.branch("hotfix", "v1.0.0");
        String hot = repo.commit("hotfix", "Hot fix");
        GHCompare diverged = r.getCompare(fixThree, hot);
        assertThat(diverged.getStatus()).isEqualTo(GHCompare.Status.diverged);
        assertThat(diverged.getAheadBy()).isEqualTo(1);
        assertThat(diverged.getBehindBy()).isEqualTo(4);
        assertThat(diverged.getMergeBaseCommit().getSHA1()).isEqualTo(fixOne);
    }

    @Test
    void searchFindsIssuesByRepositoryStateLabelAndWords() throws IOException {
        repo.openIssue("octocat", "Dark mode", "please add dark mode", "kind:feature");
        repo.openIssue("octocat", "Crash", "it crashes", "bug");
        sim.repo("acme/other").openIssue("octocat", "Dark theme elsewhere", "dark");
        List<GHIssue> found = gh.searchIssues()
                .q("repo:acme/app is:issue is:open dark")
                .list()
                .toList();
        assertThat(found).extracting(GHIssue::getTitle).containsExactly("Dark mode");
        assertThat(gh.searchIssues().q("repo:acme/app label:bug").list().toList())
                .extracting(GHIssue::getTitle)
                .containsExactly("Crash");
        assertThat(gh.searchIssues()
                        .q("repo:acme/app \"add dark\" in:body")
                        .list()
                        .toList())
                .extracting(GHIssue::getTitle)
                .containsExactly("Dark mode");
    }

    @Test
    void searchLagsBehindWritesWhenTold() throws IOException {
        sim.limits().searchIndexLag(Duration.ofSeconds(30));
        repo.openIssue("loop", "Exported", "<!-- loop:issue:7 -->");
        assertThat(gh.searchIssues().q("repo:acme/app loop:issue:7").list().toList())
                .isEmpty();
        clock.advance(Duration.ofSeconds(30));
        assertThat(gh.searchIssues().q("repo:acme/app loop:issue:7").list().toList())
                .hasSize(1);
    }
}
