package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.core.discord.UserError;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.IssueViews;
import java.time.Clock;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /link} with a GitHub issue (capture's command reaches it through its port): reads what was typed, links
 * through {@link GitHubLinking}, and says in one sentence what happened or exactly why not.
 */
final class GitHubLinkCommand {

    private static final Logger log = LoggerFactory.getLogger(GitHubLinkCommand.class);

    private final GitHubSettings settings;
    private final IssueStore issues;
    private final IssueActions actions;
    private final GitHubLinking linking;
    private final Supplier<GitHubSync> sync;

    GitHubLinkCommand(
            GitHubSettings settings,
            IssueStore issues,
            IssueActions actions,
            GitHubStore own,
            GitHubLinkStore links,
            Supplier<GitHubSync> sync,
            Clock clock) {
        this.settings = settings;
        this.issues = issues;
        this.actions = actions;
        this.linking = new GitHubLinking(own, links, clock);
        this.sync = sync;
    }

    /** The recorder that adds places and requesters as every other addition does (bump, cards). */
    static GitHubLinking.Recorder recorder(JDA jda, IssueActions actions, long actor) {
        return new GitHubLinking.Recorder() {
            @Override
            public boolean addPlace(int number, dev.loop.issue.NewPlace place) {
                return actions.addPlace(jda, number, place, actor).bumped();
            }

            @Override
            public Addition addRequester(int number, long githubId, String login) {
                IssueActions.Added a = actions.addGitHubRequester(jda, number, githubId, login);
                return new Addition(a.added(), a.bumped());
            }
        };
    }

    /** Links the GitHub issue {@code typed} names to issue {@code number}; the answer, or a UserError saying why not. */
    String link(JDA jda, int number, String typed, long actor) {
        Issue issue = issues.find(number).orElseThrow(() -> new UserError("There is no issue #" + number + "."));
        if (issue.status() == IssueStatus.DUPLICATE)
            throw new UserError(issue.ref() + " is a duplicate of #" + issue.duplicateOf() + "; link to #"
                    + issue.duplicateOf() + " instead.");
        int githubNumber = switch (GitHubRef.read(typed, settings.repo(), settings.apiUrl())) {
            case GitHubRef.Reading.Number n -> n.number();
            case GitHubRef.Reading.PullRequest p ->
                throw new UserError("GitHub #" + p.number() + " is a pull request, not an issue; link an issue.");
            case GitHubRef.Reading.OtherRepository o ->
                throw new UserError("That address is not on " + settings.repo()
                        + ", the repository Loop follows; link an issue of " + settings.repo() + ".");
            case GitHubRef.Reading.Unreadable u ->
                throw new UserError("That is not a GitHub issue: give its number, like #123, or its address on "
                        + settings.repo() + ".");
        };
        GitHubSync s = sync.get();
        if (s == null) throw new UserError("The GitHub sync is still starting; try again in a moment.");
        GitHubLinking.Outcome outcome;
        try {
            outcome = s.withGateway(g -> linking.run(g, number, githubNumber, actor, recorder(jda, actions, actor)));
        } catch (GitHubGateway.GitHubFailure f) {
            log.info("Linking GitHub #{} to #{} failed: {}", githubNumber, number, f.getMessage());
            throw new UserError(
                    "GitHub did not answer as expected, so nothing was linked; try again in a few minutes.");
        }
        return answer(outcome);
    }

    String answer(GitHubLinking.Outcome outcome) {
        return switch (outcome) {
            case GitHubLinking.Outcome.AlreadyLinked a ->
                throw new UserError("GitHub #" + a.githubNumber() + " is already linked to #" + a.loopNumber() + ".");
            case GitHubLinking.Outcome.ElsewhereLinked e ->
                throw new UserError("GitHub #" + e.githubNumber() + " is already linked to #" + e.loopNumber()
                        + "; to combine the two issues, use /issue merge.");
            case GitHubLinking.Outcome.NotFound n ->
                throw new UserError(settings.repo() + " has no issue #" + n.githubNumber() + ".");
            case GitHubLinking.Outcome.PullRequest p ->
                throw new UserError("GitHub #" + p.githubNumber() + " is a pull request, not an issue; link an issue.");
            case GitHubLinking.Outcome.Linked l -> {
                Issue now = issues.find(l.loopNumber()).orElseThrow();
                int n = l.requestersAdded();
                yield "Linked GitHub #" + l.githubNumber() + " to " + IssueViews.named(now)
                        + (l.adopted() ? " as its GitHub issue" : "") + "."
                        + (n > 0 ? " " + n + " new GitHub requester" + (n == 1 ? "" : "s") + "." : "")
                        + (l.bumped() ? " It has now been brought up before, so it moved up to High." : "");
            }
        };
    }
}
