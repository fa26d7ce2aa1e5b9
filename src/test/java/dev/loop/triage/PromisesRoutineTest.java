package dev.loop.triage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.MovableClock;
import dev.loop.core.RoutineRuns;
import dev.loop.core.config.Config;
import dev.loop.core.config.ConfigLoader;
import dev.loop.core.config.ConfigYaml;
import dev.loop.issue.Fixtures;
import dev.loop.issue.Issue;
import dev.loop.issue.IssueKind;
import dev.loop.issue.IssueStore;
import dev.loop.issue.NewIssue;
import dev.loop.issue.Priority;
import dev.loop.issue.Requester;
import dev.loop.testing.SqliteTest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.Test;

/** The daily note's claim on its day when nothing can be posted. */
class PromisesRoutineTest extends SqliteTest {

    /** Each issue is captured from its own post, as in Discord. */
    private long nextPost = 501L;

    static final Instant MONDAY_10 = Instant.parse("2026-11-02T10:00:00Z");

    /** A JDA that sees no channel at all, as when the team channel was deleted or hidden from Loop. */
    static final JDA BLIND = (JDA)
            Proxy.newProxyInstance(JDA.class.getClassLoader(), new Class<?>[] {JDA.class}, (proxy, method, args) -> {
                if (method.getName().equals("getChannelById")) return null;
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void aDayWhoseNoteCouldNotBePostedIsGivenBackAndTriedAgain() {
        Config config = ConfigLoader.parse(
                ConfigYaml.required(
                                100000000000000001L,
                                "http://127.0.0.1:1/api",
                                "ws://127.0.0.1:1",
                                List.of(100000000000000002L),
                                100000000000000004L,
                                100000000000000005L,
                                100000000000000006L)
                        + """
                reports:
                  promises-daily:
                    enabled: true
                    time: "09:00"
                    zone: UTC
                """,
                "test.yaml",
                Map.of());
        IssueStore issues = new IssueStore(db);
        Issue issue = issues.create(
                new NewIssue("Login fails", IssueKind.BUG, "s", false, null, null),
                Fixtures.forumPost(nextPost++),
                List.of(7L),
                Requester.How.AUTHOR,
                List.of(),
                false,
                900L,
                MONDAY_10.minus(Duration.ofDays(3)));
        issues.setPriority(
                issue.number(),
                Priority.FIX_NOW,
                "blocked",
                "blocked=y",
                MONDAY_10.minus(Duration.ofDays(1)),
                900L,
                MONDAY_10.minus(Duration.ofDays(3)));
        RoutineRuns runs = new RoutineRuns(db);
        MovableClock clock = MovableClock.stoppedAt(MONDAY_10);
        PromisesRoutine routine = new PromisesRoutine(config, runs, issues, clock);

        assertThat(routine.runIfDue(BLIND)).isEqualTo(new PromisesRoutine.NotPosted("2026-11-02"));
        assertThat(runs.ran(PromisesRoutine.NAME, "2026-11-02")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(routine.runIfDue(BLIND)).isEqualTo(new PromisesRoutine.NotPosted("2026-11-02"));
        assertThat(runs.ran(PromisesRoutine.NAME, "2026-11-02")).isFalse();
    }
}
