package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The allowed_mentions rules in isolation (discord-rules.md §2.6). */
class MentionsTest {
    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final long ROLE_MENTIONABLE = 21;
    private static final long ROLE_PLAIN = 22;

    private static Mentions.Context ctx(boolean canEveryone) {
        return new Mentions.Context() {
            @Override
            public boolean userExists(long userId) {
                return userId == ALICE || userId == BOB;
            }

            @Override
            public boolean roleExists(long roleId) {
                return roleId == ROLE_MENTIONABLE || roleId == ROLE_PLAIN;
            }

            @Override
            public boolean roleMentionable(long roleId) {
                return roleId == ROLE_MENTIONABLE;
            }

            @Override
            public boolean senderCanMentionEveryone() {
                return canEveryone;
            }
        };
    }

    private static final String TEXT = "@everyone <@11> <@!12> <@&21> <@&22> <@99>";

    private static MessageState.Pings pings(String allowed, boolean usersOnly, boolean canEveryone, long replied) {
        JsonNode am = allowed == null ? null : Json.read(allowed);
        return Mentions.compute(TEXT, am, usersOnly, ctx(canEveryone), replied);
    }

    @Test
    void regularMessagesParseEverythingByDefault() {
        MessageState.Pings p = pings(null, false, true, 0);
        assertThat(p.users()).containsExactly(ALICE, BOB);
        assertThat(p.roles()).containsExactly(ROLE_MENTIONABLE, ROLE_PLAIN);
        assertThat(p.everyone()).isTrue();
    }

    @Test
    void withoutMentionEveryoneOnlyMentionableRolesAndNoEveryone() {
        MessageState.Pings p = pings(null, false, false, 0);
        assertThat(p.users()).containsExactly(ALICE, BOB);
        assertThat(p.roles()).containsExactly(ROLE_MENTIONABLE);
        assertThat(p.everyone()).isFalse();
    }

    @Test
    void interactionsAndWebhooksParseUsersOnlyByDefault() {
        MessageState.Pings p = pings(null, true, true, 0);
        assertThat(p.users()).containsExactly(ALICE, BOB);
        assertThat(p.roles()).isEmpty();
        assertThat(p.everyone()).isFalse();
    }

    @Test
    void anyObjectDisablesUnlistedTypes() {
        assertThat(pings("{}", false, true, 0).any()).isFalse();
        assertThat(pings("{\"replied_user\":false}", false, true, 0).any()).isFalse();
        MessageState.Pings p = pings("{\"parse\":[\"roles\"]}", false, true, 0);
        assertThat(p.users()).isEmpty();
        assertThat(p.roles()).containsExactly(ROLE_MENTIONABLE, ROLE_PLAIN);
        assertThat(p.everyone()).isFalse();
    }

    @Test
    void listedIdsPingOnlyIfInTheText() {
        MessageState.Pings p = pings("{\"users\":[\"12\",\"13\"],\"roles\":[\"22\"]}", false, true, 0);
        assertThat(p.users()).containsExactly(BOB);
        assertThat(p.roles()).containsExactly(ROLE_PLAIN);
    }

    @Test
    void docsExampleParseWithEmptyList() {
        // {"parse":["users","roles"],"users":[]} pings users and roles but not @everyone.
        MessageState.Pings p = pings("{\"parse\":[\"users\",\"roles\"],\"users\":[]}", false, true, 0);
        assertThat(p.users()).containsExactly(ALICE, BOB);
        assertThat(p.roles()).hasSize(2);
        assertThat(p.everyone()).isFalse();
    }

    @Test
    void replyPingFollowsRepliedUser() {
        assertThat(Mentions.compute("no mentions", null, false, ctx(false), BOB).users())
                .containsExactly(BOB);
        assertThat(Mentions.compute("no mentions", Json.read("{\"parse\":[\"users\"]}"), false, ctx(false), BOB)
                        .users())
                .isEmpty();
        assertThat(Mentions.compute("x", Json.read("{\"replied_user\":true}"), false, ctx(false), BOB)
                        .users())
                .containsExactly(BOB);
    }

    @Test
    void hereCountsAsEveryone() {
        assertThat(Mentions.compute("@here", null, false, ctx(true), 0).everyone())
                .isTrue();
        assertThat(Mentions.compute("@here", null, false, ctx(false), 0).everyone())
                .isFalse();
    }

    @Test
    void validationReportsExclusivityAndBadParseValues() {
        FormErrors errors = new FormErrors();
        Mentions.validate(Json.read("{\"parse\":[\"users\",\"bogus\"],\"users\":[\"1\"]}"), "allowed_mentions", errors);
        JsonNode body = errors.toError().body;
        assertThat(body.path("errors")
                        .path("allowed_mentions")
                        .path("_errors")
                        .get(0)
                        .path("code")
                        .asText())
                .isEqualTo("MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE");
        assertThat(body.path("errors")
                        .path("allowed_mentions")
                        .path("parse")
                        .path("1")
                        .path("_errors")
                        .get(0)
                        .path("code")
                        .asText())
                .isEqualTo("BASE_TYPE_CHOICES");
        FormErrors fine = new FormErrors();
        Mentions.validate(Json.read("{\"parse\":[\"users\"],\"users\":[]}"), "allowed_mentions", fine);
        assertThat(fine.isEmpty()).isTrue();
    }
}
