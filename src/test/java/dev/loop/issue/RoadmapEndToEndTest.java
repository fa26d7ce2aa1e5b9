package dev.loop.issue;

import static dev.loop.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimMessage;
import dev.loop.testing.Captured;
import dev.loop.testing.Community;
import dev.loop.testing.EndToEnd;
import dev.loop.testing.Seen;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/roadmap` and the area and owner filters of `/issue list`, as people see them. */
@EndToEnd
class RoadmapEndToEndTest {

    @RegisterExtension
    static final Community s = Community.at("2026-11-02T10:00:00Z")
            .forumTags("installer", "sync", "tracked", "shipped")
            .build();

    @Test
    void theRoadmapShowsEachAreaByPriorityWithWorkAndPromisesAndListsFilterByAreaAndOwner() {
        Captured urgent = s.capture(s.alice, "Installer hangs at 99 percent", "Stuck forever", "installer");
        Captured soon = s.capture(s.bob, "Installer forgets the language", "Always English", "installer");
        Captured elsewhere = s.capture(s.carol, "Sync drops @everyone comments", "Lost on the way");
        s.erin.react(urgent.card(), "🔥");
        s.erin.react(soon.card(), "⬆️");
        eventually(
                "both priorities set",
                () -> s.issue(urgent.number()).priority() == Priority.FIX_NOW
                        && s.issue(soon.number()).priority() == Priority.HIGH);
        s.erin.runSlash(elsewhere.post(), "issue assign", Map.of("number", elsewhere.number(), "owner", s.erin))
                .awaitReply();
        s.erin.runSlash(elsewhere.post(), "issue working", Map.of("number", elsewhere.number()))
                .awaitReply();
        eventually("in progress", () -> s.issue(elsewhere.number()).status() == IssueStatus.IN_PROGRESS);

        SimMessage first = s.alice.runSlash(s.help, "roadmap").awaitReply();
        assertThat(first.ephemeral()).isTrue();
        SimMessage.Embed installer = first.embeds().getFirst();
        assertThat(installer.title()).isEqualTo("Roadmap · Installer");
        assertThat(installer.description()).isEqualTo("Everyone's issues · 2 active");
        assertThat(installer.field("Fix it now (1)")).startsWith("**#" + urgent.number() + "** Installer hangs");
        assertThat(installer.field("High (1)")).startsWith("**#" + soon.number() + "** Installer forgets");
        assertThat(installer.field("Promises"))
                .contains("**#" + urgent.number() + "**")
                .contains("· due <t:");
        assertThat(installer.footer()).isEqualTo("Area 1 of 2");
        assertThat(first.pinged()).isEmpty();

        SimMessage second = s.alice.pressButton(first, "Next").awaitUpdate();
        SimMessage.Embed noArea = second.embeds().getFirst();
        assertThat(noArea.title()).isEqualTo("Roadmap · No area");
        assertThat(noArea.field("Working on (1)"))
                .startsWith("**#" + elsewhere.number() + "** Sync drops")
                .doesNotContain("@everyone comments");
        Seen.assertPager(second, true, false);

        SimMessage erins =
                s.erin.runSlash(s.team, "roadmap", Map.of("owner", s.erin)).awaitReply();
        assertThat(erins.embeds().getFirst().title()).isEqualTo("Roadmap · No area");
        assertThat(erins.embeds().getFirst().description()).startsWith("Issues owned by <@" + s.erin.id() + "> · 1");
        assertThat(erins.buttons()).isEmpty();

        SimMessage byArea = s.alice
                .runSlash(s.help, "issue list", Map.of("area", "Installer"))
                .awaitReply();
        assertThat(byArea.embeds().getFirst().title()).isEqualTo("Open issues · Installer");
        assertThat(byArea.embeds().getFirst().description().lines()).hasSize(2).allMatch(l -> l.contains("Installer"));
        SimMessage byOwner =
                s.alice.runSlash(s.help, "issue list", Map.of("owner", s.erin)).awaitReply();
        assertThat(byOwner.embeds().getFirst().description())
                .startsWith("**#" + elsewhere.number() + "**")
                .doesNotContain("Installer");
    }
}
