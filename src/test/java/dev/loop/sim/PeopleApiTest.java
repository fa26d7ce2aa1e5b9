package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The people API, with the bot played over raw HTTP so every step is explicit. */
class PeopleApiTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T10:00:00Z"));
    private Sim sim;
    private RawRest bot;
    private SimGuild guild;
    private SimChannel general;
    private SimMember alice;

    @BeforeEach
    void start() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        sim = Sim.start(SimOptions.defaults().clock(clock).awaitTimeout(Duration.ofSeconds(3)));
        bot = new RawRest(sim);
        guild = sim.guild("g");
        general = guild.textChannel("general");
        alice = guild.member("alice");
        bot.put("applications/" + sim.applicationId() + "/commands", "[{\"name\":\"menu\",\"description\":\"Menu\"}]");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimMessage botMessageWithComponents() {
        bot.post(
                "channels/" + general.id() + "/messages",
                "{\"content\":\"pick\",\"components\":["
                        + "{\"type\":1,\"components\":[{\"type\":3,\"custom_id\":\"prio\",\"placeholder\":\"Priority\","
                        + "\"options\":[{\"label\":\"High\",\"value\":\"high\"},{\"label\":\"Low\",\"value\":\"low\"}]}]},"
                        + "{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Done\",\"custom_id\":\"done\"},"
                        + "{\"type\":2,\"style\":2,\"label\":\"Off\",\"custom_id\":\"off\",\"disabled\":true},"
                        + "{\"type\":2,\"style\":5,\"label\":\"Docs\",\"url\":\"https://example.com\"}]}]}");
        return general.lastMessage();
    }

    private void callback(SimInteraction i, String body) {
        assertThat(bot.post("interactions/" + i.id() + "/" + i.token() + "/callback", body)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void selectsSendValuesAndDeferredUpdatesWaitForTheEdit() {
        SimMessage m = botMessageWithComponents();
        assertThat(m.selects().get(0).options())
                .extracting(SimMessage.SelectOption::label)
                .containsExactly("High", "Low");
        SimInteraction pick = alice.selectOption(m, "Priority", "High");
        assertThat(pick.state.data.path("values").get(0).asText()).isEqualTo("high");
        assertThat(pick.state.data.path("component_type").asInt()).isEqualTo(3);
        callback(pick, "{\"type\":6}");
        bot.patch(
                "webhooks/" + sim.applicationId() + "/" + pick.token() + "/messages/@original",
                "{\"content\":\"High it is\",\"components\":[]}");
        SimMessage updated = pick.awaitUpdate();
        assertThat(updated.content()).isEqualTo("High it is");
        assertThat(updated.selects()).isEmpty();
    }

    @Test
    void buttonsRespectDisabledAndLinkStyles() {
        SimMessage m = botMessageWithComponents();
        assertThatThrownBy(() -> alice.pressButton(m, "Off")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alice.pressButton(m, "Docs")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.pressButton(m, "Nope")).isInstanceOf(IllegalArgumentException.class);
        SimInteraction done = alice.pressButton(m, "Done");
        assertThat(done.state.data.path("custom_id").asText()).isEqualTo("done");
        callback(done, "{\"type\":6}");
        bot.patch("channels/" + general.id() + "/messages/" + m.id(), "{\"content\":\"finished\"}");
        assertThat(done.awaitUpdate().content()).isEqualTo("finished");
    }

    @Test
    void followUpsAndDeletingTheOriginal() {
        SimInteraction i = alice.runSlash(general, "menu");
        callback(i, "{\"type\":4,\"data\":{\"content\":\"first\"}}");
        bot.post("webhooks/" + sim.applicationId() + "/" + i.token(), "{\"content\":\"second\"}");
        assertThat(i.awaitReplies(2)).extracting(SimMessage::content).containsExactly("first", "second");
        SimMessage first = i.replies().get(0);
        assertThat(bot.delete("webhooks/" + sim.applicationId() + "/" + i.token() + "/messages/@original")
                        .status())
                .isEqualTo(204);
        assertThat(first.deleted()).isTrue();
        assertThat(general.messages()).extracting(SimMessage::content).containsExactly("second");
    }

    @Test
    void pollsEndWhenTheClockPassesTheirExpiry() {
        bot.post(
                "channels/" + general.id() + "/messages",
                "{\"poll\":{\"question\":{\"text\":\"Ship it?\"},"
                        + "\"answers\":[{\"poll_media\":{\"text\":\"Yes\"}},{\"poll_media\":{\"text\":\"No\"}}],"
                        + "\"duration\":1}}");
        SimMessage poll = general.lastMessage();
        alice.vote(poll, "Yes");
        assertThat(sim.finalizeExpiredPolls()).isEmpty();
        now.set(now.get().plus(Duration.ofMinutes(61)));
        SimMessage result = sim.finalizeExpiredPolls().get(0);
        assertThat(result.pollResult()).containsEntry("victor_answer_text", "Yes");
        assertThat(result.pinged()).containsExactly(sim.botId());
        assertThat(poll.poll().finalized()).isTrue();
        assertThat(Json.read(poll.json()).path("timestamp").asText()).startsWith("2026-11-26T10:00:00");
    }

    @Test
    void threadsFromMessagesAndPrivateThreads() {
        SimMessage m = alice.say(general, "discuss");
        SimChannel thread = alice.startThread(m, "discussion");
        assertThat(thread.id()).isEqualTo(m.id());
        assertThat(m.thread()).isEqualTo(thread);
        assertThatThrownBy(() -> alice.startThread(m, "again")).isInstanceOf(IllegalStateException.class);

        guild.botRole()
                .setPermissions(
                        net.dv8tion.jda.api.Permission.VIEW_CHANNEL,
                        net.dv8tion.jda.api.Permission.MESSAGE_SEND,
                        net.dv8tion.jda.api.Permission.MESSAGE_SEND_IN_THREADS,
                        net.dv8tion.jda.api.Permission.MESSAGE_HISTORY);
        SimChannel secret = alice.startPrivateThread(general, "secret");
        assertThat(bot.get("channels/" + secret.id()).code()).isEqualTo(50001); // not a member, no MANAGE_THREADS
        assertThat(bot.get("channels/" + thread.id()).status()).isEqualTo(200);
    }

    @Test
    void moderatedTagsNeedManageThreads() {
        SimChannel forum = guild.forum("support", "bug").tag("confirmed", true);
        assertThatThrownBy(() -> alice.postInForum(forum, "t", "b", "confirmed"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("50013");
        SimChannel post = alice.postInForum(forum, "t", "b", "bug");
        long bug = forum.tagId("bug");
        long confirmed = forum.tagId("confirmed");
        assertThat(bot.patch("channels/" + post.id(), "{\"applied_tags\":[\"" + bug + "\",\"" + confirmed + "\"]}")
                        .status())
                .isEqualTo(200); // the bot is an administrator
        assertThat(post.appliedTags()).containsExactly("bug", "confirmed");
        forum.requireTag(true);
        assertThatThrownBy(() -> alice.postInForum(forum, "untagged", "b")).hasMessageContaining("40067");
    }

    @Test
    void rolePingsReachMembersAndLeavingRemovesThem() {
        SimRole eng = guild.createRole("engineers", 0, true);
        SimMember bob = guild.member("bob").addRole(eng);
        SimMessage call = alice.say(general, "paging " + eng.mention());
        assertThat(call.pingedRoles()).containsExactly(eng.id());
        assertThat(bob.pingsReceived()).containsExactly(call);
        assertThat(bob.awaitPing(msg -> msg.content().startsWith("paging"))).isEqualTo(call);
        bob.leave();
        assertThat(guild.findMember("bob")).isEmpty();
        assertThat(bot.get("guilds/" + guild.id() + "/members/" + bob.id()).code())
                .isEqualTo(10007);
    }

    @Test
    void restLatencyIsApplied() {
        sim.faults().restLatency(Duration.ofMillis(150));
        SimFaults.Delays before = sim.faults().delays();
        bot.get("users/@me");
        SimFaults.Delays after = sim.faults().delays();
        assertThat(after.restRequests() - before.restRequests()).isEqualTo(1);
        assertThat(after.restTotal().minus(before.restTotal())).isEqualTo(Duration.ofMillis(150));
        sim.faults().clear();
    }

    @Test
    void timeoutsExplainWhatHappened() {
        SimInteraction i = alice.runSlash(general, "menu");
        assertThatThrownBy(i::awaitReply)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a reply to /menu")
                .hasMessageContaining("alice: /menu")
                .hasMessageContaining("REST calls");
    }

    @Test
    void threadsAutoArchiveWhenTheClockPassesTheirDuration() {
        SimChannel forum = guild.forum("support", "bug");
        SimChannel quiet = alice.postInForum(forum, "quiet", "anyone?", "bug");
        now.set(now.get().plus(Duration.ofDays(2)));
        SimChannel busy = alice.postInForum(forum, "busy", "hello", "bug");
        now.set(now.get().plus(Duration.ofDays(1)).plusSeconds(1)); // quiet: 3 days + 1 s idle; busy: 1 day + 1 s
        assertThat(sim.archiveInactiveThreads()).containsExactly(quiet);
        assertThat(quiet.archived()).isTrue();
        assertThat(busy.archived()).isFalse();
        alice.say(quiet, "bump");
        assertThat(quiet.archived()).isFalse();
    }
}
