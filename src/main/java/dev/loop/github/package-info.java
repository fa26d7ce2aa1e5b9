/**
 * GitHub sync: every Loop issue has one GitHub issue whose Loop-managed body section, labels, ship comment and
 * closing Loop keeps up to date through a persistent state table ({@code github_issue}), and GitHub people who 👍 or
 * comment there become requesters. May import {@code issue} and {@code core} (and the generated {@code db}); the
 * pure rules ({@link dev.loop.github.GitHubBody}, {@link dev.loop.github.Backoff}, {@link dev.loop.github.WritePacer},
 * {@link dev.loop.github.ExportTiming}) import neither JDA nor a GitHub client; only {@code Hub4jGateway},
 * {@code ConditionalGets} and {@code GraphQlClient} (the one GraphQL query: the issues a pull request closes, sidebar
 * links included, which hub4j cannot ask) talk HTTP, behind the {@link dev.loop.github.GitHubGateway} port.
 *
 * <p>{@code GitHubSync} runs the rounds: {@code GitHubExport} creates and updates the GitHub issues, {@code
 * GitHubShipping} posts the ship comment on every GitHub issue of a released record (its own and the linked ones) and
 * {@code GitHubPolling} reads what GitHub's people did; they share the round's pacing and pauses through
 * {@code SyncRound}.
 *
 * <p>{@code GitHubImport} makes a record from an existing GitHub issue ({@code /issue import}, a subcommand this
 * feature adds to the kernel's {@code /issue} through the composition root); {@code GitHubRef} reads what people
 * type to name a GitHub issue; {@code StandaloneSync} runs the same sync without Discord (for the benchmark).
 *
 * <p>Releases: {@code ReleaseWatch} offers a release published on GitHub through the {@code ReleaseOffer} port
 * ({@code github.include-prereleases} decides about pre-releases); {@code ReviewIssues} (the one writer of
 * {@code github_review}) creates each release's "Docs and copy to review" issue from the {@code ReviewSource} port,
 * with its text from {@code ReviewIssueBody} (pure), and {@code ReviewNotice} gives the team channel its link;
 * {@code ReviewTicks} reads which of its boxes are ticked on each poll and hands them back through the port.
 *
 * <p>{@code GitHubLinking} links an existing GitHub issue to a record ({@code /link} through capture's
 * {@code GitHubPlaces} port, wired in the composition root; {@code GitHubLinkCommand} answers it) and
 * {@code GitHubLinkStore} writes {@code github_link}; {@code GitHubHints} offers new GitHub issues to the team
 * ("New on GitHub", rows in {@code github_hint} written only by {@code GitHubHintStore}); {@code GitHubFollowUp}
 * carries an edited title, a close or merge, and a reopen or unmerge (of what Loop closed) to the GitHub issue.
 *
 * <p>{@code GitHubStore} writes only {@code github_issue}; it reads the issue table's number, status, revision and
 * timestamps in one join to find which issues are due for export, and never writes it (ArchitectureTest checks this).
 */
package dev.loop.github;
