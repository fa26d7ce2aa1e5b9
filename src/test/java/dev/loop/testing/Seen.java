package dev.loop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What people saw of Loop: answers only they could see, everything it sent, and whom that pinged. */
public final class Seen {

    private Seen() {}

    /** {@code who} runs a slash command and gets an answer only they can see. */
    public static SimMessage ephemeral(SimMember who, SimChannel where, String command, Map<String, ?> options) {
        SimMessage reply = who.runSlash(where, command, options).awaitReply();
        assertThat(reply.ephemeral()).as("reply to /" + command).isTrue();
        return reply;
    }

    /**
     * {@code who} runs a command their Discord client does not list (it is hidden from members), as a stale client
     * could, and gets an answer only they can see.
     */
    public static SimMessage ephemeralFromStaleClient(
            SimMember who, SimChannel where, String command, Map<String, ?> options) {
        assertThat(who.visibleCommands(where))
                .as("/" + command + " hidden from " + who.name())
                .doesNotContain(command.split(" ")[0]);
        SimMessage reply = who.runSlashFromStaleClient(where, command, options).awaitReply();
        assertThat(reply.ephemeral()).as("reply to /" + command).isTrue();
        return reply;
    }

    /** Every message the bot sent in these channels, these people's DMs and their ephemeral replies. */
    public static List<SimMessage> botMessages(List<SimChannel> channels, SimMember... people) {
        List<SimMessage> out = new ArrayList<>();
        for (SimChannel c : channels)
            c.messages().stream().filter(SimMessage::fromBot).forEach(out::add);
        for (SimMember p : people) {
            out.addAll(p.dmsFromBot());
            out.addAll(p.ephemeralReplies());
        }
        return out;
    }

    /** How many triage prompts about issue {@code number} Loop sent {@code engineer} by DM. */
    public static long triagePrompts(SimMember engineer, int number) {
        return engineer.dmsFromBot().stream()
                .filter(m -> m.content().startsWith("**Triage #" + number + "**"))
                .count();
    }

    /**
     * {@code page} shows a pager: Previous and Next, in that order, each pressable or not (greyed out on the first
     * and the last page).
     */
    public static void assertPager(SimMessage page, boolean previousPressable, boolean nextPressable) {
        assertThat(page.buttons())
                .extracting(SimMessage.Button::label, SimMessage.Button::disabled)
                .containsExactly(tuple("Previous", !previousPressable), tuple("Next", !nextPressable));
    }

    /** Nobody but {@code allowed} was pinged by any of {@code messages}; nobody through @everyone or a role. */
    public static void assertPingsOnly(List<SimMessage> messages, Set<Long> allowed) {
        assertThat(messages).isNotEmpty();
        for (SimMessage m : messages) {
            assertThat(m.pingedEveryone()).as("@everyone in %s", m).isFalse();
            assertThat(m.pingedRoles()).as("roles pinged by %s", m).isEmpty();
            assertThat(allowed).as("pinged by %s", m).containsAll(m.pinged());
        }
    }
}
