package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.core.discord.ComponentId;
import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Engineers;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueActions;
import dev.loop.issue.IssueCaptured;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.search.DuplicateSearch;
import dev.loop.issue.search.FtsQuery;
import dev.loop.issue.search.LooksLike;
import dev.loop.issue.search.SimilarityRanking;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "New on GitHub" hints: on each poll the newest open GitHub issues (with the import label, or all) that Loop did not
 * create and does not follow yet are offered in the team channel, once each (the {@code github_hint} row is written
 * before the message, and issues older than the first poll are never offered), with <b>Capture</b> (a record made
 * from it, as {@code /issue import} does, its author and 👍 reactors its requesters, then triage prompts the engineer
 * as after any capture, through the {@link IssueCaptured} port), <b>Link to #N</b> (the issue the duplicate search
 * suggests by the same rule and threshold as the support-post hints, {@link LooksLike}; no button when nothing
 * matches) and <b>Ignore</b>. The first engineer to decide wins; the buttons are then disabled and the
 * message says who decided.
 */
final class GitHubHints implements GitHubSync.PollStep {

    private static final Logger log = LoggerFactory.getLogger(GitHubHints.class);

    static final String PREFIX = "ghhint";
    /** {@code ghhint:<capture|link|ignore>:<GitHub number>}; the hint's state guards a second press. */
    static final Shape BUTTON = Shape.of(PREFIX, "That button is not in use any more.", Kind.WORD, Kind.NUMBER)
            .words("capture", "link", "ignore");
    /** How many of the newest GitHub issues each poll looks at. */
    static final int LOOK_AT = 30;
    /** How many search hits the suggestion is chosen from (as for the support-post hints). */
    static final int SEARCH_LIMIT = 10;

    /** Posts a hint in the team channel and returns the message's id; throws when it could not. */
    @FunctionalInterface
    interface Poster {
        long post(MessageCreateData message);
    }

    private final GitHubSettings settings;
    private final IssueStore issues;
    private final IssueActions actions;
    private final Engineers engineers;
    private final GitHubStore own;
    private final GitHubLinkStore links;
    private final GitHubHintStore hints;
    private final GitHubLinking linking;
    private final GitHubLinkCommand answers;
    private final Supplier<GitHubSync> sync;
    private final Clock clock;
    private final LooksLike looksLike;
    private volatile Poster poster;
    /** Told after a Capture, as after any capture: triage prompts the engineer who pressed it. */
    private volatile IssueCaptured afterCapture = (jda, issue, engineer, hook) -> {};

    GitHubHints(
            GitHubSettings settings,
            IssueStore issues,
            IssueActions actions,
            Engineers engineers,
            GitHubStore own,
            GitHubLinkStore links,
            GitHubHintStore hints,
            GitHubLinkCommand answers,
            Supplier<GitHubSync> sync,
            double minScore,
            Clock clock) {
        this.settings = settings;
        this.issues = issues;
        this.actions = actions;
        this.engineers = engineers;
        this.own = own;
        this.links = links;
        this.hints = hints;
        this.linking = new GitHubLinking(own, links, clock);
        this.answers = answers;
        this.sync = sync;
        this.clock = clock;
        this.looksLike = LooksLike.withMinScore(minScore);
    }

    void postWith(Poster poster) {
        this.poster = poster;
    }

    void afterCapture(IssueCaptured port) {
        this.afterCapture = port;
    }

    // ---------------------------------------------------------------- offering

    @Override
    public void poll(GitHubGateway gateway) {
        Poster p = poster;
        if (p == null) return;
        List<GitHubGateway.OpenedIssue> newest =
                gateway.newestIssues(settings.importLabelName().orElse(null), LOOK_AT);
        Optional<Integer> watermark = hints.watermark();
        if (watermark.isEmpty()) {
            // what existed before Loop followed the repository is not news
            int newestExisting = newest.stream()
                    .mapToInt(GitHubGateway.OpenedIssue::number)
                    .max()
                    .orElse(0);
            hints.setWatermark(newestExisting, clock.instant());
            log.info("New GitHub issues after #{} of {} will be offered to the team", newestExisting, settings.repo());
            return;
        }
        String me = gateway.login();
        List<GitHubGateway.OpenedIssue> oldestFirst = new ArrayList<>(newest);
        java.util.Collections.reverse(oldestFirst);
        for (GitHubGateway.OpenedIssue i : oldestFirst) {
            if (i.number() <= watermark.get() || hints.known(i.number())) continue;
            if (i.author().login().equalsIgnoreCase(me) || i.body().contains(GitHubBody.BEGIN)) continue;
            if (own.loopIssueOf(i.number()).isPresent()
                    || links.issueOf(i.number()).isPresent()) continue;
            offer(p, i);
        }
    }

    private void offer(Poster p, GitHubGateway.OpenedIssue i) {
        Optional<Issue> suggested = suggest(i.title(), i.body());
        String title = GitHubText.line(i.title(), 300);
        if (!hints.offer(
                i.number(), title, i.url(), suggested.map(Issue::number).orElse(null), clock.instant())) return;
        try {
            long id = p.post(message(i.number(), title, i.url(), i.author().login(), suggested));
            hints.posted(i.number(), id);
            log.info("Offered GitHub #{} to the team", i.number());
        } catch (RuntimeException e) {
            hints.forget(i.number()); // offered again on the next poll
            log.warn("Could not offer GitHub #{}: {}", i.number(), e.toString());
        }
    }

    /**
     * The issue to suggest linking to: the one the support-post hints would name for the same words (the kernel's
     * {@link LooksLike} with {@code watch.hint-min-score}), so an unrelated issue is never suggested.
     */
    private Optional<Issue> suggest(String title, String body) {
        Optional<FtsQuery> query = LooksLike.query(title, body);
        if (query.isEmpty()) return Optional.empty();
        List<SimilarityRanking.Candidate> candidates = new DuplicateSearch(issues)
                .openIssuesLike(query.get(), SEARCH_LIMIT).stream()
                        .map(h -> new SimilarityRanking.Candidate(
                                h.issue().number(), h.issue().title(), h.issue().status(), h.score()))
                        .toList();
        return looksLike.best(query.get(), candidates, Set.of()).flatMap(m -> issues.find(m.number()));
    }

    static String text(int githubNumber, String title, String url, String author, Optional<Issue> suggested) {
        StringBuilder s = new StringBuilder("🆕 New on GitHub: **GitHub #")
                .append(githubNumber)
                .append("** ")
                .append(Safe.inline(title, 150));
        if (author != null && !author.isBlank())
            s.append(" (opened by `")
                    .append(author.replaceAll("[^A-Za-z0-9\\-\\[\\]]", ""))
                    .append("`)");
        s.append(" <").append(url).append('>');
        suggested.ifPresent(i ->
                s.append("\nIt looks like **").append(i.ref()).append("** ").append(Safe.inline(i.title(), 150)));
        return s.toString();
    }

    static MessageCreateData message(
            int githubNumber, String title, String url, String author, Optional<Issue> suggested) {
        return new MessageCreateBuilder()
                .setContent(
                        Safe.truncate(text(githubNumber, title, url, author, suggested), Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(
                        buttons(githubNumber, suggested.map(Issue::number).orElse(null), false))
                .build();
    }

    static ActionRow buttons(int githubNumber, Integer suggested, boolean disabled) {
        List<Button> b = new ArrayList<>();
        b.add(Button.success(BUTTON.id("capture", githubNumber), "Capture").withDisabled(disabled));
        if (suggested != null)
            b.add(Button.primary(BUTTON.id("link", githubNumber), "Link to #" + suggested)
                    .withDisabled(disabled));
        b.add(Button.secondary(BUTTON.id("ignore", githubNumber), "Ignore").withDisabled(disabled));
        return ActionRow.of(b);
    }

    private static MessageEditData decided(GitHubHintStore.Hint hint, String original, String outcome) {
        return new MessageEditBuilder()
                .setContent(Safe.truncate(original + "\n" + outcome, Message.MAX_CONTENT_LENGTH))
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .setComponents(buttons(hint.githubNumber(), hint.suggested(), true))
                .build();
    }

    // ---------------------------------------------------------------- buttons

    /** {@code ghhint:capture|link|ignore:<GitHub number>}. */
    void onButton(ButtonInteractionEvent event) {
        engineers.require(event.getMember(), "capture, link or ignore GitHub issues");
        ComponentId button = BUTTON.parse(event.getComponentId()).orRefuse();
        int number = button.number(1);
        GitHubHintStore.Hint hint = hints.find(number).orElseThrow(() -> new UserError("That hint no longer exists."));
        if (hint.state() != GitHubHintStore.State.OFFERED) throw new UserError(alreadyDecided(hint));
        long engineer = event.getUser().getIdLong();
        switch (button.field(0)) {
            case "capture" -> capture(event, hint, engineer);
            case "link" -> link(event, hint, engineer);
            default -> ignore(event, hint, engineer);
        }
    }

    private void ignore(ButtonInteractionEvent event, GitHubHintStore.Hint hint, long engineer) {
        claim(hint, GitHubHintStore.State.IGNORED, engineer);
        event.editMessage(decided(hint, event.getMessage().getContentRaw(), "🙈 Ignored by <@" + engineer + ">"))
                .queue(null, e -> log.warn("GitHub hint {} not updated: {}", hint.githubNumber(), e.toString()));
    }

    private void link(ButtonInteractionEvent event, GitHubHintStore.Hint hint, long engineer) {
        if (hint.suggested() == null) throw new UserError("This hint suggests no issue to link to.");
        int into = hint.suggested();
        Issue issue = issues.find(into).orElseThrow(() -> new UserError("#" + into + " no longer exists."));
        if (!issue.status().isActive())
            throw new UserError(issue.ref() + " is " + issue.status().label().toLowerCase(java.util.Locale.ROOT)
                    + " now, so GitHub #" + hint.githubNumber() + " was not linked. Use /link to link it to"
                    + " another issue.");
        claim(hint, GitHubHintStore.State.LINKED, engineer);
        event.deferEdit().queue(null, e -> log.debug("deferring GitHub hint failed: {}", e.toString()));
        decide(hint, () -> {
            GitHubLinking.Outcome outcome = gateway(g -> linking.run(
                    g,
                    into,
                    hint.githubNumber(),
                    engineer,
                    GitHubLinkCommand.recorder(event.getJDA(), actions, engineer)));
            answers.answer(outcome); // a refusal throws its sentence
            return into;
        });
        event.getHook()
                .editOriginal(decided(
                        hint,
                        event.getMessage().getContentRaw(),
                        "🔗 Linked to **#" + into + "** by <@" + engineer + ">"))
                .queue(null, e -> log.warn("GitHub hint {} not updated: {}", hint.githubNumber(), e.toString()));
    }

    private void capture(ButtonInteractionEvent event, GitHubHintStore.Hint hint, long engineer) {
        claim(hint, GitHubHintStore.State.CAPTURED, engineer);
        event.deferEdit().queue(null, e -> log.debug("deferring GitHub hint failed: {}", e.toString()));
        GitHubImport importer = new GitHubImport(
                issues, own, (n, id, login) -> actions.addGitHubRequester(event.getJDA(), n, id, login), clock);
        int captured = decide(
                hint, () -> switch (gateway(g -> importer.run(g, hint.githubNumber(), IssueKind.BUG, engineer))) {
                    case GitHubImport.Outcome.Imported i -> i.issue().number();
                    case GitHubImport.Outcome.AlreadyTracked t ->
                        throw new UserError("GitHub #" + t.githubNumber() + " is already the GitHub issue of #"
                                + t.loopNumber() + ".");
                    case GitHubImport.Outcome.NotFound n ->
                        throw new UserError(settings.repo() + " has no issue #" + n.githubNumber() + " any more.");
                    case GitHubImport.Outcome.PullRequest p ->
                        throw new UserError("GitHub #" + p.githubNumber() + " is a pull request, not an issue.");
                });
        actions.refreshCards(event.getJDA(), captured);
        event.getHook()
                .editOriginal(decided(
                        hint,
                        event.getMessage().getContentRaw(),
                        "✅ Captured as **#" + captured + "** by <@" + engineer + ">"))
                .queue(null, e -> log.warn("GitHub hint {} not updated: {}", hint.githubNumber(), e.toString()));
        // the capture goes on as every capture does: the triage prompt, to the engineer who pressed Capture
        issues.find(captured).ifPresent(i -> afterCapture.captured(event.getJDA(), i, engineer, event.getHook()));
    }

    /** Takes the decision for this press; a press that comes second is told who decided. */
    private void claim(GitHubHintStore.Hint hint, GitHubHintStore.State state, long engineer) {
        if (!hints.decide(hint.githubNumber(), state, engineer, clock.instant()))
            throw new UserError(alreadyDecided(hints.find(hint.githubNumber()).orElse(hint)));
    }

    /** Runs the decision; when it fails, the hint is offered again, so the button may simply be pressed again. */
    private int decide(GitHubHintStore.Hint hint, Supplier<Integer> work) {
        try {
            int issue = work.get();
            hints.resolvedAs(hint.githubNumber(), issue);
            return issue;
        } catch (GitHubGateway.GitHubFailure f) {
            hints.reopen(hint.githubNumber());
            log.info("GitHub hint {} failed: {}", hint.githubNumber(), f.getMessage());
            throw new UserError(
                    "GitHub did not answer as expected, so nothing was done; press again in a few minutes.");
        } catch (RuntimeException e) {
            hints.reopen(hint.githubNumber());
            throw e;
        }
    }

    private <T> T gateway(java.util.function.Function<GitHubGateway, T> work) {
        GitHubSync s = sync.get();
        if (s == null) throw new UserError("The GitHub sync is still starting; try again in a moment.");
        return s.withGateway(work);
    }

    static String alreadyDecided(GitHubHintStore.Hint hint) {
        String who = hint.resolvedBy() == null ? "someone" : "<@" + hint.resolvedBy() + ">";
        String issue = hint.issueNumber() == null ? "" : " as #" + hint.issueNumber();
        return switch (hint.state()) {
            case CAPTURED -> "GitHub #" + hint.githubNumber() + " was already captured" + issue + " by " + who + ".";
            case LINKED ->
                "GitHub #" + hint.githubNumber() + " was already linked"
                        + (hint.issueNumber() == null ? "" : " to #" + hint.issueNumber()) + " by " + who + ".";
            case IGNORED -> "GitHub #" + hint.githubNumber() + " was already ignored by " + who + ".";
            case OFFERED -> "This hint is still open.";
        };
    }
}
