package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.config.Config;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStatus;
import dev.loop.issue.Priority;
import dev.loop.issue.TimelineNotice;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    static Issue issue(int number, String title, Priority priority, Instant promise, Long owner) {
        return new Issue(
                number,
                title,
                IssueKind.BUG,
                "s",
                IssueStatus.OPEN,
                priority,
                null,
                null,
                null,
                owner,
                false,
                promise,
                null,
                null,
                null,
                false,
                0,
                1L,
                T0,
                T0,
                null,
                null,
                null,
                null); // the priority's source: not known
    }

    @Nested
    class Notices {
        @Test
        void framesTheConfiguredTimeline() {
            Issue i = issue(12, "Installer crashes", Priority.HIGH, null, null);
            assertThat(TimelineNotice.of(i, Priority.HIGH, "this week or next week"))
                    .isEqualTo("Update on **#12** Installer crashes: it's **High** — this week or next week.");
            assertThat(TimelineNotice.of(
                            i,
                            Priority.LOW,
                            "we won't get to it right away — if it becomes a blocker, "
                                    + "press This blocks me and we'll bump it up."))
                    .endsWith("it's **Low** — we won't get to it right away — if it becomes a blocker, press This "
                            + "blocks me and we'll bump it up.");
        }

        @Test
        void titlesCannotPingOrFormat() {
            Issue i = issue(3, "@everyone <@123> **bold**", Priority.FIX_NOW, null, null);
            String text = TimelineNotice.of(i, Priority.FIX_NOW, "today or tomorrow");
            assertThat(text)
                    .doesNotContain("@everyone")
                    .doesNotContain("<@123>")
                    .contains("\\*\\*bold\\*\\*");
            assertThat(TimelineNotice.working(i)).contains("working on it now").doesNotContain("<@123>");
        }
    }

    @Nested
    class Reactions {
        final Config.Reactions config = new Config.Reactions("📌", "👍", "🔥", "⬆️", "⬇️");

        @Test
        void mapsThePriorityReactions() {
            assertThat(ReactionTriage.priorityFor("🔥", config)).contains(Priority.FIX_NOW);
            assertThat(ReactionTriage.priorityFor("⬆️", config)).contains(Priority.HIGH);
            assertThat(ReactionTriage.priorityFor("⬇️", config)).contains(Priority.LOW);
        }

        @Test
        void ignoresTheVariationSelector() {
            assertThat(ReactionTriage.priorityFor("⬆", config)).contains(Priority.HIGH);
            assertThat(ReactionTriage.priorityFor("⬇", config)).contains(Priority.LOW);
        }

        @Test
        void otherReactionsMeanNothing() {
            assertThat(ReactionTriage.priorityFor("👍", config)).isEmpty();
            assertThat(ReactionTriage.priorityFor("📌", config)).isEmpty();
            assertThat(ReactionTriage.priorityFor("", config)).isEmpty();
            assertThat(ReactionTriage.priorityFor(null, config)).isEmpty();
        }

        @Test
        void customEmojiCompareById() {
            Config.Reactions custom = new Config.Reactions("📌", "👍", "fire:123456789012345678", "⬆️", "⬇️");
            assertThat(ReactionTriage.priorityFor("<:fire:123456789012345678>", custom))
                    .contains(Priority.FIX_NOW);
            assertThat(ReactionTriage.priorityFor("<:flame:123456789012345678>", custom))
                    .contains(Priority.FIX_NOW);
            assertThat(ReactionTriage.priorityFor("<:fire:999999999999999999>", custom))
                    .isEmpty();
            assertThat(ReactionTriage.priorityFor("🔥", custom)).isEmpty();
        }
    }

    @Nested
    class Schedule {
        final DailySchedule nineInBerlin = new DailySchedule(LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"));

        @Test
        void dueFromTheLocalTimeOnward() {
            // 07:59 UTC = 08:59 in Berlin (CET)
            assertThat(nineInBerlin.dueKey(Instant.parse("2026-11-02T07:59:00Z")))
                    .isEmpty();
            assertThat(nineInBerlin.dueKey(Instant.parse("2026-11-02T08:00:00Z")))
                    .contains("2026-11-02");
            assertThat(nineInBerlin.dueKey(Instant.parse("2026-11-02T22:59:00Z")))
                    .contains("2026-11-02");
            // 23:00 UTC is already the next day in Berlin, before 09:00
            assertThat(nineInBerlin.dueKey(Instant.parse("2026-11-02T23:00:00Z")))
                    .isEmpty();
        }

        @Test
        void nextRunIsTodayBeforeTheTimeAndTomorrowAfter() {
            assertThat(nineInBerlin.nextRun(Instant.parse("2026-11-02T07:00:00Z")))
                    .isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
            assertThat(nineInBerlin.nextRun(Instant.parse("2026-11-02T08:00:00Z")))
                    .isEqualTo(Instant.parse("2026-11-03T08:00:00Z"));
        }

        @Test
        void followsSummerTime() {
            DailySchedule s = new DailySchedule(LocalTime.of(9, 0), ZoneId.of("Europe/Berlin"));
            assertThat(s.dueKey(Instant.parse("2026-07-01T06:59:00Z"))).isEmpty();
            assertThat(s.dueKey(Instant.parse("2026-07-01T07:00:00Z"))).contains("2026-07-01");
        }
    }

    @Nested
    class PastDue {
        @Test
        void nothingPastDueMeansNoNote() {
            assertThat(PastDueNote.render(List.of(), T0)).isEmpty();
        }

        @Test
        void mostOverdueFirstWithOwnersNamed() {
            Instant now = T0.plus(Duration.ofDays(10));
            List<String> note = PastDueNote.render(
                    List.of(
                            issue(2, "Sync stalls", Priority.HIGH, T0.plus(Duration.ofDays(9)), null),
                            issue(1, "Installer crashes", Priority.FIX_NOW, T0.plus(Duration.ofDays(2)), 42L)),
                    now);
            assertThat(note).singleElement().satisfies(m -> {
                String[] lines = m.split("\n");
                assertThat(lines[0]).isEqualTo("⏰ **Promises past due** (2)");
                assertThat(lines[1])
                        .startsWith("• **#1** Installer crashes — Fix it now, promised by <t:")
                        .contains("(8 days late)")
                        .endsWith("owner <@42>");
                assertThat(lines[2])
                        .startsWith("• **#2** Sync stalls — High")
                        .contains("(1 day late)")
                        .endsWith("no owner");
            });
        }

        @Test
        void longListsAreSplitUnderTheLimit() {
            List<Issue> many = new ArrayList<>();
            for (int i = 1; i <= 60; i++) many.add(issue(i, "x".repeat(90), Priority.HIGH, T0, 42L));
            List<String> note = PastDueNote.render(many, T0.plus(Duration.ofHours(5)));
            assertThat(note)
                    .hasSizeGreaterThan(1)
                    .allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(2000));
            assertThat(String.join("\n", note)).contains("(5 hours late)").contains("**#60**");
        }

        @Test
        void overdueWording() {
            assertThat(PastDueNote.overdue(Duration.ofMinutes(10))).isEqualTo("less than an hour");
            assertThat(PastDueNote.overdue(Duration.ofHours(1))).isEqualTo("1 hour");
            assertThat(PastDueNote.overdue(Duration.ofDays(1).plusHours(3))).isEqualTo("1 day");
        }
    }
}
