package dev.loop.core.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Loop's validated configuration. Built only by {@link ConfigLoader}, so every value here has been checked. The
 * Discord token is deliberately not part of it: it comes from the environment and is handed straight to JDA.
 */
public record Config(
        Discord discord,
        Channels channels,
        List<Long> engineerRoles,
        List<Area> areas,
        ForumTags tags,
        List<String> debugQuestions,
        List<String> featureQuestions,
        Reactions reactions,
        Timelines timelines,
        NoticeMode noticeMode,
        int transcriptLimit,
        double hintMinScore,
        Duration pollDuration,
        Path databasePath,
        WeeklyReport weeklyReport,
        DailyNote promisesNote,
        DailyBackups backups,
        Optional<GitHubSettings> github,
        Optional<Long> leadershipRole,
        Duration nudgeAfter) {

    public Config {
        engineerRoles = List.copyOf(engineerRoles);
        areas = List.copyOf(areas);
        debugQuestions = List.copyOf(debugQuestions);
        featureQuestions = List.copyOf(featureQuestions);
    }

    /** Where Discord is: empty URLs mean Discord itself. */
    public record Discord(long guildId, String apiUrl, String gatewayUrl) {
        public Optional<String> apiOverride() {
            return apiUrl == null || apiUrl.isBlank() ? Optional.empty() : Optional.of(apiUrl);
        }

        public Optional<String> gatewayOverride() {
            return gatewayUrl == null || gatewayUrl.isBlank() ? Optional.empty() : Optional.of(gatewayUrl);
        }
    }

    public record Channels(List<Long> support, long team, long releases) {
        public Channels {
            support = List.copyOf(support);
        }

        public boolean isSupport(long channelId) {
            return support.contains(channelId);
        }
    }

    /**
     * A product area: who owns it, which forum tag marks a post as belonging to it, and how long such a post may wait
     * for a first answer before the owner is nudged ({@code nudgeAfter}; null = {@code watch.nudge-after}).
     */
    public record Area(String name, long ownerId, String forumTag, Duration nudgeAfter) {
        public Area(String name, long ownerId, String forumTag) {
            this(name, ownerId, forumTag, null);
        }
    }

    /** How long a support thread with these forum tags may wait for a first answer before Loop nudges the team. */
    public Duration nudgeAfter(List<String> tags) {
        for (Area a : areas) {
            if (a.forumTag() != null && a.nudgeAfter() != null && tags.contains(a.forumTag())) return a.nudgeAfter();
        }
        return nudgeAfter;
    }

    /** The area a support thread belongs to by its forum tags, if any. */
    public Optional<Area> areaOf(List<String> tags) {
        return areas.stream()
                .filter(a -> a.forumTag() != null && tags.contains(a.forumTag()))
                .findFirst();
    }

    /** Forum tag names Loop applies: "tracked" at capture, "shipped" at release. Null = don't tag. */
    public record ForumTags(String tracked, String shipped) {}

    public record Reactions(String capture, String meToo, String fixNow, String high, String low) {}

    /** What the requesters are told per priority, and how long the promise runs (null = no promise). */
    public record Timeline(String text, Duration promise) {}

    public record Timelines(Timeline fixNow, Timeline high, Timeline low) {}

    public enum NoticeMode {
        THREAD,
        DM
    }

    public record WeeklyReport(boolean enabled, DayOfWeek day, LocalTime time, ZoneId zone) {}

    public record DailyNote(boolean enabled, LocalTime time, ZoneId zone) {}

    /** {@code database.backups}: a daily copy at {@code time} into {@code dir}, the newest {@code keep} kept. */
    public record DailyBackups(boolean enabled, LocalTime time, ZoneId zone, int keep, Path dir) {
        public static DailyBackups off(Path dir) {
            return new DailyBackups(false, LocalTime.of(3, 0), ZoneId.of("UTC"), 7, dir);
        }
    }
}
