package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discord's rules as seen over raw HTTP, without JDA's client-side checks in the way. */
class RestRulesTest {
    private Sim sim;
    private RawRest rest;
    private SimGuild guild;
    private SimChannel general;
    private SimChannel forum;
    private SimMember alice;

    @BeforeEach
    void start() {
        sim = Sim.start(SimOptions.defaults().globalRateLimit(0));
        rest = new RawRest(sim);
        guild = sim.guild("g");
        general = guild.textChannel("general");
        forum = guild.forum("support", "bug", "feature");
        alice = guild.member("alice");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String messages(SimChannel c) {
        return "channels/" + c.id() + "/messages";
    }

    private static String json(String s) {
        return Json.write(Json.NODES.textNode(s));
    }

    private RawRest.Reply say(SimChannel c, String content) {
        return rest.post(messages(c), "{\"content\":" + json(content) + "}");
    }

    private static JsonNode leaf(RawRest.Reply r, String path) {
        JsonNode n = r.json().path("errors");
        for (String p : path.split("\\.")) {
            n = n.path(p);
        }
        return n.path("_errors").path(0);
    }

    @Test
    void authorizationAndRoutingErrorsUseCodeZero() {
        RawRest.Reply bad = rest.send("GET", "users/@me", null, "Bot wrong");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().toString()).isEqualTo("{\"message\":\"401: Unauthorized\",\"code\":0}");
        assertThat(rest.get("nope/nothing").status()).isEqualTo(404);
        assertThat(rest.get("nope/nothing").code()).isZero();
        assertThat(rest.send("PUT", "users/@me", "{}").status()).isEqualTo(405);
        assertThat(rest.get("users/@me").json().path("username").asText()).isEqualTo("Loop");
    }

    @Test
    void contentLengthAndEmptyMessages() {
        assertThat(say(general, "x".repeat(2000)).status()).isEqualTo(200);
        RawRest.Reply tooLong = say(general, "x".repeat(2001));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo(50035);
        assertThat(tooLong.json().path("message").asText()).isEqualTo("Invalid Form Body");
        assertThat(leaf(tooLong, "content").path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(leaf(tooLong, "content").path("message").asText()).isEqualTo("Must be 2000 or fewer in length.");
        RawRest.Reply empty = rest.post(messages(general), "{\"content\":\"\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo(50006);
    }

    @Test
    void embedLimits() {
        StringBuilder eleven = new StringBuilder("{\"embeds\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{\"title\":\"t\"}");
        }
        RawRest.Reply r = rest.post(messages(general), eleven + "]}");
        assertThat(leaf(r, "embeds").path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");

        r = rest.post(messages(general), "{\"embeds\":[{\"title\":" + json("t".repeat(257)) + "}]}");
        assertThat(leaf(r, "embeds.0.title").path("message").asText()).isEqualTo("Must be 256 or fewer in length.");

        r = rest.post(
                messages(general),
                "{\"embeds\":[{\"fields\":[{\"name\":\"n\",\"value\":" + json("v".repeat(1025)) + "}]}]}");
        assertThat(leaf(r, "embeds.0.fields.0.value").path("message").asText())
                .isEqualTo("Must be 1024 or fewer in length.");

        String big = json("d".repeat(3500));
        r = rest.post(messages(general), "{\"embeds\":[{\"description\":" + big + "},{\"description\":" + big + "}]}");
        assertThat(leaf(r, "embeds").path("code").asText()).isEqualTo("MAX_EMBED_SIZE_EXCEEDED");

        r = rest.post(
                messages(general),
                "{\"embeds\":[{\"title\":\"ok\",\"footer\":{\"text\":" + json("f".repeat(2049)) + "}}]}");
        assertThat(leaf(r, "embeds.0.footer.text").path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");

        r = rest.post(
                messages(general),
                "{\"embeds\":[{\"title\":\"Card\",\"fields\":[{\"name\":\"Status\"," + "\"value\":\"open\"}]}]}");
        assertThat(r.status()).isEqualTo(200);
        SimMessage m = general.lastMessage();
        assertThat(m.embeds().get(0).title()).isEqualTo("Card");
        assertThat(m.embeds().get(0).field("Status")).isEqualTo("open");
    }

    @Test
    void componentLimits() {
        String button = "{\"type\":2,\"style\":1,\"label\":\"b\",\"custom_id\":\"%s\"}";
        StringBuilder six = new StringBuilder("{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":[");
        for (int i = 0; i < 6; i++) {
            six.append(i == 0 ? "" : ",").append(button.formatted("id" + i));
        }
        RawRest.Reply r = rest.post(messages(general), six + "]}]}");
        assertThat(leaf(r, "components.0.components").path("code").asText())
                .isEqualTo("COMPONENT_LAYOUT_WIDTH_EXCEEDED");

        r = rest.post(
                messages(general),
                "{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":[" + button.formatted("same") + ","
                        + button.formatted("same") + "]}]}");
        assertThat(leaf(r, "components.0.components.1.custom_id").path("code").asText())
                .isEqualTo("COMPONENT_CUSTOM_ID_DUPLICATED");

        r = rest.post(
                messages(general),
                "{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":[" + "{\"type\":2,\"style\":1,\"label\":"
                        + json("l".repeat(81)) + ",\"custom_id\":\"a\"}]}]}");
        assertThat(leaf(r, "components.0.components.0.label").path("code").asText())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");

        StringBuilder rows = new StringBuilder("{\"content\":\"x\",\"components\":[");
        for (int i = 0; i < 6; i++) {
            rows.append(i == 0 ? "" : ",")
                    .append("{\"type\":1,\"components\":[")
                    .append(button.formatted("r" + i))
                    .append("]}");
        }
        r = rest.post(messages(general), rows + "]}");
        assertThat(leaf(r, "components").path("message").asText()).isEqualTo("Must be 5 or fewer in length.");

        r = rest.post(
                messages(general),
                "{\"content\":\"x\",\"components\":[{\"type\":1,\"components\":[" + button.formatted("ok") + "]}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(general.lastMessage().buttons().get(0).customId()).isEqualTo("ok");
    }

    @Test
    void unknownResourcesAndForumChannels() {
        assertThat(say(forum, "hi").code()).isEqualTo(50008);
        assertThat(rest.post("channels/42/messages", "{\"content\":\"x\"}").code())
                .isEqualTo(10003);
        RawRest.Reply missing = rest.get(messages(general) + "/42");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo(10008);
    }

    @Test
    void missingAccessVersusMissingPermissions() {
        guild.botRole().setPermissions(net.dv8tion.jda.api.Permission.VIEW_CHANNEL);
        general.deny(guild.botRole(), net.dv8tion.jda.api.Permission.MESSAGE_SEND);
        RawRest.Reply noSend = say(general, "hi");
        assertThat(noSend.status()).isEqualTo(403);
        assertThat(noSend.code()).isEqualTo(50013);
        SimChannel hidden =
                guild.textChannel("hidden").deny(guild.everyone(), net.dv8tion.jda.api.Permission.VIEW_CHANNEL);
        RawRest.Reply noView = say(hidden, "hi");
        assertThat(noView.code()).isEqualTo(50001);
    }

    @Test
    void forumPostsThreadsArchivingAndLocking() {
        long bug = forum.tagId("bug");
        RawRest.Reply post = rest.post(
                "channels/" + forum.id() + "/threads",
                "{\"name\":\"Crash\",\"applied_tags\":[\"" + bug + "\"],\"message\":{\"content\":\"it crashes\"}}");
        assertThat(post.status()).isEqualTo(201);
        long threadId = Json.id(post.json().get("id"));
        assertThat(post.json().path("message").path("id").asText()).isEqualTo(Long.toString(threadId));
        SimChannel thread = forum.threads().get(0);
        assertThat(thread.appliedTags()).containsExactly("bug");

        RawRest.Reply six = rest.post(
                "channels/" + forum.id() + "/threads",
                "{\"name\":\"x\",\"applied_tags\":[1,2,3,4,5,6],\"message\":{\"content\":\"x\"}}");
        assertThat(six.code()).isEqualTo(50035);

        thread.archive();
        assertThat(say(thread, "bump").status()).isEqualTo(200);
        assertThat(thread.archived()).isFalse(); // sending unarchives an unlocked thread

        RawRest.Reply patch = rest.patch("channels/" + threadId, "{\"archived\":true}");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(rest.patch("channels/" + threadId, "{\"locked\":true}").code())
                .isEqualTo(50083);
        assertThat(rest.patch("channels/" + threadId, "{\"archived\":false,\"locked\":true}")
                        .status())
                .isEqualTo(200);
        thread.archive();
        RawRest.Reply closed = say(thread, "anyone?");
        assertThat(closed.code()).isEqualTo(50083);
        assertThatThrownBy(() -> alice.say(thread, "me?"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("50083");

        JsonNode active = rest.get("guilds/" + guild.id() + "/threads/active").json();
        assertThat(active.path("threads")).isEmpty();
    }

    @Test
    void enforceNonceDeduplicates() {
        String body = "{\"content\":\"once\",\"nonce\":\"abc\",\"enforce_nonce\":true}";
        RawRest.Reply first = rest.post(messages(general), body);
        RawRest.Reply second = rest.post(messages(general), body);
        assertThat(second.json().path("id")).isEqualTo(first.json().path("id"));
        assertThat(general.messages()).hasSize(1);
        rest.delete(messages(general) + "/" + first.json().path("id").asText());
        assertThat(rest.post(messages(general), body).code()).isEqualTo(10008);
        RawRest.Reply longNonce =
                rest.post(messages(general), "{\"content\":\"x\",\"nonce\":" + json("n".repeat(26)) + "}");
        assertThat(leaf(longNonce, "nonce").path("code").asText()).isEqualTo("NONCE_TYPE_TOO_LONG");
    }

    @Test
    void allowedMentionsDecideWhoIsPinged() {
        SimRole eng = guild.createRole("eng", 0, false);
        SimMember bob = guild.member("bob").addRole(eng);
        String text = "@everyone " + alice.mention() + " " + eng.mention();

        say(general, text);
        SimMessage all = general.lastMessage();
        assertThat(all.pingedEveryone()).isTrue(); // the bot is an administrator
        assertThat(all.pinged()).containsExactly(alice.id());
        assertThat(all.pingedRoles()).containsExactly(eng.id());
        assertThat(all.pings(bob)).isTrue();

        rest.post(messages(general), "{\"content\":" + json(text) + ",\"allowed_mentions\":{\"parse\":[]}}");
        SimMessage none = general.lastMessage();
        assertThat(none.pinged()).isEmpty();
        assertThat(none.pingedEveryone()).isFalse();
        assertThat(none.pings(bob)).isFalse();

        rest.post(
                messages(general),
                "{\"content\":" + json(text) + ",\"allowed_mentions\":{\"users\":[\"" + bob.id() + "\"]}}");
        assertThat(general.lastMessage().pinged()).isEmpty(); // listed but not in the text

        RawRest.Reply exclusive = rest.post(
                messages(general),
                "{\"content\":\"x\",\"allowed_mentions\":{\"parse\":" + "[\"users\"],\"users\":[\"" + bob.id()
                        + "\"]}}");
        assertThat(exclusive.code()).isEqualTo(50035);
        assertThat(leaf(exclusive, "allowed_mentions").path("code").asText())
                .isEqualTo("MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE");

        SimMessage fromAlice = alice.say(general, "@everyone look " + bob.mention());
        assertThat(fromAlice.pingedEveryone()).isFalse(); // members lack MENTION_EVERYONE by default
        assertThat(fromAlice.pinged()).containsExactly(bob.id());
        assertThat(bob.pingsReceived()).contains(fromAlice, all);
        assertThat(alice.pingsReceived()).contains(all).doesNotContain(none);
    }

    @Test
    void historyPagesNewestFirst() {
        for (int i = 0; i < 120; i++) {
            alice.say(general, "m" + i);
        }
        JsonNode page = rest.get(messages(general) + "?limit=100").json();
        assertThat(page).hasSize(100);
        assertThat(page.get(0).path("content").asText()).isEqualTo("m119");
        String oldestId = page.get(99).path("id").asText();
        JsonNode rest2 = rest.get(messages(general) + "?before=" + oldestId + "&limit=100")
                .json();
        assertThat(rest2).hasSize(20);
        assertThat(rest2.get(19).path("content").asText()).isEqualTo("m0");
        JsonNode after = rest.get(
                        messages(general) + "?after=" + rest2.get(19).path("id").asText() + "&limit=2")
                .json();
        assertThat(after.get(0).path("content").asText()).isEqualTo("m2");
        assertThat(after.get(1).path("content").asText()).isEqualTo("m1");
        // after=0 is how JDA reads a channel from its beginning
        JsonNode fromStart = rest.get(messages(general) + "?after=0&limit=2").json();
        assertThat(fromStart).extracting(n -> n.path("content").asText()).containsExactly("m1", "m0");
        JsonNode around =
                rest.get(messages(general) + "?around=" + oldestId + "&limit=3").json();
        assertThat(around).extracting(n -> n.path("content").asText()).containsExactly("m21", "m20", "m19");
        assertThat(rest.get(messages(general) + "?limit=101").code()).isEqualTo(50035);
    }

    @Test
    void attachmentsThroughMultipart() {
        byte[] data = "log line".getBytes(StandardCharsets.UTF_8);
        RawRest.Reply r = rest.multipart(
                "POST",
                messages(general),
                "{\"content\":\"see log\",\"attachments\":[{\"id\":0,\"filename\":\"debug.log\"}]}",
                "x.log",
                data);
        assertThat(r.status()).isEqualTo(200);
        SimMessage.Attachment a = general.lastMessage().attachments().get(0);
        assertThat(a.filename()).isEqualTo("debug.log");
        assertThat(a.url()).startsWith("https://cdn.discordapp.com/attachments/" + general.id() + "/");
        assertThat(a.data()).isEqualTo(data);

        SimMessage fromAlice = alice.say(general, "mine", SimFile.text("trace.txt", "boom"));
        assertThat(fromAlice.attachments().get(0).url()).endsWith("/trace.txt");
    }

    @Test
    void pollsCanBeVotedAndEnded() {
        RawRest.Reply r = rest.post(
                messages(general),
                "{\"poll\":{\"question\":{\"text\":\"Name?\"},\"answers\":["
                        + "{\"poll_media\":{\"text\":\"Loop\"}},{\"poll_media\":{\"text\":\"Ring\"}}],\"duration\":24}}");
        assertThat(r.status()).isEqualTo(200);
        SimMessage poll = general.lastMessage();
        alice.vote(poll, "Loop");
        guild.member("bob").vote(poll, "Loop");
        guild.member("carol").vote(poll, "Ring");
        assertThat(poll.poll().answers())
                .extracting(SimMessage.PollAnswer::votes)
                .containsExactly(2, 1);

        RawRest.Reply ended = rest.post("channels/" + general.id() + "/polls/" + poll.id() + "/expire", null);
        assertThat(ended.json()
                        .path("poll")
                        .path("results")
                        .path("is_finalized")
                        .asBoolean())
                .isTrue();
        SimMessage result = general.lastMessage();
        assertThat(result.type()).isEqualTo(46);
        assertThat(result.pollResult())
                .containsEntry("victor_answer_text", "Loop")
                .containsEntry("total_votes", "3");
        assertThat(result.referencedMessage()).isEqualTo(poll);
        assertThatThrownBy(() -> alice.vote(poll, "Ring")).isInstanceOf(IllegalStateException.class);

        RawRest.Reply tooManyAnswers = rest.post(
                messages(general),
                "{\"poll\":{\"question\":{\"text\":\"q\"},"
                        + "\"answers\":[" + "{\"poll_media\":{\"text\":\"a\"}},".repeat(10)
                        + "{\"poll_media\":{\"text\":\"b\"}}]}}");
        assertThat(leaf(tooManyAnswers, "poll.answers").path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(rest.post("channels/" + general.id() + "/polls/" + result.id() + "/expire", null)
                        .code())
                .isEqualTo(520006);
    }

    @Test
    void directMessages() {
        RawRest.Reply dm = rest.post("users/@me/channels", "{\"recipient_id\":\"" + alice.id() + "\"}");
        assertThat(dm.json().path("type").asInt()).isEqualTo(1);
        String dmId = dm.json().path("id").asText();
        assertThat(rest.post("users/@me/channels", "{\"recipient_id\":\"" + alice.id() + "\"}")
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(dmId);
        assertThat(rest.post("channels/" + dmId + "/messages", "{\"content\":\"hi\"}")
                        .status())
                .isEqualTo(200);
        assertThat(alice.dmsFromBot()).extracting(SimMessage::content).containsExactly("hi");
        alice.closeDms();
        RawRest.Reply refused = rest.post("channels/" + dmId + "/messages", "{\"content\":\"hi again\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo(50007);
        SimMember gone = guild.member("gone");
        String goneDm = rest.post("users/@me/channels", "{\"recipient_id\":\"" + gone.id() + "\"}")
                .json()
                .path("id")
                .asText();
        gone.leave();
        assertThat(rest.post("channels/" + goneDm + "/messages", "{\"content\":\"hi\"}")
                        .code())
                .isEqualTo(50007);
        RawRest.Reply toBot = rest.post("users/@me/channels", "{\"recipient_id\":\"" + sim.botId() + "\"}");
        assertThat(toBot.status()).isEqualTo(400);
        assertThat(toBot.code()).isEqualTo(50007);
    }

    @Test
    void routeRateLimitsAnswer429WithDiscordHeaders() {
        sim.rateLimits().limit("POST channels/{channel_id}/messages", 2, Duration.ofSeconds(5));
        RawRest.Reply ok = say(general, "1");
        assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("2");
        assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo("1");
        assertThat(ok.header("X-RateLimit-Bucket")).isNotBlank();
        assertThat(Double.parseDouble(ok.header("X-RateLimit-Reset-After"))).isPositive();
        say(general, "2");
        RawRest.Reply limited = say(general, "3");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Via")).isEqualTo("1.1 google");
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.json().path("global").asBoolean()).isFalse();
        assertThat(limited.json().path("retry_after").asDouble()).isPositive();
        // Another channel has its own bucket.
        assertThat(say(guild.textChannel("other"), "x").status()).isEqualTo(200);
        assertThat(sim.rateLimits().rateLimited("POST channels/{channel_id}/messages"))
                .isEqualTo(1);
        assertThat(sim.rateLimits().requests("POST channels/{channel_id}/messages"))
                .isEqualTo(4);
    }

    @Test
    void globalLimitExemptsInteractionRoutes() {
        registerCommands();
        sim.rateLimits().global(2);
        say(general, "1");
        say(general, "2");
        RawRest.Reply global = say(general, "3");
        assertThat(global.status()).isEqualTo(429);
        assertThat(global.json().path("global").asBoolean()).isTrue();
        assertThat(global.header("X-RateLimit-Global")).isEqualTo("true");
        SimInteraction i = alice.runSlash(general, "ping");
        assertThat(rest.post(
                                "interactions/" + i.id() + "/" + i.token() + "/callback",
                                "{\"type\":4,\"data\":{\"content\":\"pong\"}}")
                        .status())
                .isEqualTo(204);
    }

    @Test
    void faultsFailTheNextCalls() {
        sim.faults().failNext("POST channels/{channel_id}/messages", 2, 502);
        assertThat(say(general, "a").status()).isEqualTo(502);
        assertThat(say(general, "b").status()).isEqualTo(502);
        assertThat(say(general, "c").status()).isEqualTo(200);
        assertThat(general.messages()).extracting(SimMessage::content).containsExactly("c");
        sim.faults().failNext("*", "channels/" + general.id() + "/*", 1, 500);
        assertThat(say(general, "d").status()).isEqualTo(500);
    }

    private void registerCommands() {
        String body = "[{\"name\":\"ping\",\"description\":\"Ping\"},"
                + "{\"name\":\"issue\",\"description\":\"Issues\",\"options\":[{\"type\":1,\"name\":\"show\","
                + "\"description\":\"Show\",\"options\":[{\"type\":4,\"name\":\"number\",\"description\":\"n\","
                + "\"required\":true,\"autocomplete\":true}]}]},"
                + "{\"name\":\"Capture as issue\",\"type\":3}]";
        RawRest.Reply r = rest.put("applications/" + sim.applicationId() + "/guilds/" + guild.id() + "/commands", body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(3);
        assertThat(r.json().get(0).path("id").asText()).isNotBlank();
    }

    private RawRest.Reply callback(SimInteraction i, String body) {
        return rest.post("interactions/" + i.id() + "/" + i.token() + "/callback?with_response=true", body);
    }

    @Test
    void interactionCallbackRules() {
        registerCommands();
        SimInteraction i = alice.runSlash(general, "issue show", Map.of("number", 3));
        String hook = "webhooks/" + sim.applicationId() + "/" + i.token() + "/messages/@original";
        assertThat(rest.patch(hook, "{\"content\":\"early\"}").code()).isEqualTo(10015);
        assertThat(rest.post(
                                "interactions/" + i.id() + "/wrong-token/callback",
                                "{\"type\":4,\"data\":{\"content\":" + "\"x\"}}")
                        .code())
                .isEqualTo(10062);
        assertThat(callback(i, "{\"type\":7,\"data\":{\"content\":\"x\"}}").code())
                .isEqualTo(50035);

        RawRest.Reply first = callback(i, "{\"type\":4,\"data\":{\"content\":\"hello\"}}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("resource").path("message").path("content").asText())
                .isEqualTo("hello");
        RawRest.Reply second = callback(i, "{\"type\":4,\"data\":{\"content\":\"again\"}}");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo(40060);

        assertThat(rest.patch(hook, "{\"content\":\"edited\"}").status()).isEqualTo(200);
        assertThat(i.awaitReply().content()).isEqualTo("edited");
        RawRest.Reply followUp =
                rest.post("webhooks/" + sim.applicationId() + "/" + i.token(), "{\"content\":\"more\",\"flags\":64}");
        assertThat(followUp.json().path("flags").asInt() & 64).isEqualTo(64);
        assertThat(alice.ephemeralReplies()).extracting(SimMessage::content).containsExactly("more");
        i.expireToken();
        assertThat(rest.post("webhooks/" + sim.applicationId() + "/" + i.token(), "{\"content\":\"late\"}")
                        .code())
                .isEqualTo(50027);
    }

    @Test
    void deadlineAndDeferredFollowUps() {
        registerCommands();
        SimInteraction late = alice.runSlash(general, "ping");
        late.passDeadline();
        assertThat(callback(late, "{\"type\":4,\"data\":{\"content\":\"x\"}}").code())
                .isEqualTo(10062);
        sim.options().interactionDeadline(Duration.ofNanos(-1)); // over as soon as it starts, on the real clock
        SimInteraction overdue = alice.runSlash(general, "ping");
        assertThat(callback(overdue, "{\"type\":4,\"data\":{\"content\":\"x\"}}")
                        .code())
                .isEqualTo(10062);
        sim.options().interactionDeadline(Duration.ofSeconds(3));

        SimInteraction deferred = alice.runSlash(general, "ping");
        assertThat(callback(deferred, "{\"type\":5,\"data\":{\"flags\":64}}")
                        .json()
                        .path("interaction")
                        .path("response_message_loading")
                        .asBoolean())
                .isTrue();
        rest.post("webhooks/" + sim.applicationId() + "/" + deferred.token(), "{\"content\":\"filled\"}");
        SimMessage reply = deferred.awaitReply();
        assertThat(reply.content()).isEqualTo("filled");
        assertThat(reply.ephemeral()).isTrue(); // the first follow-up fills the deferred message and keeps its flags
    }

    @Test
    void autocompleteAndModalLimits() {
        registerCommands();
        SimInteraction auto = alice.autocomplete(general, "issue show", "number", "1");
        StringBuilder choices = new StringBuilder("[");
        for (int i = 0; i < 26; i++) {
            choices.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"c")
                    .append(i)
                    .append("\",\"value\":")
                    .append(i)
                    .append('}');
        }
        assertThat(callback(auto, "{\"type\":8,\"data\":{\"choices\":" + choices + "]}}")
                        .code())
                .isEqualTo(50035);
        RawRest.Reply wrongType =
                callback(auto, "{\"type\":8,\"data\":{\"choices\":[{\"name\":\"x\",\"value\":\"x\"}]}}");
        assertThat(leaf(wrongType, "data.choices.0.value").path("code").asText())
                .isEqualTo("BASE_TYPE_CHOICES");
        assertThat(callback(auto, "{\"type\":8,\"data\":{\"choices\":[{\"name\":\"#1\",\"value\":1}]}}")
                        .status())
                .isEqualTo(200);
        assertThat(auto.awaitChoices()).extracting(SimInteraction.Choice::value).containsExactly(1L);

        SimInteraction modal = alice.runSlash(general, "ping");
        RawRest.Reply badTitle = callback(
                modal,
                "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":"
                        + json("t".repeat(46))
                        + ",\"components\":[{\"type\":18,\"label\":\"L\",\"component\":{\"type\":4,"
                        + "\"custom_id\":\"a\",\"style\":1}}]}}");
        assertThat(leaf(badTitle, "data.title").path("code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
        RawRest.Reply ok = callback(
                modal,
                "{\"type\":9,\"data\":{\"custom_id\":\"m\",\"title\":\"Capture\","
                        + "\"components\":[{\"type\":18,\"label\":\"Title\",\"component\":{\"type\":4,\"custom_id\":\"title\","
                        + "\"style\":1,\"value\":\"pre\"}}]}}");
        assertThat(ok.status()).isEqualTo(200);
        SimModal m = modal.awaitModal();
        assertThat(m.value("title")).isEqualTo("pre");
        assertThatThrownBy(() -> m.submit(Map.of("title", ""))).isInstanceOf(IllegalArgumentException.class);
        SimInteraction submit = m.submit(Map.of("title", "Crash"));
        assertThat(submit.state
                        .data
                        .path("components")
                        .get(0)
                        .path("component")
                        .path("value")
                        .asText())
                .isEqualTo("Crash");
        assertThat(submit.state.data.path("components").get(0).path("type").asInt())
                .isEqualTo(18);
    }

    @Test
    void messageCommandsAndUnknownCommands() {
        registerCommands();
        SimMessage target = alice.say(general, "capture me");
        SimInteraction i = alice.runMessageCommand(target, "Capture as issue");
        assertThat(i.state
                        .data
                        .path("resolved")
                        .path("messages")
                        .path(Long.toString(target.id()))
                        .path("content")
                        .asText())
                .isEqualTo("capture me");
        assertThatThrownBy(() -> alice.runSlash(general, "nope"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("has not registered");
        assertThatThrownBy(() -> alice.runSlash(general, "issue show", Map.of("num", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void componentsV2TextDisplaysPingAndExcludeContent() {
        RawRest.Reply bad = rest.post(
                messages(general),
                "{\"flags\":32768,\"content\":\"no\",\"components\":[" + "{\"type\":10,\"content\":\"hi\"}]}");
        assertThat(bad.code()).isEqualTo(50035);
        RawRest.Reply ok = rest.post(
                messages(general),
                "{\"flags\":32768,\"components\":[{\"type\":17,"
                        + "\"components\":[{\"type\":10,\"content\":\"shipped for " + alice.mention() + "\"},"
                        + "{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Reviewed\","
                        + "\"custom_id\":\"rev\"}]}]}],\"allowed_mentions\":{\"users\":[\"" + alice.id() + "\"]}}");
        assertThat(ok.status()).isEqualTo(200);
        SimMessage m = general.lastMessage();
        assertThat(m.textDisplays()).containsExactly("shipped for " + alice.mention());
        assertThat(m.buttonLabels()).containsExactly("Reviewed");
        assertThat(m.pinged()).containsExactly(alice.id());
    }

    @Test
    void restResponsesHideContentWithoutTheMessageContentIntent() {
        sim.close();
        sim = Sim.start(SimOptions.defaults().messageContentIntentEnabled(false));
        rest = new RawRest(sim);
        guild = sim.guild("g");
        general = guild.textChannel("general");
        alice = guild.member("alice");
        alice.say(general, "hidden words");
        alice.say(general, "hey <@" + sim.botId() + ">");
        JsonNode page = rest.get(messages(general)).json();
        assertThat(page.get(0).path("content").asText()).isEqualTo("hey <@" + sim.botId() + ">");
        assertThat(page.get(1).path("content").asText()).isEmpty();
    }

    @Test
    void pinsAndReactionsOverRest() {
        SimMessage m = alice.say(general, "pin me");
        assertThat(rest.put("channels/" + general.id() + "/messages/pins/" + m.id(), null)
                        .status())
                .isEqualTo(204);
        assertThat(m.pinned()).isTrue();
        assertThat(rest.get("channels/" + general.id() + "/messages/pins")
                        .json()
                        .path("items"))
                .hasSize(1);
        String thumbs = java.net.URLEncoder.encode("👍", StandardCharsets.UTF_8);
        assertThat(rest.put(messages(general) + "/" + m.id() + "/reactions/" + thumbs + "/@me", null)
                        .status())
                .isEqualTo(204);
        assertThat(m.reactedByBot("👍")).isTrue();
        assertThat(rest.put(messages(general) + "/" + m.id() + "/reactions/thumbsup/@me", null)
                        .code())
                .isEqualTo(10014);
        alice.react(m, "👍");
        JsonNode users = rest.get(messages(general) + "/" + m.id() + "/reactions/" + thumbs)
                .json();
        assertThat(users).hasSize(2);
        JsonNode json = rest.get(messages(general) + "/" + m.id()).json();
        assertThat(json.path("reactions").get(0).path("count").asInt()).isEqualTo(2);
        assertThat(json.path("reactions").get(0).path("me").asBoolean()).isTrue();
    }

    @Test
    void editsRecomputeMentionsAndOnlyAuthorsEdit() {
        RawRest.Reply r = say(general, "hello");
        String id = r.json().path("id").asText();
        rest.patch(messages(general) + "/" + id, "{\"content\":\"hello " + alice.mention() + "\"}");
        SimMessage m = general.lastMessage();
        assertThat(m.content()).isEqualTo("hello " + alice.mention());
        assertThat(m.pinged()).containsExactly(alice.id());
        assertThat(m.edited()).isTrue();
        SimMessage hers = alice.say(general, "mine");
        assertThat(rest.patch(messages(general) + "/" + hers.id(), "{\"content\":\"x\"}")
                        .code())
                .isEqualTo(50005);
    }
}
