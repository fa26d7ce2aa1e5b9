package dev.loop.issue;

import dev.loop.core.config.Config;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;

/**
 * Tells an issue's requesters its timeline, each only what is news to them ({@link TimelineNews}): the first triage
 * result, a raise, a promise withdrawn, never the same priority twice and never a change undone within a day. It
 * always tells the issue's current priority, read when it runs, so two quick changes told late tell the last one
 * once. One issue is told by one thread at a time.
 */
final class TimelineTelling {

    private final IssueStore store;
    private final IssueViews views;
    private final Config config;
    private final TimelineHeard heard;
    private final Map<Integer, Object> locks = new ConcurrentHashMap<>();

    TimelineTelling(IssueStore store, IssueViews views, Config config) {
        this.store = store;
        this.views = views;
        this.config = config;
        this.heard = new TimelineHeard(store.database());
    }

    /** What one person who joined a triaged issue saw on its card. */
    void joined(int number, long userId, Priority seen, Instant now) {
        if (seen == Priority.UNTRIAGED || userId < 0) return;
        heard.joined(number, userId, new TimelineNews.Heard(seen, promised(seen), now));
    }

    private boolean promised(Priority p) {
        return p.timelineIn(config.timelines()).map(t -> t.promise() != null).orElse(false);
    }

    /** Tells who needs to hear it; returns everyone told (for the history, already written). */
    Told tell(JDA jda, int number, IssueActions actions) {
        synchronized (locks.computeIfAbsent(number, n -> new Object())) {
            Issue issue = store.find(number).orElse(null);
            if (issue == null || !issue.status().isActive()) return new Told(List.of(), List.of(), List.of());
            Instant now = actions.now();
            Priority priority = issue.priority();
            Map<Long, TimelineNews.Memory> memories = heard.memories(number);
            // people told the same sentence are told in one message (a first result reads like a raise)
            Map<String, Set<Long>> groups = new LinkedHashMap<>();
            List<String> held = new ArrayList<>();
            for (Requester r : store.requesters(number)) {
                if (r.how() == Requester.How.GITHUB) continue; // told on GitHub
                TimelineNews.Decision d = TimelineNews.decide(
                        memories.getOrDefault(r.userId(), TimelineNews.Memory.NOTHING), priority, now);
                switch (d) {
                    case TimelineNews.Decision.Tell t ->
                        groups.computeIfAbsent(text(issue, t), g -> new LinkedHashSet<>())
                                .add(r.userId());
                    case TimelineNews.Decision.Silent s -> {
                        if (!s.why().startsWith("already")) held.add("<@" + r.userId() + "> (" + s.why() + ")");
                    }
                }
            }
            List<Long> inThread = new ArrayList<>();
            List<Long> byDm = new ArrayList<>();
            List<Long> unreachable = new ArrayList<>();
            TimelineNews.Heard now_ = new TimelineNews.Heard(priority, promised(priority), now);
            for (Map.Entry<String, Set<Long>> g : groups.entrySet()) {
                Told told = actions.tellSome(jda, number, g.getKey(), g.getValue());
                for (Long id : told.inThread()) heard.told(number, id, now_);
                for (Long id : told.byDm()) heard.told(number, id, now_);
                inThread.addAll(told.inThread());
                byDm.addAll(told.byDm());
                unreachable.addAll(told.unreachable());
            }
            Told all = new Told(inThread, byDm, unreachable);
            if (all.addressed() > 0) {
                store.addHistory(
                        number,
                        null,
                        "notice",
                        "requesters told the timeline of " + priority.label() + " (" + all.people() + ")",
                        now);
            }
            if (!held.isEmpty()) {
                store.addHistory(
                        number,
                        null,
                        "notice",
                        "not told again, as it undoes what they heard within a day: " + String.join(", ", held),
                        now);
            }
            return all;
        }
    }

    private String text(Issue issue, TimelineNews.Decision.Tell g) {
        Priority to = issue.priority();
        return switch (g.kind()) {
            case FIRST, RAISED -> TimelineNotice.of(issue, to, views.timeline(to));
            case WITHDRAWN -> TimelineNotice.lowered(issue, g.from(), views.timeline(g.from()), views.timeline(to));
            case LOWERED -> TimelineNotice.movedDown(issue, g.from(), views.timeline(to));
        };
    }
}
