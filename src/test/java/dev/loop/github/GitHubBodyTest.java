package dev.loop.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GitHubBodyTest {

    static BodyInput input(int number, List<BodyInput.Message> transcript, String summary) {
        return new BodyInput(
                number,
                "Bug",
                "Open",
                summary,
                "High",
                "brought up before",
                "this week or next week",
                "erin",
                null,
                List.of(new BodyInput.PlaceLine("Login fails", "https://discord.com/channels/1/2/3")),
                List.of(new BodyInput.Person("alice", false), new BodyInput.Person("octocat", true)),
                List.of(new BodyInput.ProposalLine("Retry the token refresh", "login --retry", 2, 1)),
                List.of(new BodyInput.Message("alice", Instant.EPOCH, "Version: 1.2", List.of())),
                transcript,
                false);
    }

    static List<BodyInput.Message> messages(int n, int size) {
        List<BodyInput.Message> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BodyInput.Message(
                    "user" + i, Instant.ofEpochSecond(i * 60L), "message " + i + " " + "x".repeat(size), List.of()));
        }
        return out;
    }

    @Test
    void aNewBodyHoldsEveryPartBetweenTheMarkers() {
        String body = GitHubBody.update("", input(7, messages(3, 10), "It fails"));
        assertThat(body).startsWith(GitHubBody.BEGIN).endsWith(GitHubBody.END);
        assertThat(body)
                .contains(GitHubBody.issueMarker(7))
                .contains("It fails")
                .contains("[Login fails](https://discord.com/channels/1/2/3)")
                .contains("alice", "`octocat` on GitHub")
                .contains("High — brought up before")
                .contains("this week or next week")
                .contains("erin")
                .contains("Retry the token refresh", "Solves it: 2", "Doesn't solve it: 1")
                .contains("### Debug details", "Version: 1.2")
                .contains("<details><summary>3 messages</summary>", "message 2");
        assertThat(GitHubBody.markedIssue(body)).contains(7);
    }

    @Test
    void textOutsideTheMarkersIsKeptExactly() {
        String first = GitHubBody.update("", input(7, messages(1, 10), "v1"));
        String edited = "Human note above\n\n" + first + "\n\n- [ ] a task someone added ";
        String updated = GitHubBody.update(edited, input(7, messages(2, 10), "v2"));
        assertThat(updated).startsWith("Human note above\n\n" + GitHubBody.BEGIN);
        assertThat(updated).endsWith(GitHubBody.END + "\n\n- [ ] a task someone added ");
        assertThat(updated).contains("v2").doesNotContain("| v1");
    }

    @Test
    void aBodyWithoutMarkersGetsTheSectionAppended() {
        String updated = GitHubBody.update("someone wiped it", input(7, List.of(), "s"));
        assertThat(updated).startsWith("someone wiped it\n\n" + GitHubBody.BEGIN);
    }

    @Test
    void aHugeTranscriptDropsTheOldestMessagesAndSaysSo() {
        String body = GitHubBody.update("outside", input(7, messages(400, 500), "s"));
        assertThat(body.length()).isLessThanOrEqualTo(GitHubBody.LIMIT);
        assertThat(body).contains("message 399").doesNotContain("message 0 ");
        assertThat(body).containsPattern("The \\d+ oldest messages are not shown");
        assertThat(body).endsWith(GitHubBody.END).startsWith("outside");
    }

    @Test
    void evenAHugeSummaryFits() {
        String body = GitHubBody.update("", input(7, messages(3, 10), "y".repeat(100_000)));
        assertThat(body.length()).isLessThanOrEqualTo(GitHubBody.LIMIT);
        assertThat(body).contains(GitHubBody.issueMarker(7)).endsWith(GitHubBody.END);
        assertThat(body).contains("cut this section");
    }

    @Test
    void summaryModeLeavesTheConversationOut() {
        BodyInput in = input(7, messages(5, 10), "s");
        BodyInput summary = new BodyInput(
                in.number(),
                in.kind(),
                in.status(),
                in.summary(),
                in.priority(),
                in.priorityReason(),
                in.timeline(),
                in.owner(),
                null,
                in.places(),
                in.requesters(),
                in.proposals(),
                in.details(),
                in.transcript(),
                true);
        String body = GitHubBody.update("", summary);
        assertThat(body)
                .contains("5 messages were exchanged")
                .doesNotContain("message 3")
                .doesNotContain("<details>");
    }

    @Test
    void markersInsideWhatPeopleWroteCannotBreakTheSection() {
        List<BodyInput.Message> evil = List.of(
                new BodyInput.Message("mallory", Instant.EPOCH, GitHubBody.END + " </details> @everyone", List.of()));
        String body = GitHubBody.update("", input(7, evil, "<!-- loop:begin -->"));
        assertThat(body.indexOf(GitHubBody.END)).isEqualTo(body.length() - GitHubBody.END.length());
        assertThat(body.indexOf(GitHubBody.BEGIN)).isZero();
        assertThat(body.lastIndexOf(GitHubBody.BEGIN)).isZero();
    }

    @Property(tries = 200)
    void noMentionSurvivesAndTheSectionStaysWhole(
            @ForAll @StringLength(max = 300) String summary,
            @ForAll @StringLength(max = 300) String message,
            @ForAll @StringLength(max = 40) String author,
            @ForAll @StringLength(max = 200) String outside) {
        String safeOutside = outside.replace("<!--", "");
        BodyInput in = new BodyInput(
                3,
                "Bug",
                "Open",
                summary,
                "Low",
                null,
                null,
                author,
                null,
                List.of(new BodyInput.PlaceLine(message, "https://discord.com/channels/1/2/3")),
                List.of(new BodyInput.Person(author, false), new BodyInput.Person(author, true)),
                List.of(new BodyInput.ProposalLine(message, null, 0, 0)),
                List.of(),
                List.of(new BodyInput.Message(author, Instant.EPOCH, message, List.of())),
                false);
        String body = GitHubBody.update(safeOutside, in);
        String section = body.substring(body.indexOf(GitHubBody.BEGIN));
        // a mention is @ followed by a login character; the joiner sits between them everywhere in Loop's section
        assertThat(section).doesNotContainPattern("@[A-Za-z0-9]");
        assertThat(section.indexOf(GitHubBody.END)).isEqualTo(section.length() - GitHubBody.END.length());
        assertThat(body).startsWith(safeOutside);
        assertThat(body.length()).isLessThanOrEqualTo(GitHubBody.LIMIT);
    }
}
