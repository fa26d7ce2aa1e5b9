package dev.loop.github;

import dev.loop.core.config.Config;
import dev.loop.core.text.Safe;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team channel's note that a release's docs and copy review is on GitHub. Sent with a nonce made from the
 * release, so a resend after a stop between sending and recording hands back the first message.
 */
final class ReviewNotice {

    private static final Logger log = LoggerFactory.getLogger(ReviewNotice.class);

    private ReviewNotice() {}

    static String nonce(long releaseId) {
        return "ghrev" + Long.toString(releaseId, 36);
    }

    static String text(String version, int githubNumber, String url) {
        return "📝 The docs and copy to review for **" + Safe.inline(version, 64) + "** are GitHub issue #"
                + githubNumber + ": " + url + " — tick each item there once it is reviewed.";
    }

    static boolean tell(JDA jda, Config config, long releaseId, String version, int githubNumber, String url) {
        GuildMessageChannel team =
                jda.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible; the review issue's link waits",
                    config.channels().team());
            return false;
        }
        try {
            team.sendMessage(new MessageCreateBuilder()
                            .setContent(text(version, githubNumber, url))
                            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                            .build())
                    .setNonce(nonce(releaseId))
                    .complete();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not tell the team channel about the review of {}: {}", version, e.getMessage());
            return false;
        }
    }
}
