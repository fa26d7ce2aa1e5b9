package dev.loop.issue;

/** A place about to be added to an issue. */
public record NewPlace(
        Place.PlaceKind kind,
        Long guildId,
        Long parentChannelId,
        Long channelId,
        Long messageId,
        String url,
        String title) {}
