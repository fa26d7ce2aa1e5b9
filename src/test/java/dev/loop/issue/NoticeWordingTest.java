package dev.loop.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sentence Loop says about an issue's standing or timeline, rendered for every status and priority and for a
 * title with and without its own full stop: each reads as a sentence a person would write, with no templated
 * fragment ("Open, Untriaged: …", "now now", "<title>. was", a finished issue still promising a week).
 */
class NoticeWordingTest {

    static final Config.Timelines TIMELINES = new Config.Timelines(
            new Config.Timeline("today or tomorrow", Duration.ofDays(2)),
            new Config.Timeline("this week or next week", Duration.ofDays(14)),
            new Config.Timeline(
                    "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it"
                            + " up",
                    null));
    static final IssueViews VIEWS = new IssueViews(TIMELINES);

    static List<Issue> everyIssue() {
        List<Issue> out = new ArrayList<>();
        for (IssueStatus status : IssueStatus.values())
            for (Priority priority : Priority.values())
                for (String title : List.of("Installer crashes", "Heron icons look blurry.")) {
                    out.add(Fixtures.numbered(12)
                            .title(title)
                            .status(status)
                            .priority(priority)
                            .shippedVersion(status == IssueStatus.SHIPPED ? "2.4.1" : null)
                            .closeReason(status == IssueStatus.CLOSED ? "not planned" : null)
                            .duplicateOf(status == IssueStatus.DUPLICATE ? 7 : null)
                            .build());
                }
        return out;
    }

    static void readsAsASentence(String text) {
        assertThat(text)
                .as(text)
                .doesNotContain("..")
                .doesNotContain(". was")
                .doesNotContain(".:")
                .doesNotContain("now now")
                .doesNotContain("null")
                .doesNotContain("  ")
                .doesNotContain(" ,")
                .doesNotContain(" .")
                .doesNotContain("Untriaged:")
                .doesNotContain("Open,")
                .doesNotContain("Fixed, waiting for a release,")
                .doesNotContain("— —");
        assertThat(text.endsWith(".") || text.endsWith("!") || text.endsWith("?"))
                .as(text)
                .isTrue();
    }

    @Test
    void whereAnIssueStandsReadsAsASentenceForEveryStatus() {
        for (Issue i : everyIssue()) {
            String linked = "Linked to " + IssueViews.named(i) + " — " + VIEWS.standing(i) + ".";
            readsAsASentence(linked);
            if (!i.status().isActive() || i.status() == IssueStatus.FIXED) {
                assertThat(linked)
                        .as("a finished or fixed issue promises no timeline: " + linked)
                        .doesNotContain("week")
                        .doesNotContain("tomorrow")
                        .doesNotContain("right away");
            }
        }
    }

    @Test
    void everyTimelineNoticeReadsAsASentence() {
        for (Issue i : everyIssue()) {
            for (Priority to : Priority.values()) {
                if (to == Priority.UNTRIAGED) continue;
                readsAsASentence(TimelineNotice.of(i, to, VIEWS.timeline(to)));
            }
            if (i.priority() != Priority.UNTRIAGED) {
                for (Priority from : Priority.values()) {
                    if (!from.isAbove(i.priority()) || from == Priority.UNTRIAGED) continue;
                    readsAsASentence(
                            TimelineNotice.lowered(i, from, VIEWS.timeline(from), VIEWS.timeline(i.priority())));
                    readsAsASentence(TimelineNotice.movedDown(i, from, VIEWS.timeline(i.priority())));
                }
            }
            readsAsASentence(TimelineNotice.working(i));
            readsAsASentence(TimelineNotice.closed(i, "fixed by the redesign"));
            readsAsASentence(TimelineNotice.closed(i, "Not planned."));
        }
    }

    @Test
    void aWithdrawnPromiseIsSaidPlainly() {
        Issue low = Fixtures.numbered(12)
                .title("Installer crashes")
                .priority(Priority.LOW)
                .build();
        assertThat(TimelineNotice.lowered(
                        low, Priority.HIGH, VIEWS.timeline(Priority.HIGH), VIEWS.timeline(Priority.LOW)))
                .isEqualTo("Update on **#12** Installer crashes: the team moved it down from **High** to **Low**, so"
                        + " the earlier promise (this week or next week) no longer holds. We won't get to it right"
                        + " away — if it becomes a blocker, press This blocks me and we'll bump it up.");
    }
}
