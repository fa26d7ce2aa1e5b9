package dev.loop.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The validated {@code github:} section. The token comes from the environment ({@code GITHUB_TOKEN}) and is held in
 * a {@link Token} whose {@code toString} never shows it, so logging the configuration cannot leak it.
 */
public record GitHubSettings(
        String owner,
        String name,
        String apiUrl,
        Token token,
        Duration pollInterval,
        Labels labels,
        Transcript transcript,
        String importLabel,
        Map<String, Long> people,
        boolean autoPublish,
        boolean closeOnShip,
        int writesPerMinute,
        boolean includePrereleases,
        String reviewLabel,
        boolean closeWhenClosed) {

    public static final String DEFAULT_API_URL = "https://api.github.com";
    public static final String DEFAULT_REVIEW_LABEL = "docs review";

    public GitHubSettings {
        people = Map.copyOf(people);
    }

    /** Without the release keys: pre-releases skipped, the default review label, {@code close-when-closed} on. */
    public GitHubSettings(
            String owner,
            String name,
            String apiUrl,
            Token token,
            Duration pollInterval,
            Labels labels,
            Transcript transcript,
            String importLabel,
            Map<String, Long> people,
            boolean autoPublish,
            boolean closeOnShip,
            int writesPerMinute) {
        this(
                owner,
                name,
                apiUrl,
                token,
                pollInterval,
                labels,
                transcript,
                importLabel,
                people,
                autoPublish,
                closeOnShip,
                writesPerMinute,
                false,
                DEFAULT_REVIEW_LABEL,
                true);
    }

    /** The label of the docs and copy review issue, or empty for none. */
    public Optional<String> reviewLabelName() {
        return reviewLabel == null || reviewLabel.isBlank() ? Optional.empty() : Optional.of(reviewLabel);
    }

    /** {@code owner/name}. */
    public String repo() {
        return owner + "/" + name;
    }

    /** The import label, or empty when every new GitHub issue is offered. */
    public Optional<String> importLabelName() {
        return importLabel == null || importLabel.isBlank() ? Optional.empty() : Optional.of(importLabel);
    }

    /** How much of the conversation becomes public on GitHub. */
    public enum Transcript {
        FULL,
        SUMMARY
    }

    /**
     * Label name templates; {@code {value}} is replaced by the kind, priority or area. An empty template means no
     * label of that sort.
     */
    public record Labels(String kind, String priority, String area) {
        public Optional<String> kindLabel(String value) {
            return apply(kind, value);
        }

        public Optional<String> priorityLabel(String value) {
            return apply(priority, value);
        }

        public Optional<String> areaLabel(String value) {
            return apply(area, value);
        }

        private static Optional<String> apply(String template, String value) {
            if (template == null || template.isBlank() || value == null || value.isBlank()) return Optional.empty();
            String name = template.replace("{value}", value);
            return Optional.of(name.length() > 50 ? name.substring(0, 50) : name);
        }
    }

    /** A secret that never prints itself. */
    public record Token(String value) {
        @Override
        public String toString() {
            return "Token[hidden]";
        }
    }
}
