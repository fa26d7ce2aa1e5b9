package dev.loop.core.discord;

import java.util.Optional;
import java.util.function.Predicate;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Loop's own message among a channel's newest ones, for the starts that ask "did the process before me send this and
 * stop before recording it?" (a card, a triage prompt). Discord's nonce only covers a few minutes, so after a longer
 * stop the destination itself is the record: how far back a start looks is one number for every such look.
 */
public final class EarlierMessages {

    /** How many of the channel's newest messages a start reads: one page of Discord's history. */
    public static final int LOOK_BACK = 50;

    private EarlierMessages() {}

    /** The newest of Loop's own messages among the channel's {@link #LOOK_BACK} newest that {@code matches}. */
    public static Optional<Message> findOwn(MessageChannel channel, Predicate<Message> matches) {
        long self = channel.getJDA().getSelfUser().getIdLong();
        return channel.getHistory().retrievePast(LOOK_BACK).complete().stream()
                .filter(m -> m.getAuthor().getIdLong() == self)
                .filter(matches)
                .findFirst();
    }
}
