package dev.loop.capture;

import dev.loop.core.discord.UserError;
import net.dv8tion.jda.api.JDA;

/**
 * The port through which {@code /link} links a GitHub issue ({@code #123} or its address) as a place, wired in
 * {@code dev.loop.app} to the GitHub sync when its section is configured.
 */
@FunctionalInterface
public interface GitHubPlaces {

    /** Links and returns the answer to show; throws {@link UserError} with the sentence when refused. */
    String link(JDA jda, int issue, String typed, long actor);

    /** Without a {@code github:} section: every GitHub link is refused with one clear sentence. */
    GitHubPlaces NOT_CONFIGURED = (jda, issue, typed, actor) -> {
        throw new UserError("GitHub is not configured on this server, so /link cannot take a GitHub issue;"
                + " link a Discord thread instead.");
    };
}
