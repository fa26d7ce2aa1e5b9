package dev.loop.issue;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * What happens right after an engineer captures an issue: triage asks its first question. With an interaction the
 * prompt goes to the engineer ephemerally through {@code hook}; after a 📌 quick capture there is none
 * ({@code hook} is null) and it goes by DM.
 */
@FunctionalInterface
public interface IssueCaptured {
    void captured(JDA jda, Issue issue, long engineerId, InteractionHook hook);
}
