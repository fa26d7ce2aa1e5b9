package dev.loop.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.core.Feature;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMessage;
import dev.loop.testing.Community;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A handler held up past the guard's two seconds (by a latch, standing in for a slow database on a busy host): the
 * person sees "thinking…" in time, then the answer — never "The application did not respond".
 */
class DeadlineGuardEndToEndTest {

    /** Every handler waits for this latch; a test releases it once it has seen the early acknowledgement. */
    private static volatile CountDownLatch slow = new CountDownLatch(1);

    private static final class SlowFeature implements Feature {
        @Override
        public List<CommandData> commands() {
            return List.of(
                    Commands.slash("slow", "answers late"),
                    Commands.slash("slowpublic", "answers late, for everyone"),
                    Commands.slash("card", "a card with slow buttons"),
                    Commands.slash("slowform", "opens a form late"));
        }

        @Override
        public void routes(InteractionRouter router) {
            router.slash("slow", e -> {
                        hold();
                        e.reply("Here is your slow answer.").setEphemeral(true).queue();
                    })
                    .slash("slowpublic", e -> {
                        hold();
                        e.reply("Here is the slow answer for everyone.").queue();
                    })
                    .slash(
                            "card",
                            e -> e.reply("A card.")
                                    .addComponents(ActionRow.of(
                                            Button.primary("slowedit:1", "Edit"),
                                            Button.secondary("slowreply:1", "Reply")))
                                    .queue())
                    .slash("slowform", e -> {
                        hold();
                        e.replyModal(Modal.create("slowmodal:1", "A form")
                                        .addComponents(Label.of(
                                                "Text",
                                                TextInput.create("text", TextInputStyle.SHORT)
                                                        .build()))
                                        .build())
                                .queue();
                    })
                    .button("slowedit", e -> {
                        hold();
                        e.editMessage("The card, edited late.").queue();
                    })
                    .button("slowreply", e -> {
                        hold();
                        e.reply("A late word just for you.").setEphemeral(true).queue();
                    });
        }

        private static void hold() throws InterruptedException {
            slow.await(30, TimeUnit.SECONDS);
        }
    }

    @RegisterExtension
    static final Community c = Community.at("2026-11-04T10:00:00Z")
            .features(services -> List.of(new SlowFeature()))
            .build();

    @AfterEach
    void release() {
        slow.countDown();
        slow = new CountDownLatch(1);
    }

    @Test
    void a_slow_command_shows_thinking_then_the_ephemeral_answer() {
        SimInteraction i = c.alice.runSlash(c.help, "slow");

        assertThat(i.awaitAck()).as("deferred reply").isEqualTo(5);
        slow.countDown();

        SimMessage answer = i.awaitReply(m -> !m.loading());
        assertThat(answer.content()).isEqualTo("Here is your slow answer.");
        assertThat(answer.ephemeral()).isTrue();
    }

    /**
     * The gateway is behind (as on a busy host after a burst of messages): the command reaches Loop 1.5 s after
     * Discord created it. Counted from its arrival, the guard's two seconds would end at 3.5 s, after Discord's three,
     * and the acknowledgement would be refused; counted from the interaction's creation it goes out in time.
     */
    @Test
    void a_command_that_reaches_loop_late_is_still_acknowledged_in_time() {
        c.sim.faults().gatewayLatency(Duration.ofMillis(1_500));
        try {
            SimInteraction i = c.alice.runSlash(c.help, "slow");

            assertThat(i.awaitAck()).as("deferred reply").isEqualTo(5);
            slow.countDown();

            SimMessage answer = i.awaitReply(m -> !m.loading());
            assertThat(answer.content()).isEqualTo("Here is your slow answer.");
        } finally {
            c.sim.faults().gatewayLatency(Duration.ZERO);
        }
    }

    @Test
    void a_slow_public_answer_still_reaches_everyone() {
        SimInteraction i = c.alice.runSlash(c.help, "slowpublic");

        assertThat(i.awaitAck()).isEqualTo(5);
        slow.countDown();

        SimMessage answer = i.awaitReply(m -> !m.loading() && !m.deleted());
        assertThat(answer.content()).isEqualTo("Here is the slow answer for everyone.");
        assertThat(answer.ephemeral()).isFalse();
    }

    @Test
    void a_slow_button_edit_lands_on_the_card() {
        SimMessage card = c.alice.runSlash(c.help, "card").awaitReply();
        slow = new CountDownLatch(1);

        SimInteraction press = c.bob.pressButton(card, "Edit");
        assertThat(press.awaitAck()).as("deferred edit").isEqualTo(6);
        slow.countDown();

        assertThat(press.awaitUpdate().content()).isEqualTo("The card, edited late.");
    }

    @Test
    void a_slow_button_reply_arrives_as_an_ephemeral_follow_up() {
        SimMessage card = c.alice.runSlash(c.help, "card").awaitReply();

        SimInteraction press = c.bob.pressButton(card, "Reply");
        assertThat(press.awaitAck()).isEqualTo(6);
        slow.countDown();

        SimMessage answer = press.awaitReply(m -> m.content().startsWith("A late word"));
        assertThat(answer.ephemeral()).isTrue();
    }

    @Test
    void a_form_that_comes_too_late_is_explained() {
        SimInteraction i = c.alice.runSlash(c.help, "slowform", Map.of());

        assertThat(i.awaitAck()).isEqualTo(5);
        slow.countDown();

        SimMessage answer = i.awaitReply(m -> !m.loading());
        assertThat(answer.content()).isEqualTo(DeadlineGuard.FORM_TOO_LATE);
        assertThat(answer.ephemeral()).isTrue();
    }
}
