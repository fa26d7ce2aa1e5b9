package dev.loop.release;

import java.util.List;
import java.util.Objects;

/** What an engineer asked to publish: the version, the issues it ships, and the text of the announcement. */
public record NewRelease(String version, List<Integer> issueNumbers, String notes, String snippet, long publishedBy) {
    public NewRelease {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(notes, "notes");
        issueNumbers = List.copyOf(issueNumbers);
    }
}
