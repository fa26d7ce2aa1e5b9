package dev.loop.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads single typed values (ids, durations, times, emoji, …) from loop.yaml, recording a one-line problem for each bad one. */
final class ConfigValues {

    private static final Pattern SNOWFLAKE = Pattern.compile("[1-9][0-9]{15,19}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhdw])");
    private static final Pattern CUSTOM_EMOJI =
            Pattern.compile("<a?:[A-Za-z0-9_]{2,32}:[0-9]{15,20}>|[A-Za-z0-9_]{2,32}:[0-9]{15,20}");

    private final List<String> problems;

    ConfigValues(List<String> problems) {
        this.problems = problems;
    }

    long snowflake(JsonNode node, String key, boolean required) {
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

    List<Long> snowflakes(JsonNode node, String key, boolean required) {
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

    String text(JsonNode node, String key, String fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.isValueNode()) {
            problems.add(key + ": expected a single value");
            return fallback;
        }
        return node.asText();
    }

    String url(String value, String key, String scheme) {
        if (value == null || value.isBlank()) return "";
        String v = value.trim();
        if (!(v.startsWith(scheme + "://") || v.startsWith(scheme + "s://"))) {
            problems.add(key + ": \"" + shorten(v) + "\" must start with " + scheme + ":// or " + scheme + "s://");
        }
        return v;
    }

    String tagName(JsonNode node, String key, String fallback) {
        if (node.isMissingNode()) return fallback;
        if (node.isNull() || node.asText().isBlank()) return null;
        String v = text(node, key, fallback);
        if (v != null && v.length() > 20)
            problems.add(key + ": \"" + shorten(v) + "\" is longer than Discord's 20 characters for a forum tag");
        return v;
    }

    String emoji(JsonNode node, String key, String fallback) {
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

    /** Durations like 30m, 36h, 2d, 1w; "none" where allowed. */
    Duration duration(JsonNode node, String key, Duration fallback, boolean noneAllowed) {
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

    int integer(JsonNode node, String key, int fallback, int min, int max) {
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

    double number(JsonNode node, String key, double fallback, double min, double max) {
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

    boolean bool(JsonNode node, String key, boolean fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (node.isBoolean()) return node.asBoolean();
        String v = node.asText().trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes")) return true;
        if (v.equals("false") || v.equals("no")) return false;
        problems.add(key + ": \"" + shorten(v) + "\" must be true or false");
        return fallback;
    }

    DayOfWeek dayOfWeek(JsonNode node, String key, DayOfWeek fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        String v = node.asText().trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(v) || d.name().substring(0, 3).equals(v)) return d;
        }
        problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a day of the week (monday … sunday)");
        return fallback;
    }

    LocalTime time(JsonNode node, String key, LocalTime fallback) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        try {
            return LocalTime.parse(node.asText().trim());
        } catch (DateTimeParseException e) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a time of day (HH:MM, 24-hour)");
            return fallback;
        }
    }

    ZoneId zone(JsonNode node, String key) {
        if (node.isMissingNode() || node.isNull()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(node.asText().trim());
        } catch (RuntimeException e) {
            problems.add(key + ": \"" + shorten(node.asText()) + "\" is not a time zone (e.g. UTC, Europe/Berlin)");
            return ZoneId.of("UTC");
        }
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
