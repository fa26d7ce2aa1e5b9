package dev.loop.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a capture through /capture left behind: the issue's number, the post, the issue card in it, the engineer's
 * "Captured" answer and the triage prompt that follows it (both ephemeral),
 * past its first question (Straightforward) at the priority questions.
 */
public record Captured(int number, SimChannel post, SimMessage card, SimMessage reply, SimMessage prompt) {

    private static final Pattern CAPTURED = Pattern.compile("Captured \\*\\*#(\\d+)\\*\\*");
    private static final Pattern TRIAGE = Pattern.compile("\\*\\*Triage #(\\d+)\\*\\*");

    /**
     * {@code engineer} pins {@code message} with 📌; the number of the issue it made, read from the triage prompt Loop
     * then sends the engineer by DM, known by the issue's {@code title}.
     */
    public static int viaPin(SimMember engineer, SimChannel team, SimMessage message, String title) {
        // 📌 runs the duplicate search: when other tests' words come close, the engineer is offered the similar
        // issues in the team channel and presses Create new issue
        long choicesBefore = pinChoices(engineer, team).size();
        engineer.react(message, "📌");
        Eventually.eventually(
                "the triage prompt or the similar issues for " + title,
                () -> triagePrompt(engineer, title).isPresent()
                        || pinChoices(engineer, team).size() > choicesBefore);
        String captured = triagePrompt(engineer, title).isPresent()
                ? triagePrompt(engineer, title).get().content()
                : engineer.pressButton(pinChoices(engineer, team).getLast(), "Create new issue")
                        .awaitReply(r -> r.content().startsWith("**Triage #"))
                        .content();
        Matcher m = TRIAGE.matcher(captured);
        assertThat(m.find()).as(captured).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static java.util.Optional<SimMessage> triagePrompt(SimMember engineer, String title) {
        return engineer.dmsFromBot().stream()
                .filter(d -> d.content().startsWith("**Triage #") && d.content().contains(title))
                .findFirst();
    }

    private static java.util.List<SimMessage> pinChoices(SimMember engineer, SimChannel team) {
        return team.messages().stream()
                .filter(t -> t.fromBot() && t.content().startsWith("<@" + engineer.id() + "> 📌 This may already be"))
                .toList();
    }

    /** {@code engineer} runs /capture in {@code post}, submits the modal with {@code values} and creates a new issue. */
    public static Captured viaCommand(SimMember engineer, SimChannel post, Map<String, String> values) {
        return created(
                engineer, post, engineer.runSlash(post, "capture").awaitModal().submit(values));
    }

    /**
     * The issue a submitted capture form created in {@code where}. When capture offers similar issues (other tests'
     * words may come close), the engineer presses Create new issue.
     */
    public static Captured created(SimMember engineer, SimChannel where, SimInteraction submit) {
        SimMessage first = submit.awaitReply(
                m -> m.content().startsWith("Captured **#") || m.buttonLabels().contains("Create new issue"));
        if (!first.content().startsWith("Captured **#")) submit = engineer.pressButton(first, "Create new issue");
        SimMessage captured = submit.awaitReply(m -> m.content().startsWith("Captured **#"));
        assertThat(captured.ephemeral()).isTrue();
        Matcher m = CAPTURED.matcher(captured.content());
        assertThat(m.find()).as(captured.content()).isTrue();
        int number = Integer.parseInt(m.group(1));
        SimMessage prompt = submit.awaitReply(r -> r.content().startsWith("**Triage #" + number + "**"));
        assertThat(prompt.ephemeral()).isTrue();
        return new Captured(number, where, cardIn(where, number), captured, straightforward(engineer, prompt));
    }

    /**
     * Triage starts with "Is the solution straightforward?": {@code engineer} answers Straightforward and gets the
     * priority questions (the prompt as most tests want it). Tests about design press Needs design themselves.
     */
    public static SimMessage straightforward(SimMember engineer, SimMessage prompt) {
        assertThat(prompt.buttonLabels()).containsExactly("Straightforward", "Needs design");
        return engineer.pressButton(prompt, "Straightforward").awaitUpdate();
    }

    /** The card of issue {@code number} that Loop posted in {@code channel}. */
    public static SimMessage cardIn(SimChannel channel, int number) {
        return channel.awaitMessage(x -> x.fromBot()
                && !x.embeds().isEmpty()
                && x.embeds().getFirst().title().startsWith("#" + number + " "));
    }
}
