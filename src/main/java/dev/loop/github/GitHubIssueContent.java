package dev.loop.github;

import dev.loop.core.config.GitHubSettings;
import dev.loop.issue.ErasedPeople;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueRecordView;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.IssueStore;
import dev.loop.issue.Place;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.issue.TranscriptLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** What a Loop issue's GitHub issue shows: the body's input, Loop's labels, and the ship comment. */
final class GitHubIssueContent {

    private final GitHubSettings settings;
    private final IssueStore issues;
    private final GitHubStore store;
    private final Function<Long, String> names;
    private final Function<Priority, String> timelineText;
    /** Null when pull requests are not followed. */
    private final PullSync pulls;

    private final List<String> areas;

    GitHubIssueContent(
            GitHubSettings settings,
            IssueStore issues,
            GitHubStore store,
            Function<Long, String> names,
            Function<Priority, String> timelineText,
            PullSync pulls,
            List<String> areas) {
        this.settings = settings;
        this.issues = issues;
        this.store = store;
        this.names = names;
        this.timelineText = timelineText;
        this.pulls = pulls;
        this.areas = List.copyOf(areas);
    }

    static String shipComment(String version, Optional<ShipNotes.ShipNote> note) {
        StringBuilder s = new StringBuilder(GitHubBody.shippedMarker(version)).append('\n');
        s.append("Shipped in **").append(GitHubText.line(version, 64)).append("**");
        note.map(ShipNotes.ShipNote::announcementUrl)
                .ifPresent(url -> s.append(" — [announcement](").append(url).append(")"));
        s.append(".\n");
        note.map(ShipNotes.ShipNote::snippet)
                .filter(t -> !t.isBlank())
                .ifPresent(t -> s.append("\n```\n")
                        .append(t.replace("```", "ʼʼʼ"), 0, Math.min(t.length(), 20_000))
                        .append("\n```\n"));
        return s.toString();
    }

    BodyInput input(IssueRecordView view) {
        Issue i = view.issue();
        Map<Long, String> logins = issues.githubLogins(i.number());
        List<BodyInput.Person> people = new ArrayList<>();
        for (Requester r : view.requesters()) {
            if (r.how() == Requester.How.ERASED) people.add(new BodyInput.Person(ErasedPeople.NAME, false));
            else if (r.how() == Requester.How.GITHUB)
                people.add(new BodyInput.Person(logins.getOrDefault(r.userId(), "?"), true));
            else people.add(new BodyInput.Person(names.apply(r.userId()), false));
        }
        List<BodyInput.PlaceLine> places = new ArrayList<>();
        String own = store.url(i.number()).orElse(null);
        for (Place p : view.places()) {
            // the GitHub issue itself is no place to list in its own body; other linked GitHub issues are
            if (p.kind() == Place.PlaceKind.GITHUB && (own == null || own.equals(p.url()))) continue;
            places.add(new BodyInput.PlaceLine(p.title(), p.url()));
        }
        if (pulls != null) {
            for (PullStore.Row r : pulls.of(i.number()))
                places.add(new BodyInput.PlaceLine(
                        "Pull request #" + r.pull() + " (" + r.state().code() + ")", r.url()));
        }
        List<BodyInput.Message> details = new ArrayList<>();
        List<BodyInput.Message> transcript = new ArrayList<>();
        for (TranscriptLine l : issues.transcript(i.number())) {
            BodyInput.Message m = new BodyInput.Message(l.authorName(), l.postedAt(), l.content(), l.attachmentUrls());
            // lines with no place came from the debug-details form, not from a conversation
            (l.placeId() == null ? details : transcript).add(m);
        }
        List<BodyInput.ProposalLine> proposals = store.proposals(i.number()).stream()
                .map(p -> new BodyInput.ProposalLine(p.solution(), p.snippet(), p.solves(), p.doesNotSolve()))
                .toList();
        return new BodyInput(
                i.number(),
                i.kind().label(),
                i.status().label(),
                i.summary(),
                i.priority().label(),
                withNames(i.priorityReason()),
                i.priority() == Priority.UNTRIAGED ? null : timelineText.apply(i.priority()),
                i.ownerId() == null ? null : names.apply(i.ownerId()),
                i.status() == IssueStatus.SHIPPED ? i.shippedVersion() : null,
                places,
                people,
                proposals,
                details,
                transcript,
                settings.transcript() == GitHubSettings.Transcript.SUMMARY,
                view.history().stream()
                        .filter(h -> dev.loop.issue.IssueStore.NAMING_HISTORY.equals(h.type()))
                        .map(dev.loop.issue.HistoryEntry::detail)
                        .toList());
    }

    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("<@!?([0-9]{1,20})>");

    /** A reason Loop wrote with a Discord mention ("<@id> pressed This blocks me") names the person instead. */
    private String withNames(String reason) {
        if (reason == null) return null;
        return MENTION.matcher(reason)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(names.apply(Long.parseLong(m.group(1)))));
    }

    List<String> wantedLabels(Issue i) {
        List<String> labels = new ArrayList<>();
        settings.labels().kindLabel(i.kind().code()).ifPresent(labels::add);
        if (i.priority() != Priority.UNTRIAGED)
            settings.labels()
                    .priorityLabel(i.priority().label().toLowerCase(Locale.ROOT))
                    .ifPresent(labels::add);
        if (i.area() != null) settings.labels().areaLabel(i.area()).ifPresent(labels::add);
        return labels;
    }

    /** Every label Loop may set: created up front, and the only ones Loop ever removes. */
    List<String> allLabels() {
        Set<String> all = new LinkedHashSet<>();
        for (IssueKind k : IssueKind.values())
            settings.labels().kindLabel(k.code()).ifPresent(all::add);
        for (Priority p : Priority.values()) {
            if (p != Priority.UNTRIAGED)
                settings.labels()
                        .priorityLabel(p.label().toLowerCase(Locale.ROOT))
                        .ifPresent(all::add);
        }
        for (String a : areas) settings.labels().areaLabel(a).ifPresent(all::add);
        return List.copyOf(all);
    }

    /** The labels people put on the GitHub issue stay; Loop's own are replaced by the wanted ones. */
    List<String> mergedLabels(List<String> current, List<String> wanted) {
        Set<String> mine = new LinkedHashSet<>();
        for (String l : allLabels()) mine.add(l.toLowerCase(Locale.ROOT));
        Set<String> out = new LinkedHashSet<>();
        for (String l : current) if (!mine.contains(l.toLowerCase(Locale.ROOT))) out.add(l);
        out.addAll(wanted);
        return List.copyOf(out);
    }
}
