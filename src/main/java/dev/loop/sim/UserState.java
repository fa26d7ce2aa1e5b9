package dev.loop.sim;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Discord user, shared by all guilds the user is in. Mutable fields are guarded by the world lock. */
final class UserState {
    final long id;
    final String username;
    final boolean bot;
    volatile String globalName;
    /** false models "DMs from server members disabled" / the user blocked the bot: sends answer 403 50007. */
    volatile boolean dmsOpen = true;

    volatile ChannelState dmChannel;
    /** Ephemeral messages only this user can see, oldest first. */
    final List<MessageState> ephemerals = new CopyOnWriteArrayList<>();

    UserState(long id, String username, boolean bot) {
        this.id = id;
        this.username = username;
        this.bot = bot;
    }

    @Override
    public String toString() {
        return username + "(" + id + ")";
    }
}
