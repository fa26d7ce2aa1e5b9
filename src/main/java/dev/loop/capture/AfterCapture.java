package dev.loop.capture;

import dev.loop.issue.Issue;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * What happens right after an issue is captured (triage asks its questions). {@code hook} is the capturing
 * interaction's hook for an ephemeral follow-up, or null after a reaction capture, where there is no interaction
 * to answer and the engineer is reached by DM.
 */
@FunctionalInterface
public interface AfterCapture {
    void captured(JDA jda, Issue issue, long engineerId, InteractionHook hook);
}
