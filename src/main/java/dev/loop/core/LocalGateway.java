package dev.loop.core;

import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/** Points JDA's gateway connection at another Discord-compatible endpoint (JDABuilder never asks gateway/bot). */
final class LocalGateway extends ConcurrentSessionController {
    private final String url;

    LocalGateway(String url) {
        this.url = url;
    }

    @Override
    public String getGateway() {
        return url;
    }
}
