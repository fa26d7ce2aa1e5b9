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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern SNOWFLAKE = Pattern.compile("[1-9][0-9]{15,19}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])");
    private static final Pattern CUSTOM_EMOJI =
            Pattern.compile("<a?:[A-Za-z0-9_]{2,32}:[0-9]{15,20}>|[A-Za-z0-9_]{2,32}:[0-9]{15,20}");

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
            Map.entry("roles", Set.of("engineers")),
            Map.entry("areas[]", Set.of("name", "owner", "forum-tag")),
            Map.entry("tags", Set.of("tracked", "shipped")),
            Map.entry("bugs", Set.of("debug-questions")),
            Map.entry("features", Set.of("questions")),
            Map.entry("reactions", Set.of("capture", "me-too", "fix-now", "high", "low")),
            Map.entry("timeline", Set.of("fix-now", "high", "low")),
            Map.entry("timeline.*", Set.of("text", "promise")),
            Map.entry("notices", Set.of("delivery")),
            Map.entry("capture", Set.of("transcript-limit")),
            Map.entry("watch", Set.of("hint-min-score")),
            Map.entry("naming", Set.of("poll-duration")),
            Map.entry("database", Set.of("path", "backups")),
            Map.entry("database.backups", Set.of("daily-at", "zone", "keep", "dir")),
            Map.entry("reports", Set.of("weekly", "promises-daily")),
            Map.entry("reports.weekly", Set.of("enabled", "day", "time", "zone")),
            Map.entry("reports.promises-daily", Set.of("enabled", "time", "zone")));

    private final List<String> problems = new ArrayList<>();

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
        long guild = snowflake(discord.path("guild"), "discord.guild", true);
        String apiUrl = url(
                env.getOrDefault(ENV_API_URL, text(discord.path("api-url"), "discord.api-url", "")),
                env.containsKey(ENV_API_URL) ? ENV_API_URL : "discord.api-url",
                "http");
        String gatewayUrl = url(
                env.getOrDefault(ENV_GATEWAY_URL, text(discord.path("gateway-url"), "discord.gateway-url", "")),
                env.containsKey(ENV_GATEWAY_URL) ? ENV_GATEWAY_URL : "discord.gateway-url",
                "ws");

        JsonNode channels = root.path("channels");
        List<Long> support = snowflakes(channels.path("support"), "channels.support", true);
        long team = snowflake(channels.path("team"), "channels.team", true);
        long releases = snowflake(channels.path("releases"), "channels.releases", true);

        List<Long> engineers = snowflakes(root.path("roles").path("engineers"), "roles.engineers", true);
        if (root.path("roles").path("engineers").isMissingNode()) {
            // snowflakes() already reported it; make the consequence explicit
            problems.removeIf(p -> p.startsWith("roles.engineers:"));
            problems.add(
                    "roles.engineers: missing; name at least one engineer role id (only engineers can capture, triage and release)");
        }

        List<Config.Area> areas = areas(root.path("areas"));

        JsonNode tags = root.path("tags");
        Config.ForumTags forumTags = new Config.ForumTags(
                tagName(tags.path("tracked"), "tags.tracked", "tracked"),
                tagName(tags.path("shipped"), "tags.shipped", "shipped"));

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
                emoji(r.path("capture"), "reactions.capture", "📌"),
                emoji(r.path("me-too"), "reactions.me-too", "👍"),
                emoji(r.path("fix-now"), "reactions.fix-now", "🔥"),
                emoji(r.path("high"), "reactions.high", "⬆️"),
                emoji(r.path("low"), "reactions.low", "⬇️"));
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

        Config.NoticeMode mode = switch (text(root.path("notices").path("delivery"), "notices.delivery", "thread")
                .toLowerCase(Locale.ROOT)) {
            case "thread" -> Config.NoticeMode.THREAD;
            case "dm" -> Config.NoticeMode.DM;
            default -> {
                problems.add("notices.delivery: must be thread or dm, not \""
                        + root.path("notices").path("delivery").asText() + "\"");
                yield Config.NoticeMode.THREAD;
            }
        };

        int transcriptLimit =
                integer(root.path("capture").path("transcript-limit"), "capture.transcript-limit", 500, 1, 10_000);
        double hintMinScore = number(root.path("watch").path("hint-min-score"), "watch.hint-min-score", 0.5, 0, 1);
        Duration pollDuration = duration(
                root.path("naming").path("poll-duration"), "naming.poll-duration", Duration.ofHours(24), false);
        if (pollDuration != null
                && (pollDuration.toHours() < 1 || pollDuration.toHours() > 768 || pollDuration.toMinutes() % 60 != 0)) {
            problems.add("naming.poll-duration: Discord polls last whole hours, from 1h to 768h (32 days); got "
                    + root.path("naming").path("poll-duration").asText());
        }

        String dbText =
                env.getOrDefault(ENV_DB, text(root.path("database").path("path"), "database.path", "data/loop.db"));
        if (dbText.isBlank())
            problems.add((env.containsKey(ENV_DB) ? ENV_DB : "database.path") + ": must not be empty");
        Path dbPath = Path.of(dbText.isBlank() ? "data/loop.db" : dbText);

        Config.DailyBackups backups = backups(root.path("database").path("backups"), dbPath);

        JsonNode weekly = root.path("reports").path("weekly");
        Config.WeeklyReport weeklyReport = new Config.WeeklyReport(
                bool(weekly.path("enabled"), "reports.weekly.enabled", true),
                dayOfWeek(weekly.path("day"), "reports.weekly.day", DayOfWeek.MONDAY),
                time(weekly.path("time"), "reports.weekly.time", LocalTime.of(9, 0)),
                zone(weekly.path("zone"), "reports.weekly.zone"));
        JsonNode daily = root.path("reports").path("promises-daily");
        Config.DailyNote promisesNote = new Config.DailyNote(
                bool(daily.path("enabled"), "reports.promises-daily.enabled", true),
                time(daily.path("time"), "reports.promises-daily.time", LocalTime.of(9, 0)),
                zone(daily.path("zone"), "reports.promises-daily.zone"));

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
                github);
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
        String dir = text(node.path("dir"), "database.backups.dir", defaultDir.toString());
        if (dir.isBlank()) problems.add("database.backups.dir: must not be empty");
        return new Config.DailyBackups(
                true,
                time(node.path("daily-at"), "database.backups.daily-at", LocalTime.of(3, 0)),
                zone(node.path("zone"), "database.backups.zone"),
                integer(node.path("keep"), "database.backups.keep", 7, 1, 1000),
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

    // ---- values

    private long snowflake(JsonNode node, String key, boolean required) {
        if (node.isMissingNode() || node.isNull()) {
            if (required) problems.add(key + ": missing; expected a Discord id (17–20 digits)");
            return 0;
        }
        String v = node.asText().trim();
        if (!node.isValueNode() || !SNOWFLAKE.matcher(v).matches()) {
            problems.add(key + ": \"" + shorten(node.isValueNode() ? v : node.toString())
                    + "\" is not a Discord id (17–20 digits; in Discord, enable Developer Mode and use Copy ID)");
            return 0;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            problems.add(key + ": \"" + v + "\" is too large to be a Discord id");
            return 0;
        }
    }

    private List<Long> snowflakes(JsonNode node, String key, boolean required) {
        List<Long> ids = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            if (required) problems.add(key + ": missing; expected a list of Discord ids");
            return ids;
        }
        if (node.isValueNode()) {
            ids.add(snowflake(node, key, true));
            return ids;
        }
        if (!node.isArray()) {
            problems.add(key + ": expected a list of Discord ids");
            return ids;
        }
        if (node.isEmpty() && required) problems.add(key + ": empty; name at least one Discord id");
        for (int i = 0; i < node.size(); i++) ids.add(snowflake(node.get(i), key + "[" + i + "]", true));
        return ids;
    }

    private String text(JsonNode node, String key, String fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.isValueNode()) {
            problems.add(key + ": expected a single value");
            return fallback;
        }
        return node.asText();
    }

    private String url(String value, String key, String scheme) {
        if (value == null || value.isBlank()) return "";
        String v = value.trim();
        if (!(v.startsWith(scheme + "://") || v.startsWith(scheme + "s://"))) {
            problems.add(key + ": \"" + shorten(v) + "\" must start with " + scheme + ":// or " + scheme + "s://");
        }
        return v;
    }

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
            String name = text(a.path("name"), key + ".name", "").trim();
            if (name.isEmpty()) problems.add(key + ".name: missing; every product area needs a name");
            else if (name.length() > 100) problems.add(key + ".name: longer than 100 characters");
            else if (!names.add(name.toLowerCase(Locale.ROOT)))
                problems.add(key + ".name: \"" + name + "\" is listed twice");
            long owner = snowflake(a.path("owner"), key + ".owner", true);
            String tag =
                    a.path("forum-tag").isMissingNode() ? null : tagName(a.path("forum-tag"), key + ".forum-tag", null);
            areas.add(new Config.Area(name, owner, tag));
        }
        return areas;
    }

    private String tagName(JsonNode node, String key, String fallback) {
        if (node.isMissingNode()) return fallback;
        if (node.isNull() || node.asText().isBlank()) return null;
        String v = text(node, key, fallback);
        if (v != null && v.length() > 20)
            problems.add(key + ": \"" + shorten(v) + "\" is longer than Discord's 20 characters for a forum tag");
        return v;
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
            String q = text(node.get(i), key + "[" + i + "]", "").trim();
            if (q.isEmpty()) problems.add(key + "[" + i + "]: empty question");
            else if (q.length() > 45)
                problems.add(key + "[" + i + "]: \"" + shorten(q)
                        + "\" is longer than 45 characters (Discord's limit for a modal field label)");
            questions.add(q);
        }
        return questions;
    }

    private String emoji(JsonNode node, String key, String fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        String v = text(node, key, fallback).trim();
        if (!isEmoji(v)) {
            problems.add(key + ": \"" + shorten(v)
                    + "\" is not an emoji (use the emoji itself, e.g. 👍, or a custom one as <:name:id>)");
            return fallback;
        }
        return v;
    }

    /** A unicode emoji (no letters, digits or spaces, at most a short sequence) or a custom emoji reference. */
    static boolean isEmoji(String v) {
        if (v.isEmpty()) return false;
        if (CUSTOM_EMOJI.matcher(v).matches()) return true;
        int count = v.codePointCount(0, v.length());
        if (count > 16) return false;
        boolean pictographic = false;
        for (int cp : v.codePoints().toArray()) {
            if (Character.isWhitespace(cp)
                    || Character.isLetter(cp)
                    || cp < 0x80 && cp != '#' && cp != '*' && !Character.isDigit(cp)) {
                return false;
            }
            if (Character.isEmoji(cp) && cp >= 0x80) pictographic = true;
        }
        return pictographic;
    }

    private Config.Timeline timeline(JsonNode node, String key, String text, Duration promise) {
        if (node.isMissingNode() || node.isNull()) return new Config.Timeline(text, promise);
        String t = text(node.path("text"), key + ".text", text);
        if (t.isBlank()) problems.add(key + ".text: must not be empty");
        else if (t.length() > 500) problems.add(key + ".text: longer than 500 characters");
        Duration p = node.has("promise") ? duration(node.path("promise"), key + ".promise", promise, true) : promise;
        return new Config.Timeline(t, p);
    }

    /** Durations like 30m, 36h, 2d, 1w; "none" where allowed. */
    private Duration duration(JsonNode node, String key, Duration fallback, boolean noneAllowed) {
        if (node.isMissingNode()) return fallback;
        String v = node.isNull() ? "none" : node.asText().trim().toLowerCase(Locale.ROOT);
        if (v.equals("none") || v.equals("never")) {
            if (noneAllowed) return null;
            problems.add(key + ": must be a duration such as 24h");
            return fallback;
        }
        var m = DURATION.matcher(v);
        if (!m.matches()) {
            problems.add(key + ": \"" + shorten(v) + "\" is not a duration (use e.g. 30m, 36h, 2d, 1w"
                    + (noneAllowed ? " or none" : "") + ")");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.isZero()) problems.add(key + ": must be longer than zero");
        return d;
    }

    private int integer(JsonNode node, String key, int fallback, int min, int max) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.canConvertToInt()
                || !(node.isIntegralNumber() || node.asText().matches("-?\\d+"))) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a whole number");
            return fallback;
        }
        int v = node.asInt();
        if (v < min || v > max) problems.add(key + ": " + v + " is out of range " + min + "–" + max);
        return v;
    }

    private double number(JsonNode node, String key, double fallback, double min, double max) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        double v;
        try {
            v = node.isNumber() ? node.asDouble() : Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a number");
            return fallback;
        }
        if (v < min || v > max) problems.add(key + ": " + v + " is out of range " + min + "–" + max);
        return v;
    }

    private boolean bool(JsonNode node, String key, boolean fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (node.isBoolean()) return node.asBoolean();
        String v = node.asText().trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes")) return true;
        if (v.equals("false") || v.equals("no")) return false;
        problems.add(key + ": \"" + shorten(v) + "\" must be true or false");
        return fallback;
    }

    private DayOfWeek dayOfWeek(JsonNode node, String key, DayOfWeek fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        String v = node.asText().trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(v) || d.name().substring(0, 3).equals(v)) return d;
        }
        problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a day of the week (monday … sunday)");
        return fallback;
    }

    private LocalTime time(JsonNode node, String key, LocalTime fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        try {
            return LocalTime.parse(node.asText().trim());
        } catch (DateTimeParseException e) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a time of day (HH:MM, 24-hour)");
            return fallback;
        }
    }

    private ZoneId zone(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(node.asText().trim());
        } catch (RuntimeException e) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a time zone (e.g. UTC, Europe/Berlin)");
            return ZoneId.of("UTC");
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
