package dev.loop.issue;

import net.dv8tion.jda.api.JDA;

/**
 * A support conversation just became a place of an issue: captured as a new issue or linked to one, by any route
 * (/capture, 📌, Capture as issue, /link, a hint's Link button). The watch feature listens so a "looks like #N" hint
 * about that post closes instead of still offering Link. {@code actor} is the engineer who did it.
 */
@FunctionalInterface
public interface ThreadTaken {
    void taken(JDA jda, int issueNumber, long actor, boolean captured);

    ThreadTaken NOBODY = (jda, issueNumber, actor, captured) -> {};
}
