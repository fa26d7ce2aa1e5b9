package dev.loop.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads loop.yaml, applies environment overrides and validates everything, collecting every problem before failing
 * so a person fixes their file in one go. Each problem is one line naming the key.
 */
public final class ConfigLoader {

    public static final String ENV_CONFIG = "LOOP_CONFIG";
    public static final String ENV_DB = "LOOP_DB";
    public static final String ENV_API_URL = "LOOP_DISCORD_API_URL";
    public static final String ENV_GATEWAY_URL = "LOOP_DISCORD_GATEWAY_URL";
    public static final Path DEFAULT_PATH = Path.of("config", "loop.yaml");

    private static final Map<String, Set<String>> KNOWN_KEYS = Map.ofEntries(
            Map.entry(
                    "",
                    Set.of(
                            "discord",
                            "channels",
                            "roles",
                            "areas",
                            "tags",
                            "bugs",
                            "features",
                            "reactions",
                            "timeline",
                            "notices",
                            "capture",
                            "watch",
                            "naming",
                            "database",
                            "reports",
                            "github")),
            Map.entry("discord", Set.of("guild", "api-url", "gateway-url")),
            Map.entry("channels", Set.of("support", "team", "releases")),
            Map.entry("roles", Set.of("engineers", "leadership")),
            Map.entry("areas[]", Set.of("name", "owner", "forum-tag", "nudge-after")),
            Map.entry("tags", Set.of("tracked", "shipped")),
            Map.entry("bugs", Set.of("debug-questions")),
            Map.entry("features", Set.of("questions")),
            Map.entry("reactions", Set.of("capture", "me-too", "fix-now", "high", "low")),
            Map.entry("timeline", Set.of("fix-now", "high", "low")),
            Map.entry("timeline.*", Set.of("text", "promise")),
            Map.entry("notices", Set.of("delivery")),
            Map.entry("capture", Set.of("transcript-limit")),
            Map.entry("watch", Set.of("hint-min-score", "nudge-after")),
            Map.entry("naming", Set.of("poll-duration")),
            Map.entry("database", Set.of("path", "backups")),
            Map.entry("database.backups", Set.of("daily-at", "zone", "keep", "dir")),
            Map.entry("reports", Set.of("weekly", "promises-daily")),
            Map.entry("reports.weekly", Set.of("enabled", "day", "time", "zone")),
            Map.entry("reports.promises-daily", Set.of("enabled", "time", "zone")));

    private final List<String> problems = new ArrayList<>();
    private final ConfigValues values = new ConfigValues(problems);

    private ConfigLoader() {}

    /** Loads the file named by LOOP_CONFIG (default config/loop.yaml) with the environment's overrides. */
    public static Config load(Map<String, String> env) {
        String override = env.get(ENV_CONFIG);
        Path path = override == null || override.isBlank() ? DEFAULT_PATH : Path.of(override);
        return load(path, env);
    }

    public static Config load(Path path, Map<String, String> env) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(List.of("config file " + path + " not found: copy config/loop.example.yaml to "
                    + path + " and fill it in (or set " + ENV_CONFIG + ")"));
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new ConfigException(List.of("config file " + path + " cannot be read: " + e.getMessage()));
        }
        return parse(text, path.toString(), env);
    }

    public static Config parse(String yaml, String source, Map<String, String> env) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            String msg = e.getMessage() == null
                    ? ""
                    : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException(List.of(source + " is not valid YAML: " + msg));
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = MissingNode.getInstance();
        if (!root.isObject()) throw new ConfigException(List.of(source + " must be a YAML mapping of sections"));
        return new ConfigLoader().build(root, env);
    }

    private Config build(JsonNode root, Map<String, String> env) {
        checkKeys(root, "", "");
        if (root.path("discord").has("token")) {
            problems.removeIf(p -> p.startsWith("discord.token:"));
            problems.add("discord.token: the token must not be in a file; set DISCORD_TOKEN in the environment");
        }

        JsonNode discord = root.path("discord");
        long guild = values.snowflake(discord.path("guild"), "discord.guild", true);
        String apiUrl = values.url(
                env.getOrDefault(ENV_API_URL, values.text(discord.path("api-url"), "discord.api-url", "")),
                env.containsKey(ENV_API_URL) ? ENV_API_URL : "discord.api-url",
                "http");
        String gatewayUrl = values.url(
                env.getOrDefault(ENV_GATEWAY_URL, values.text(discord.path("gateway-url"), "discord.gateway-url", "")),
                env.containsKey(ENV_GATEWAY_URL) ? ENV_GATEWAY_URL : "discord.gateway-url",
                "ws");

        JsonNode channels = root.path("channels");
        List<Long> support = values.snowflakes(channels.path("support"), "channels.support", true);
        long team = values.snowflake(channels.path("team"), "channels.team", true);
        long releases = values.snowflake(channels.path("releases"), "channels.releases", true);

        List<Long> engineers = values.snowflakes(root.path("roles").path("engineers"), "roles.engineers", true);
        if (root.path("roles").path("engineers").isMissingNode()) {
            // snowflakes() already reported it; make the consequence explicit
            problems.removeIf(p -> p.startsWith("roles.engineers:"));
            problems.add(
                    "roles.engineers: missing; name at least one engineer role id (only engineers can capture, triage and release)");
        }

        // optional: the on-call leadership role, pinged once in the design thread of an issue that is Fix it now
        JsonNode leadershipNode = root.path("roles").path("leadership");
        Optional<Long> leadership = leadershipNode.isMissingNode() || leadershipNode.isNull()
                ? Optional.empty()
                : Optional.of(values.snowflake(leadershipNode, "roles.leadership", true));

        List<Config.Area> areas = areas(root.path("areas"));

        JsonNode tags = root.path("tags");
        Config.ForumTags forumTags = new Config.ForumTags(
                values.tagName(tags.path("tracked"), "tags.tracked", "tracked"),
                values.tagName(tags.path("shipped"), "tags.shipped", "shipped"));

        List<String> questions = questions(
                root.path("bugs").path("debug-questions"),
                "bugs.debug-questions",
                List.of("Which version are you on?", "Steps to reproduce", "Logs or error messages"));
        List<String> featureQuestions = questions(
                root.path("features").path("questions"),
                "features.questions",
                List.of("What are you trying to achieve?", "How do you do it today?"));

        JsonNode r = root.path("reactions");
        Config.Reactions reactions = new Config.Reactions(
                values.emoji(r.path("capture"), "reactions.capture", "📌"),
                values.emoji(r.path("me-too"), "reactions.me-too", "👍"),
                values.emoji(r.path("fix-now"), "reactions.fix-now", "🔥"),
                values.emoji(r.path("high"), "reactions.high", "⬆️"),
                values.emoji(r.path("low"), "reactions.low", "⬇️"));
        Set<String> distinct = new LinkedHashSet<>(
                List.of(reactions.capture(), reactions.meToo(), reactions.fixNow(), reactions.high(), reactions.low()));
        if (distinct.size() < 5) problems.add("reactions: every reaction must be a different emoji");

        JsonNode t = root.path("timeline");
        Config.Timelines timelines = new Config.Timelines(
                timeline(t.path("fix-now"), "timeline.fix-now", "today or tomorrow", Duration.ofDays(2)),
                timeline(t.path("high"), "timeline.high", "this week or next week", Duration.ofDays(14)),
                timeline(
                        t.path("low"),
                        "timeline.low",
                        "we won't get to it right away — if it becomes a blocker, press This blocks me and we'll bump it up",
                        null));

        Config.NoticeMode mode =
                switch (values.text(root.path("notices").path("delivery"), "notices.delivery", "thread")
                        .toLowerCase(Locale.ROOT)) {
                    case "thread" -> Config.NoticeMode.THREAD;
                    case "dm" -> Config.NoticeMode.DM;
                    default -> {
                        problems.add("notices.delivery: must be thread or dm, not \""
                                + root.path("notices").path("delivery").asText() + "\"");
                        yield Config.NoticeMode.THREAD;
                    }
                };

        int transcriptLimit = values.integer(
                root.path("capture").path("transcript-limit"), "capture.transcript-limit", 500, 1, 10_000);
        double hintMinScore =
                values.number(root.path("watch").path("hint-min-score"), "watch.hint-min-score", 0.5, 0, 1);
        Duration nudgeAfter = values.duration(
                root.path("watch").path("nudge-after"), "watch.nudge-after", Duration.ofHours(4), false);
        if (nudgeAfter != null && nudgeAfter.compareTo(Duration.ofMinutes(1)) < 0) {
            problems.add("watch.nudge-after: must be at least 1m; got "
                    + root.path("watch").path("nudge-after").asText());
        }
        Duration pollDuration = values.duration(
                root.path("naming").path("poll-duration"), "naming.poll-duration", Duration.ofHours(24), false);
        if (pollDuration != null
                && (pollDuration.toHours() < 1 || pollDuration.toHours() > 768 || pollDuration.toMinutes() % 60 != 0)) {
            problems.add("naming.poll-duration: Discord polls last whole hours, from 1h to 768h (32 days); got "
                    + root.path("naming").path("poll-duration").asText());
        }

        String dbText = env.getOrDefault(
                ENV_DB, values.text(root.path("database").path("path"), "database.path", "data/loop.db"));
        if (dbText.isBlank())
            problems.add((env.containsKey(ENV_DB) ? ENV_DB : "database.path") + ": must not be empty");
        Path dbPath = Path.of(dbText.isBlank() ? "data/loop.db" : dbText);

        Config.DailyBackups backups = backups(root.path("database").path("backups"), dbPath);

        JsonNode weekly = root.path("reports").path("weekly");
        Config.WeeklyReport weeklyReport = new Config.WeeklyReport(
                values.bool(weekly.path("enabled"), "reports.weekly.enabled", true),
                values.dayOfWeek(weekly.path("day"), "reports.weekly.day", DayOfWeek.MONDAY),
                values.time(weekly.path("time"), "reports.weekly.time", LocalTime.of(9, 0)),
                values.zone(weekly.path("zone"), "reports.weekly.zone"));
        JsonNode daily = root.path("reports").path("promises-daily");
        Config.DailyNote promisesNote = new Config.DailyNote(
                values.bool(daily.path("enabled"), "reports.promises-daily.enabled", true),
                values.time(daily.path("time"), "reports.promises-daily.time", LocalTime.of(9, 0)),
                values.zone(daily.path("zone"), "reports.promises-daily.zone"));

        var github = GitHubSection.parse(root.path("github"), env, problems);

        if (!problems.isEmpty()) throw new ConfigException(problems);
        return new Config(
                new Config.Discord(guild, apiUrl, gatewayUrl),
                new Config.Channels(support, team, releases),
                engineers,
                areas,
                forumTags,
                questions,
                featureQuestions,
                reactions,
                timelines,
                mode,
                transcriptLimit,
                hintMinScore,
                pollDuration,
                dbPath,
                weeklyReport,
                promisesNote,
                backups,
                github,
                leadership,
                nudgeAfter);
    }

    /** {@code database.backups}: absent means no daily backup; present turns it on, every key optional. */
    private Config.DailyBackups backups(JsonNode node, Path dbPath) {
        // beside the database file, as Backups.defaultDir has it: data/loop.db keeps its backups in data/backups
        Path defaultDir = dbPath.getParent() == null
                ? Path.of("backups")
                : dbPath.getParent().resolve("backups");
        if (node.isMissingNode() || node.isNull()) return Config.DailyBackups.off(defaultDir);
        if (!node.isObject()) {
            problems.add("database.backups: expected a mapping such as { daily-at: \"03:00\", keep: 7, dir: "
                    + "data/backups }");
            return Config.DailyBackups.off(defaultDir);
        }
        String dir = values.text(node.path("dir"), "database.backups.dir", defaultDir.toString());
        if (dir.isBlank()) problems.add("database.backups.dir: must not be empty");
        return new Config.DailyBackups(
                true,
                values.time(node.path("daily-at"), "database.backups.daily-at", LocalTime.of(3, 0)),
                values.zone(node.path("zone"), "database.backups.zone"),
                values.integer(node.path("keep"), "database.backups.keep", 7, 1, 1000),
                dir.isBlank() ? defaultDir : Path.of(dir));
    }

    // ---- structure

    private void checkKeys(JsonNode node, String path, String schemaKey) {
        if (!node.isObject()) return;
        Set<String> known = KNOWN_KEYS.get(schemaKey);
        if (known == null) return;
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            if (!known.contains(f.getKey())) {
                problems.add(key + ": unknown key" + suggestion(f.getKey(), known));
                continue;
            }
            String childSchema = schemaKey.isEmpty() ? f.getKey() : schemaKey + "." + f.getKey();
            if (schemaKey.equals("timeline")) childSchema = "timeline.*";
            if (f.getValue().isArray() && KNOWN_KEYS.containsKey(childSchema + "[]")) {
                for (int i = 0; i < f.getValue().size(); i++) {
                    checkKeys(f.getValue().get(i), key + "[" + i + "]", childSchema + "[]");
                }
            } else {
                checkKeys(f.getValue(), key, childSchema);
            }
        }
    }

    private static String suggestion(String key, Set<String> known) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
        for (String candidate : known) {
            if (candidate.equals(k) || candidate.replace("-", "").equals(k.replace("-", ""))) {
                return " (did you mean \"" + candidate + "\"?)";
            }
        }
        return " (known keys: " + String.join(", ", known.stream().sorted().toList()) + ")";
    }

    // ---- sections

    private List<Config.Area> areas(JsonNode node) {
        List<Config.Area> areas = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) return areas;
        if (!node.isArray()) {
            problems.add("areas: expected a list of {name, owner, forum-tag}");
            return areas;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            String key = "areas[" + i + "]";
            String name = values.text(a.path("name"), key + ".name", "").trim();
            if (name.isEmpty()) problems.add(key + ".name: missing; every product area needs a name");
            else if (name.length() > 100) problems.add(key + ".name: longer than 100 characters");
            else if (!names.add(name.toLowerCase(Locale.ROOT)))
                problems.add(key + ".name: \"" + name + "\" is listed twice");
            long owner = values.snowflake(a.path("owner"), key + ".owner", true);
            String tag = a.path("forum-tag").isMissingNode()
                    ? null
                    : values.tagName(a.path("forum-tag"), key + ".forum-tag", null);
            Duration nudge = null;
            if (!a.path("nudge-after").isMissingNode()) {
                nudge = values.duration(a.path("nudge-after"), key + ".nudge-after", null, false);
                if (nudge != null && nudge.compareTo(Duration.ofMinutes(1)) < 0) {
                    problems.add(key + ".nudge-after: must be at least 1m; got "
                            + a.path("nudge-after").asText());
                }
                if (tag == null) {
                    problems.add(key + ".nudge-after: applies to posts with the area's forum-tag, and this area has"
                            + " none; add a forum-tag or remove nudge-after");
                }
            }
            areas.add(new Config.Area(name, owner, tag, nudge));
        }
        return areas;
    }
    /** A list of questions for a Discord form: at most 5, each a field label of at most 45 characters. */
    private List<String> questions(JsonNode node, String key, List<String> defaults) {
        if (node.isMissingNode() || node.isNull()) return defaults;
        if (!node.isArray()) {
            problems.add(key + ": expected a list of questions");
            return defaults;
        }
        if (node.size() > 5)
            problems.add(key + ": at most 5 questions (a Discord modal holds 5 fields); found " + node.size());
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String q = values.text(node.get(i), key + "[" + i + "]", "").trim();
            if (q.isEmpty()) problems.add(key + "[" + i + "]: empty question");
            else if (q.length() > 45)
                problems.add(key + "[" + i + "]: \"" + ConfigValues.shorten(q)
                        + "\" is longer than 45 characters (Discord's limit for a modal field label)");
            questions.add(q);
        }
        return questions;
    }

    private Config.Timeline timeline(JsonNode node, String key, String text, Duration promise) {
        if (node.isMissingNode() || node.isNull()) return new Config.Timeline(text, promise);
        String t = values.text(node.path("text"), key + ".text", text);
        if (t.isBlank()) problems.add(key + ".text: must not be empty");
        else if (t.length() > 500) problems.add(key + ".text: longer than 500 characters");
        Duration p =
                node.has("promise") ? values.duration(node.path("promise"), key + ".promise", promise, true) : promise;
        return new Config.Timeline(t, p);
    }

    /** A unicode emoji (no letters, digits or spaces, at most a short sequence) or a custom emoji reference. */
    static boolean isEmoji(String v) {
        return ConfigValues.isEmoji(v);
    }
}
