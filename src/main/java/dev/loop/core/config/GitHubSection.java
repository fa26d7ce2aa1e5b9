package dev.loop.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates the optional {@code github:} section into {@link GitHubSettings}, adding one line per problem
 * to the loader's list so the whole file is reported at once. An absent section means Loop runs without GitHub.
 */
final class GitHubSection {

    static final String ENV_TOKEN = "GITHUB_TOKEN";
    static final String ENV_API_URL = "LOOP_GITHUB_API_URL";

    private static final Set<String> KEYS = Set.of(
            "repo",
            "api-url",
            "poll-interval",
            "labels",
            "transcript",
            "import-label",
            "people",
            "auto-publish",
            "close-on-ship",
            "close-when-closed",
            "writes-per-minute",
            "include-prereleases",
            "review-label");
    private static final Set<String> LABEL_KEYS = Set.of("kind", "priority", "area");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern SNOWFLAKE = Pattern.compile("[1-9][0-9]{15,19}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smh])");

    private final List<String> problems;

    private GitHubSection(List<String> problems) {
        this.problems = problems;
    }

    static Optional<GitHubSettings> parse(JsonNode node, Map<String, String> env, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) return Optional.empty();
        return Optional.ofNullable(new GitHubSection(problems).read(node, env));
    }

    private GitHubSettings read(JsonNode node, Map<String, String> env) {
        if (!node.isObject()) {
            problems.add("github: expected a section with repo, api-url, poll-interval, labels, transcript …");
            return null;
        }
        unknownKeys(node, "github", KEYS);
        if (node.has("token"))
            problems.add("github.token: the token must not be in a file; set " + ENV_TOKEN + " in the environment");

        String repo = text(node.path("repo"), "github.repo", "").trim();
        String owner = "";
        String name = "";
        if (repo.isEmpty()) problems.add("github.repo: missing; name the repository as owner/name");
        else if (!REPO.matcher(repo).matches())
            problems.add("github.repo: \"" + shorten(repo) + "\" is not owner/name (e.g. acme/widget)");
        else {
            owner = repo.substring(0, repo.indexOf('/'));
            name = repo.substring(repo.indexOf('/') + 1);
        }

        boolean fromEnv = env.containsKey(ENV_API_URL) && !env.get(ENV_API_URL).isBlank();
        String apiUrl = fromEnv
                ? env.get(ENV_API_URL).trim()
                : text(node.path("api-url"), "github.api-url", "").trim();
        if (apiUrl.isEmpty()) apiUrl = GitHubSettings.DEFAULT_API_URL;
        else if (!(apiUrl.startsWith("http://") || apiUrl.startsWith("https://")))
            problems.add((fromEnv ? ENV_API_URL : "github.api-url") + ": \"" + shorten(apiUrl)
                    + "\" must start with http:// or https://");
        while (apiUrl.endsWith("/")) apiUrl = apiUrl.substring(0, apiUrl.length() - 1);

        String token = env.getOrDefault(ENV_TOKEN, "").trim();
        if (token.isEmpty())
            problems.add("github: " + ENV_TOKEN + " is not set; export a token that may read and write the issues of "
                    + (repo.isEmpty() ? "the repository" : repo) + " (see README, GitHub)");

        Duration poll = duration(node.path("poll-interval"), "github.poll-interval", Duration.ofSeconds(60));
        if (poll.compareTo(Duration.ofSeconds(10)) < 0 || poll.compareTo(Duration.ofHours(1)) > 0)
            problems.add("github.poll-interval: must be between 10s and 1h");

        GitHubSettings.Labels labels = labels(node.path("labels"));

        GitHubSettings.Transcript transcript = switch (text(node.path("transcript"), "github.transcript", "full")
                .trim()
                .toLowerCase(Locale.ROOT)) {
            case "full" -> GitHubSettings.Transcript.FULL;
            case "summary" -> GitHubSettings.Transcript.SUMMARY;
            default -> {
                problems.add("github.transcript: must be full or summary, not \""
                        + shorten(node.path("transcript").asText()) + "\"");
                yield GitHubSettings.Transcript.FULL;
            }
        };

        String importLabel =
                text(node.path("import-label"), "github.import-label", "").trim();
        if (importLabel.length() > 50) problems.add("github.import-label: longer than GitHub's 50 characters");

        Map<String, Long> people = people(node.path("people"));
        boolean autoPublish = bool(node.path("auto-publish"), "github.auto-publish", false);
        boolean closeOnShip = bool(node.path("close-on-ship"), "github.close-on-ship", true);
        boolean closeWhenClosed = bool(node.path("close-when-closed"), "github.close-when-closed", true);
        int writes = integer(node.path("writes-per-minute"), "github.writes-per-minute", 80, 1, 80);
        boolean prereleases = bool(node.path("include-prereleases"), "github.include-prereleases", false);
        String reviewLabel = node.path("review-label").isMissingNode()
                ? GitHubSettings.DEFAULT_REVIEW_LABEL
                : text(node.path("review-label"), "github.review-label", "").trim();
        if (reviewLabel.length() > 50) problems.add("github.review-label: longer than GitHub's 50 characters");
        else if (reviewLabel.contains(","))
            problems.add("github.review-label: \"" + shorten(reviewLabel) + "\" must not contain a comma");

        return new GitHubSettings(
                owner,
                name,
                apiUrl,
                new GitHubSettings.Token(token),
                poll,
                labels,
                transcript,
                importLabel,
                people,
                autoPublish,
                closeOnShip,
                writes,
                prereleases,
                reviewLabel,
                closeWhenClosed);
    }

    private GitHubSettings.Labels labels(JsonNode node) {
        GitHubSettings.Labels defaults = new GitHubSettings.Labels("{value}", "priority: {value}", "area: {value}");
        if (node.isMissingNode() || node.isNull()) return defaults;
        if (!node.isObject()) {
            problems.add("github.labels: expected kind, priority and area label names");
            return defaults;
        }
        unknownKeys(node, "github.labels", LABEL_KEYS);
        return new GitHubSettings.Labels(
                label(node.path("kind"), "github.labels.kind", defaults.kind()),
                label(node.path("priority"), "github.labels.priority", defaults.priority()),
                label(node.path("area"), "github.labels.area", defaults.area()));
    }

    private String label(JsonNode node, String key, String fallback) {
        if (node.isMissingNode()) return fallback;
        String v = node.isNull() ? "" : text(node, key, fallback).trim();
        if (v.isEmpty()) return "";
        if (!v.contains("{value}"))
            problems.add(
                    key + ": \"" + shorten(v) + "\" must contain {value} (e.g. \"priority: {value}\"), or be empty");
        else if (v.replace("{value}", "").length() > 30)
            problems.add(key + ": \"" + shorten(v) + "\" leaves too little of GitHub's 50 characters for the value");
        return v;
    }

    private Map<String, Long> people(JsonNode node) {
        Map<String, Long> people = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) return people;
        if (!node.isObject()) {
            problems.add("github.people: expected a map of GitHub login to Discord user id");
            return people;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = "github.people." + f.getKey();
            if (!LOGIN.matcher(f.getKey()).matches()) {
                problems.add(key + ": \"" + shorten(f.getKey()) + "\" is not a GitHub login");
                continue;
            }
            String id = f.getValue().isValueNode() ? f.getValue().asText().trim() : "";
            if (!SNOWFLAKE.matcher(id).matches()) {
                problems.add(key + ": \"" + shorten(id) + "\" is not a Discord user id (17–20 digits)");
                continue;
            }
            if (people.put(f.getKey().toLowerCase(Locale.ROOT), Long.parseLong(id)) != null)
                problems.add(key + ": the login is listed twice");
        }
        return people;
    }

    private void unknownKeys(JsonNode node, String path, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (k.equals("token") && path.equals("github")) continue;
            if (!known.contains(k))
                problems.add(path + "." + k + ": unknown key (known keys: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    private String text(JsonNode node, String key, String fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.isValueNode()) {
            problems.add(key + ": expected a single value");
            return fallback;
        }
        return node.asText();
    }

    private Duration duration(JsonNode node, String key, Duration fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        var m = DURATION.matcher(node.asText().trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a duration (use e.g. 60s, 5m, 1h)");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
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

    private int integer(JsonNode node, String key, int fallback, int min, int max) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.asText().trim().matches("\\d{1,9}")) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a whole number");
            return fallback;
        }
        int v = Integer.parseInt(node.asText().trim());
        if (v < min || v > max) {
            problems.add(key + ": " + v + " is out of range " + min + "–" + max);
            return fallback;
        }
        return v;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
