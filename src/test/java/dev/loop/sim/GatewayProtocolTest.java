package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway protocol: handshake, intents, content gating, chunking, resume and invalid sessions. */
class GatewayProtocolTest {
    private static final int GUILDS = 1;
    private static final int GUILD_MEMBERS = 1 << 1;
    private static final int GUILD_MESSAGES = 1 << 9;
    private static final int DIRECT_MESSAGES = 1 << 12;
    private static final int MESSAGE_CONTENT = 1 << 15;

    private Sim sim;
    private SimGuild guild;
    private SimChannel general;
    private SimMember alice;
    private String sessionId;

    @BeforeEach
    void start() {
        sim = Sim.start();
        guild = sim.guild("g");
        general = guild.textChannel("general");
        alice = guild.member("alice");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RawGateway connect(int intents) {
        RawGateway gw = new RawGateway(sim.gatewayUrl());
        gw.identify(sim.token(), intents);
        assertThat(gw.until(f -> f.path("op").asInt() == 10)
                        .path("d")
                        .path("heartbeat_interval")
                        .asInt())
                .isPositive();
        JsonNode ready = gw.dispatch("READY");
        assertThat(ready.path("s").asInt()).isEqualTo(1);
        assertThat(ready.path("d").path("resume_gateway_url").asText()).isEqualTo(sim.gatewayUrl());
        sessionId = ready.path("d").path("session_id").asText();
        JsonNode guildCreate = gw.dispatch("GUILD_CREATE");
        assertThat(guildCreate.path("d").path("roles").get(0).path("colors").has("primary_color"))
                .isTrue();
        return gw;
    }

    @Test
    void badTokenClosesWith4004() {
        RawGateway gw = new RawGateway(sim.gatewayUrl());
        gw.identify("wrong", GUILDS);
        assertThat(gw.awaitClose()).isEqualTo(4004);
    }

    @Test
    void unknownIntentsClose4013AndDisallowedPrivilegedIntents4014() {
        RawGateway gw = new RawGateway(sim.gatewayUrl());
        gw.identify(sim.token(), 1 << 30);
        assertThat(gw.awaitClose()).isEqualTo(4013);
        sim.close();
        sim = Sim.start(SimOptions.defaults().messageContentIntentEnabled(false));
        RawGateway gw2 = new RawGateway(sim.gatewayUrl());
        gw2.identify(sim.token(), MESSAGE_CONTENT);
        assertThat(gw2.awaitClose()).isEqualTo(4014);
    }

    @Test
    void heartbeatIsAcknowledged() {
        try (RawGateway gw = connect(GUILDS)) {
            gw.send("{\"op\":1,\"d\":2}");
            assertThat(gw.until(f -> f.path("op").asInt() == 11)).isNotNull();
        }
    }

    @Test
    void noMessageEventsWithoutGuildMessagesIntent() {
        try (RawGateway gw = connect(GUILDS)) {
            alice.say(general, "invisible");
            guild.textChannel("marker");
            JsonNode next = gw.until(f -> f.path("op").asInt() == 0);
            assertThat(next.path("t").asText()).isEqualTo("CHANNEL_CREATE");
        }
    }

    @Test
    void messageContentIsBlankWithoutTheIntentExceptForMentionsAndDms() {
        try (RawGateway gw = connect(GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES)) {
            alice.say(general, "secret words");
            JsonNode plain = gw.dispatch("MESSAGE_CREATE").path("d");
            assertThat(plain.path("content").asText()).isEmpty();
            assertThat(plain.path("guild_id").asText()).isEqualTo(Long.toString(guild.id()));
            assertThat(plain.path("member").path("roles").isArray()).isTrue();

            alice.say(general, "<@" + sim.botId() + "> look");
            assertThat(gw.dispatch("MESSAGE_CREATE").path("d").path("content").asText())
                    .endsWith("look");

            alice.dm("private words");
            JsonNode dm = gw.dispatch("MESSAGE_CREATE").path("d");
            assertThat(dm.path("content").asText()).isEqualTo("private words");
            assertThat(dm.has("guild_id")).isFalse();
        }
        try (RawGateway gw = connect(GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT)) {
            alice.say(general, "now readable");
            assertThat(gw.dispatch("MESSAGE_CREATE").path("d").path("content").asText())
                    .isEqualTo("now readable");
        }
    }

    @Test
    void memberRequestsAreAnsweredInChunks() {
        guild.addMembers(2500, "m");
        try (RawGateway gw = connect(GUILDS | GUILD_MEMBERS)) {
            gw.send("{\"op\":8,\"d\":{\"guild_id\":" + guild.id() + ",\"query\":\"\",\"limit\":0}}");
            int total = 0;
            int count = -1;
            for (int i = 0; count < 0 || i < count; i++) {
                JsonNode chunk = gw.dispatch("GUILD_MEMBERS_CHUNK").path("d");
                count = chunk.path("chunk_count").asInt();
                assertThat(chunk.path("chunk_index").asInt()).isEqualTo(i);
                total += chunk.path("members").size();
            }
            assertThat(count).isEqualTo(3);
            assertThat(total).isEqualTo(guild.memberCount());
        }
    }

    @Test
    void resumeReplaysMissedEventsInOrderThenResumed() {
        RawGateway gw = connect(GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT);
        alice.say(general, "before");
        JsonNode before = gw.dispatch("MESSAGE_CREATE");
        long seq = before.path("s").asLong();
        gw.closeWith(4000);
        sim.awaitBotDisconnected();
        alice.say(general, "missed 1");
        alice.say(general, "missed 2");

        RawGateway again = new RawGateway(sim.gatewayUrl());
        again.until(f -> f.path("op").asInt() == 10);
        again.send("{\"op\":6,\"d\":{\"token\":\"" + sim.token() + "\",\"session_id\":\"" + sessionId + "\",\"seq\":"
                + seq + "}}");
        List<String> replayed = new ArrayList<>();
        JsonNode f;
        do {
            f = again.until(x -> x.path("op").asInt() == 0);
            if (f.path("t").asText().equals("MESSAGE_CREATE")) {
                replayed.add(f.path("d").path("content").asText());
                assertThat(f.path("s").asLong()).isEqualTo(seq + replayed.size());
            }
        } while (!f.path("t").asText().equals("RESUMED"));
        assertThat(replayed).containsExactly("missed 1", "missed 2");
        assertThat(sim.resumeCount()).isEqualTo(1);
        alice.say(general, "live again");
        assertThat(again.dispatch("MESSAGE_CREATE").path("d").path("content").asText())
                .isEqualTo("live again");
        again.close();
    }

    @Test
    void aHeartbeatAheadOfTheSessionDoesNotDropEventsFromTheResumeBuffer() {
        RawGateway gw = connect(GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT);
        // the last sequence of an earlier session, as JDA sends right after identifying again
        gw.send("{\"op\":1,\"d\":500}");
        gw.until(f -> f.path("op").asInt() == 11);
        alice.say(general, "after the heartbeat");
        long seq = gw.dispatch("MESSAGE_CREATE").path("s").asLong() - 1;
        gw.closeWith(4000);
        sim.awaitBotDisconnected();

        RawGateway again = new RawGateway(sim.gatewayUrl());
        again.until(f -> f.path("op").asInt() == 10);
        again.send("{\"op\":6,\"d\":{\"token\":\"" + sim.token() + "\",\"session_id\":\"" + sessionId + "\",\"seq\":"
                + seq + "}}");
        JsonNode replayed =
                again.until(f -> f.path("op").asInt() == 0 || f.path("op").asInt() == 9);
        assertThat(replayed.path("t").asText()).isEqualTo("MESSAGE_CREATE");
        assertThat(replayed.path("d").path("content").asText()).isEqualTo("after the heartbeat");
        again.close();
    }

    @Test
    void unknownSessionCannotResume() {
        RawGateway gw = new RawGateway(sim.gatewayUrl());
        gw.send("{\"op\":6,\"d\":{\"token\":\"" + sim.token() + "\",\"session_id\":\"nope\",\"seq\":3}}");
        JsonNode invalid = gw.until(f -> f.path("op").asInt() == 9);
        assertThat(invalid.path("d").asBoolean()).isFalse();
        gw.close();
    }

    @Test
    void faultsInvalidateTheSession() {
        try (RawGateway gw = connect(GUILDS)) {
            sim.faults().invalidateSession(false);
            JsonNode invalid = gw.until(f -> f.path("op").asInt() == 9);
            assertThat(invalid.path("d").asBoolean()).isFalse();
        }
        try (RawGateway gw = connect(GUILDS)) {
            sim.faults().dropGateway(4000);
            assertThat(gw.awaitClose()).isEqualTo(4000);
        }
    }

    @Test
    void payloadBeforeIdentifyCloses4003() {
        RawGateway gw = new RawGateway(sim.gatewayUrl());
        gw.send("{\"op\":8,\"d\":{\"guild_id\":\"1\",\"query\":\"\",\"limit\":0}}");
        assertThat(gw.awaitClose()).isEqualTo(4003);
    }
}
