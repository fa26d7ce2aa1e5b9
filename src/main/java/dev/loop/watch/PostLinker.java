package dev.loop.watch;

import dev.loop.issue.Requester;
import net.dv8tion.jda.api.JDA;

/**
 * Links a support post to an issue the way {@code /link} does (capture owns that; see
 * {@code CaptureFeature#linkThread}). Blocking; throws {@link dev.loop.core.discord.UserError} with the sentence to
 * show when the post cannot be linked. Linking again is harmless, so a failed link may simply be retried.
 */
@FunctionalInterface
public interface PostLinker {
    void link(JDA jda, int issueNumber, long threadId, Requester.How how, long actor);
}
