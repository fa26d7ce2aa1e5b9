package dev.loop.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.issue.Issue;
import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A release in progress shows progress: the team channel's message about a publishing release counts the requesters
 * told, is edited a few times (never once per notice, never drawing a 429) and ends with the tally. Notices go by
 * DM; opening DM channels is held to 40 a second, so 480 notices take long enough for the count to move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReleaseProgressE2ETest {

    private static final Pattern SO_FAR = Pattern.compile("Notified (\\d+) of 480 requesters so far\\.");
    private static final String EDIT = "PATCH channels/{channel_id}/messages/{message_id}";

    ReleaseWorld w;

    @BeforeAll
    void start() throws Exception {
        w = new ReleaseWorld(
                "dm",
                new NoticeWorker.Options(Duration.ofSeconds(1), 0.01, Duration.ofMillis(5), 4, Duration.ofSeconds(1)));
        // Discord's edit limit per channel, and a slow DM route so delivery takes several seconds
        w.sim.rateLimits().limit(EDIT, 5, Duration.ofSeconds(5));
        w.sim.rateLimits().limit("POST users/@me/channels", 40, Duration.ofSeconds(1));
    }

    @AfterAll
    void stop() {
        if (w != null) w.close();
    }

    @Test
    void fourHundredEightyRequestersAreCountedAFewTimesThenAllTold() throws Exception {
        SimMember owner = w.guild.member("ruth");
        List<SimMember> crowd = new ArrayList<>();
        for (int i = 0; i < 479; i++) crowd.add(w.guild.member("asker" + i));
        SimChannel post = owner.postInForum(w.support, "Offline mode", "Could you add offline mode?", "bug");
        Issue issue = w.issue("Offline mode", post, owner, crowd, false);
        long editsBefore = w.sim.rateLimits().requests(EDIT);

        Set<String> seen = new LinkedHashSet<>();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                progressMessage("7.0.0").map(SimMessage::content).ifPresent(seen::add);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Release r;
        try {
            r = w.publish("7.0.0", "#" + issue.number());
            w.sim.await(
                    "the final tally",
                    () -> progressMessage("7.0.0")
                            .map(m -> m.content().contains("were told"))
                            .orElse(false));
        } finally {
            watcher.interrupt();
            watcher.join();
        }
        ReleaseStatus status = w.awaitDelivered(r);
        assertThat(status.delivered()).isEqualTo(480);

        SimMessage progress = progressMessage("7.0.0").orElseThrow();
        assertThat(progress.content()).isEqualTo("📣 **7.0.0** is published. All 480 requesters were told.");
        seen.add(progress.content());
        List<Integer> counts = new ArrayList<>();
        for (String s : seen) {
            Matcher m = SO_FAR.matcher(s);
            if (m.find()) counts.add(Integer.parseInt(m.group(1)));
        }
        // the count moved a few times, upwards, and was never edited once per notice
        assertThat(counts.stream().filter(n -> n > 0 && n < 480)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(counts).isSorted();
        long edits = w.sim.rateLimits().requests(EDIT) - editsBefore;
        assertThat(edits).isBetween(2L, 11L);
        assertThat(w.sim.rateLimits().rateLimited(EDIT)).isZero();
        assertThat(w.sim.rateLimits().rateLimitedByBucket().keySet())
                .noneMatch(k -> k.contains(String.valueOf(w.team.id())));

        // one message in the team channel for it, pinging no one; each requester heard once, by DM
        assertThat(w.team.messages().stream()
                        .filter(SimMessage::fromBot)
                        .filter(m -> m.content().startsWith("📣") && m.content().contains("7.0.0")))
                .hasSize(1);
        assertThat(progress.pinged()).isEmpty();
        assertThat(w.engineer.pingsReceived()).noneMatch(m -> m.content().contains("7.0.0"));
        assertThat(owner.dmsFromBot())
                .filteredOn(m -> m.content().contains("7.0.0"))
                .hasSize(1);
        for (SimMember m : crowd)
            assertThat(m.dmsFromBot())
                    .as(m.name())
                    .filteredOn(d -> d.content().contains("7.0.0"))
                    .hasSize(1);
    }

    @Test
    void theTallySaysHowManyCouldNotBeReached() {
        SimMember vera = w.guild.member("vera");
        SimMember walt = w.guild.member("walt");
        SimChannel post = vera.postInForum(w.support, "Quiet hours", "Could you add quiet hours?", "bug");
        SimChannel lockedPost = walt.postInForum(w.support, "Silent mode", "Could you add silent mode?", "bug");
        Issue issue = w.issue("Quiet hours", post, vera, List.of(), false);
        Issue locked = w.issue("Silent mode", lockedPost, walt, List.of(), false);
        walt.closeDms(); // DMs closed and a locked post: no way left to tell walt
        lockedPost.lock();

        Release r = w.publish("7.1.0", "#" + issue.number() + " #" + locked.number());
        w.awaitDelivered(r);
        w.sim.await(
                "the final tally",
                () -> progressMessage("7.1.0")
                        .map(m -> m.content().contains("were told"))
                        .orElse(false));
        SimMessage progress = progressMessage("7.1.0").orElseThrow();
        assertThat(progress.content())
                .isEqualTo("📣 **7.1.0** is published. 1 of 2 requesters were told; 1 could not be reached"
                        + " (/release-status 7.1.0 says who).");
        assertThat(progress.pinged()).isEmpty();
    }

    private Optional<SimMessage> progressMessage(String version) {
        return w.team.messages().stream()
                .filter(SimMessage::fromBot)
                .filter(m -> m.content().startsWith("📣") && m.content().contains("**" + version + "**"))
                .findFirst();
    }
}
