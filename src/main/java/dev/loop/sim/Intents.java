package dev.loop.sim;

/** Gateway intent bits the simulator honours. */
final class Intents {
    static final int GUILDS = 1;
    static final int GUILD_MEMBERS = 1 << 1;
    static final int GUILD_PRESENCES = 1 << 8;
    static final int GUILD_MESSAGES = 1 << 9;
    static final int GUILD_MESSAGE_REACTIONS = 1 << 10;
    static final int DIRECT_MESSAGES = 1 << 12;
    static final int DIRECT_MESSAGE_REACTIONS = 1 << 13;
    static final int MESSAGE_CONTENT = 1 << 15;
    static final int GUILD_MESSAGE_POLLS = 1 << 24;
    static final int DIRECT_MESSAGE_POLLS = 1 << 25;

    /** Bits 0..25 minus the retired 17..19 and 22..23 are defined; anything else closes with 4013. */
    static final int KNOWN = ((1 << 26) - 1) & ~((1 << 17) | (1 << 18) | (1 << 19) | (1 << 22) | (1 << 23));

    static final int PRIVILEGED = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;

    private Intents() {}
}
