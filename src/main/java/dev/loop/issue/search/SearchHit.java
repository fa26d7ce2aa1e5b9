package dev.loop.issue.search;

import dev.loop.issue.Issue;

/** A full-text match; lower score = better (SQLite's bm25). */
public record SearchHit(Issue issue, double score) {}
