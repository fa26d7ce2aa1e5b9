package dev.loop.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String VALID = """
            discord:
              guild: "100000000000000001"
            channels:
              support: ["100000000000000002", "100000000000000003"]
              team: "100000000000000004"
              releases: "100000000000000005"
            roles:
              engineers: ["100000000000000006"]
            """;

    private static List<String> problems(String yaml) {
        return problems(yaml, Map.of());
    }

    private static List<String> problems(String yaml, Map<String, String> env) {
        try {
            ConfigLoader.parse(yaml, "loop.yaml", env);
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected the config to be refused");
    }

    @Test
    void theShippedExampleIsValidAndCoversEverySection() {
        Config c = ConfigLoader.load(Path.of("config/loop.example.yaml"), Map.of());
        assertThat(c.discord().guildId()).isEqualTo(123456789012345678L);
        assertThat(c.channels().support()).containsExactly(123456789012345679L);
        assertThat(c.areas()).extracting(Config.Area::name).containsExactly("Installer", "Sync");
        assertThat(c.areas().get(0).forumTag()).isEqualTo("installer");
        assertThat(c.areas().get(1).forumTag()).isNull();
        assertThat(c.reactions().capture()).isEqualTo("📌");
        assertThat(c.reactions().high()).isEqualTo("⬆️");
        assertThat(c.timelines().fixNow().promise()).isEqualTo(Duration.ofDays(2));
        assertThat(c.timelines().low().promise()).isNull();
        assertThat(c.noticeMode()).isEqualTo(Config.NoticeMode.THREAD);
        assertThat(c.debugQuestions()).hasSize(3);
        assertThat(c.weeklyReport().day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(c.weeklyReport().time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(c.pollDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(c.databasePath()).isEqualTo(Path.of("data/loop.db"));
        assertThat(c.backups())
                .isEqualTo(new Config.DailyBackups(
                        true, LocalTime.of(3, 0), java.time.ZoneId.of("UTC"), 7, Path.of("data/backups")));
        assertThat(c.discord().apiOverride()).isEmpty();
    }

    @Test
    void dailyBackupsAreOffUnlessConfiguredAndDefaultBesideTheDatabase() {
        Config off = ConfigLoader.parse(VALID, "loop.yaml", Map.of("LOOP_DB", "/srv/loop/loop.db"));
        assertThat(off.backups().enabled()).isFalse();
        assertThat(off.backups().dir()).isEqualTo(Path.of("/srv/loop/backups"));
        Config on = ConfigLoader.parse(
                VALID + "database:\n  backups: { daily-at: \"04:30\", keep: 3 }\n", "loop.yaml", Map.of());
        assertThat(on.backups())
                .isEqualTo(new Config.DailyBackups(
                        true, LocalTime.of(4, 30), java.time.ZoneId.of("UTC"), 3, Path.of("data/backups")));
    }

    @Test
    void badBackupSettingsAreEachOneLine() {
        assertThat(problems(
                        VALID + "database:\n  backups: { daily-at: \"3am\", keep: 0, zone: Mars/Base, every: 2 }\n"))
                .containsExactlyInAnyOrder(
                        "database.backups.every: unknown key (known keys: daily-at, dir, keep, zone)",
                        "database.backups.daily-at: \"3am\" is not a time of day (HH:MM, 24-hour)",
                        "database.backups.keep: 0 is out of range 1–1000",
                        "database.backups.zone: \"Mars/Base\" is not a time zone (e.g. UTC, Europe/Berlin)");
        assertThat(problems(VALID + "database:\n  backups: daily\n"))
                .containsExactly("database.backups: expected a mapping such as { daily-at: \"03:00\", keep: 7, dir: "
                        + "data/backups }");
    }

    @Test
    void aMinimalConfigGetsTheDocumentedDefaults() {
        Config c = ConfigLoader.parse(VALID, "loop.yaml", Map.of());
        assertThat(c.timelines().high().text()).isEqualTo("this week or next week");
        assertThat(c.tags().tracked()).isEqualTo("tracked");
        assertThat(c.transcriptLimit()).isEqualTo(500);
        assertThat(c.reactions().meToo()).isEqualTo("👍");
    }

    @Test
    void environmentOverridesTheFile() {
        Config c = ConfigLoader.parse(
                VALID,
                "loop.yaml",
                Map.of(
                        "LOOP_DB", "/tmp/other.db",
                        "LOOP_DISCORD_API_URL", "http://127.0.0.1:9000/api/v10/",
                        "LOOP_DISCORD_GATEWAY_URL", "ws://127.0.0.1:9001/"));
        assertThat(c.databasePath()).isEqualTo(Path.of("/tmp/other.db"));
        assertThat(c.discord().apiOverride()).contains("http://127.0.0.1:9000/api/v10/");
        assertThat(c.discord().gatewayOverride()).contains("ws://127.0.0.1:9001/");
    }

    @Test
    void loopConfigNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("elsewhere.yaml");
        Files.writeString(file, VALID);
        assertThat(ConfigLoader.load(Map.of("LOOP_CONFIG", file.toString()))
                        .channels()
                        .team())
                .isEqualTo(100000000000000004L);
        assertThatThrownBy(() -> ConfigLoader.load(
                        Map.of("LOOP_CONFIG", dir.resolve("missing.yaml").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not found")
                .hasMessageContaining("loop.example.yaml");
    }

    @Test
    void badChannelIdsAreNamedByKey() {
        List<String> p =
                problems(VALID.replace("\"100000000000000004\"", "\"#team\"").replace("\"100000000000000003\"", "12"));
        assertThat(p).anyMatch(l -> l.startsWith("channels.team: \"#team\" is not a Discord id"));
        assertThat(p).anyMatch(l -> l.startsWith("channels.support[1]: \"12\" is not a Discord id"));
    }

    @Test
    void nudgeAfterDefaultsToFourHoursAndAnAreaMayHaveItsOwn() {
        Config c = ConfigLoader.load(Path.of("config/loop.example.yaml"), Map.of());
        assertThat(c.nudgeAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(c.nudgeAfter(List.of("installer"))).isEqualTo(Duration.ofHours(1));
        assertThat(c.nudgeAfter(List.of("other"))).isEqualTo(Duration.ofHours(4));
        assertThat(ConfigLoader.parse(VALID, "loop.yaml", Map.of()).nudgeAfter())
                .isEqualTo(Duration.ofHours(4));
        Config set = ConfigLoader.parse(VALID + "watch:\n  nudge-after: 2d\n", "loop.yaml", Map.of());
        assertThat(set.nudgeAfter()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void badNudgeSettingsAreEachOneLine() {
        assertThat(problems(VALID + "watch:\n  nudge-after: soon\n"))
                .containsExactly("watch.nudge-after: \"soon\" is not a duration (use e.g. 30m, 36h, 2d, 1w)");
        assertThat(problems(VALID + "watch:\n  nudge-after: 30s\n"))
                .containsExactly("watch.nudge-after: must be at least 1m; got 30s");
        assertThat(problems(VALID + """
                        areas:
                          - name: Sync
                            owner: "100000000000000009"
                            nudge-after: 2h
                          - name: Installer
                            owner: "100000000000000009"
                            forum-tag: installer
                            nudge-after: never
                        """))
                .containsExactly(
                        "areas[0].nudge-after: applies to posts with the area's forum-tag, and this area has none;"
                                + " add a forum-tag or remove nudge-after",
                        "areas[1].nudge-after: must be a duration such as 24h");
    }

    @Test
    void theHintScoreIsAFraction() {
        assertThat(problems(VALID + "watch:\n  hint-min-score: 1.5\n"))
                .containsExactly("watch.hint-min-score: 1.5 is out of range 0.0–1.0");
        assertThat(ConfigLoader.parse(VALID + "watch:\n  hint-min-score: 0.75\n", "loop.yaml", Map.of())
                        .hintMinScore())
                .isEqualTo(0.75);
    }

    @Test
    void missingEngineerRoleIsExplained() {
        List<String> p = problems(VALID.replace("roles:\n  engineers: [\"100000000000000006\"]\n", ""));
        assertThat(p)
                .containsExactly(
                        "roles.engineers: missing; name at least one engineer role id (only engineers can capture, triage and release)");
    }

    @Test
    void theLeadershipRoleIsOptionalAndMustBeARoleId() {
        assertThat(ConfigLoader.parse(VALID, "loop.yaml", Map.of()).leadershipRole())
                .isEmpty();
        String withLeadership = VALID.replace(
                "roles:\n  engineers: [\"100000000000000006\"]\n",
                "roles:\n  engineers: [\"100000000000000006\"]\n  leadership: \"100000000000000009\"\n");
        assertThat(ConfigLoader.parse(withLeadership, "loop.yaml", Map.of()).leadershipRole())
                .contains(100000000000000009L);
        assertThat(problems(withLeadership.replace("\"100000000000000009\"", "on-call")))
                .containsExactly("roles.leadership: \"on-call\" is not a Discord id (17–20 digits; in Discord, enable "
                        + "Developer Mode and use Copy ID)");
    }

    @Test
    void unknownKeysAreReportedWithASuggestion() {
        List<String> p = problems(VALID + "notices:\n  delivery_mode: dm\nsupport: []\n");
        assertThat(p).anyMatch(l -> l.startsWith("notices.delivery_mode: unknown key"));
        assertThat(p).anyMatch(l -> l.startsWith("support: unknown key"));
    }

    @Test
    void badEmojiAndDurationsAndChoicesAreEachOneLine() {
        List<String> p = problems(VALID + """
                reactions:
                  capture: pin
                  me-too: "👍 👍"
                timeline:
                  high:
                    promise: soon
                notices:
                  delivery: carrier-pigeon
                naming:
                  poll-duration: 90m
                reports:
                  weekly:
                    day: someday
                    time: "25:00"
                    zone: Mars/Olympus
                """);
        assertThat(p)
                .contains(
                        "reactions.capture: \"pin\" is not an emoji (use the emoji itself, e.g. 👍, or a custom one as <:name:id>)",
                        "timeline.high.promise: \"soon\" is not a duration (use e.g. 30m, 36h, 2d, 1w or none)",
                        "notices.delivery: must be thread or dm, not \"carrier-pigeon\"",
                        "naming.poll-duration: Discord polls last whole hours, from 1h to 768h (32 days); got 90m",
                        "reports.weekly.day: \"someday\" is not a day of the week (monday … sunday)",
                        "reports.weekly.time: \"25:00\" is not a time of day (HH:MM, 24-hour)",
                        "reports.weekly.zone: \"Mars/Olympus\" is not a time zone (e.g. UTC, Europe/Berlin)");
        assertThat(p).anyMatch(l -> l.startsWith("reactions.me-too:"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> p = problems("discord:\n  guild: nope\n");
        assertThat(p)
                .contains(
                        "discord.guild: \"nope\" is not a Discord id (17–20 digits; in Discord, enable Developer Mode and use Copy ID)",
                        "channels.support: missing; expected a list of Discord ids",
                        "channels.team: missing; expected a Discord id (17–20 digits)",
                        "channels.releases: missing; expected a Discord id (17–20 digits)");
        assertThat(p).anyMatch(l -> l.startsWith("roles.engineers: missing"));
        assertThat(p).allMatch(l -> !l.contains("\n"));
    }

    @Test
    void theTokenMayNotLiveInTheFile() {
        List<String> p = problems(VALID.replace("discord:\n", "discord:\n  token: \"abc.def.ghi\"\n"));
        assertThat(p)
                .containsExactly(
                        "discord.token: the token must not be in a file; set DISCORD_TOKEN in the environment");
        assertThat(String.join("", p)).doesNotContain("abc.def.ghi");
    }

    @Test
    void areasNeedNamesOwnersAndShortTags() {
        List<String> p = problems(VALID + """
                areas:
                  - name: Installer
                    owner: "100000000000000007"
                  - name: installer
                    owner: bob
                    forum-tag: a-tag-name-that-is-far-too-long
                  - owner: "100000000000000008"
                """);
        assertThat(p)
                .contains(
                        "areas[1].name: \"installer\" is listed twice",
                        "areas[1].forum-tag: \"a-tag-name-that-is-far-too-long\" is longer than Discord's 20 characters for a forum tag",
                        "areas[2].name: missing; every product area needs a name");
        assertThat(p).anyMatch(l -> l.startsWith("areas[1].owner: \"bob\" is not a Discord id"));
    }

    @Test
    void urlsMustBeHttpAndWebSocket() {
        List<String> p =
                problems(VALID, Map.of("LOOP_DISCORD_API_URL", "ftp://x", "LOOP_DISCORD_GATEWAY_URL", "http://x"));
        assertThat(p)
                .containsExactly(
                        "LOOP_DISCORD_API_URL: \"ftp://x\" must start with http:// or https://",
                        "LOOP_DISCORD_GATEWAY_URL: \"http://x\" must start with ws:// or wss://");
    }

    @Test
    void tooManyDebugQuestionsForAModal() {
        List<String> p = problems(VALID + "bugs:\n  debug-questions: [a, b, c, d, e, f]\n");
        assertThat(p)
                .containsExactly("bugs.debug-questions: at most 5 questions (a Discord modal holds 5 fields); found 6");
    }

    @Test
    void brokenYamlIsOneLine() {
        List<String> p = problems("discord: [unclosed\n");
        assertThat(p).hasSize(1);
        assertThat(p.get(0)).startsWith("loop.yaml is not valid YAML");
    }

    @Test
    void emojiRecognition() {
        assertThat(ConfigLoader.isEmoji("👍")).isTrue();
        assertThat(ConfigLoader.isEmoji("⬆️")).isTrue();
        assertThat(ConfigLoader.isEmoji("👩‍💻")).isTrue();
        assertThat(ConfigLoader.isEmoji("<:loop:123456789012345678>")).isTrue();
        assertThat(ConfigLoader.isEmoji("thumbsup")).isFalse();
        assertThat(ConfigLoader.isEmoji(":+1:")).isFalse();
        assertThat(ConfigLoader.isEmoji("")).isFalse();
    }
}
