package dev.loop.sim.github;

import java.util.Set;

/**
 * Fine-grained token permissions, written as GitHub names them ({@code issues:write}, {@code contents:read}).
 * Write implies read, as on GitHub.
 */
public final class GitHubPermission {
    public static final String METADATA_READ = "metadata:read";
    public static final String ISSUES_READ = "issues:read";
    public static final String ISSUES_WRITE = "issues:write";
    public static final String PULL_REQUESTS_READ = "pull_requests:read";
    public static final String PULL_REQUESTS_WRITE = "pull_requests:write";
    public static final String CONTENTS_READ = "contents:read";
    public static final String CONTENTS_WRITE = "contents:write";

    /** What a token needs for everything Loop does: write issues, read pulls, releases and contents. */
    public static final Set<String> ALL = Set.of(
            METADATA_READ,
            ISSUES_WRITE,
            PULL_REQUESTS_WRITE,
            CONTENTS_WRITE,
            ISSUES_READ,
            PULL_REQUESTS_READ,
            CONTENTS_READ);

    private GitHubPermission() {}

    static boolean allows(Set<String> granted, String needed) {
        if (needed == null || granted.contains(needed)) {
            return true;
        }
        if (needed.endsWith(":read")) {
            return granted.contains(needed.substring(0, needed.length() - ":read".length()) + ":write");
        }
        return false;
    }
}
