package dev.loop.sim.github;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One repository on the simulated GitHub: its issues and pull requests (one number sequence), labels, comments,
 * reactions, a small commit graph with branches and tags, and releases. The public methods are the people API:
 * each acts as the named GitHub user would on github.com, and the readers show what anyone would see there.
 */
public final class SimRepository {
    /** The reactions GitHub accepts on issues and comments. */
    static final Set<String> REACTIONS = Set.of("+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes");

    private final GitHubSim sim;
    final GhModel.User owner;
    final String name;
    final long id;
    final Instant createdAt;
    Instant updatedAt;
    final String defaultBranch = "main";
    private int nextNumber = 1;
    final TreeMap<Integer, GhModel.Issue> issues = new TreeMap<>();
    final Map<String, GhModel.Label> labels = new LinkedHashMap<>();
    final Map<String, GhModel.Commit> commits = new LinkedHashMap<>();
    final Map<String, String> branches = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<GhModel.Release> releases = new ArrayList<>();
    private final Set<String> collaborators = new HashSet<>();
    final Set<Integer> deleted = new HashSet<>();
    boolean archived;

    SimRepository(GitHubSim sim, GhModel.User owner, String name, long id) {
        this.sim = sim;
        this.owner = owner;
        this.name = name;
        this.id = id;
        this.createdAt = sim.now();
        this.updatedAt = createdAt;
        String first = addCommit(List.of(), "Initial commit", owner);
        branches.put(defaultBranch, first);
    }

    public String fullName() {
        return owner.login + "/" + name;
    }

    public String defaultBranch() {
        return defaultBranch;
    }

    /** The web address of issue or pull request {@code number}, as GitHub renders it. */
    public String htmlUrl(int number) {
        synchronized (sim.lock) {
            GhModel.Issue issue = existing(number);
            return sim.htmlBase + "/" + fullName() + (issue.pull != null ? "/pull/" : "/issues/") + number;
        }
    }

    /** Gives {@code login} push access (the owner has admin access; everyone else may only read). */
    public void addCollaborator(String login) {
        synchronized (sim.lock) {
            collaborators.add(login.toLowerCase(Locale.ROOT));
        }
    }

    boolean canPush(GhModel.User user) {
        return user == owner || collaborators.contains(user.login.toLowerCase(Locale.ROOT));
    }

    // ---- people: issues

    /** {@code login} opens an issue; labels that do not exist yet are created. Returns its number. */
    public int openIssue(String login, String title, String body, String... labelNames) {
        synchronized (sim.lock) {
            return createIssue(sim.userRecord(login), title, body, List.of(labelNames)).number;
        }
    }

    /** {@code login} reacts to issue {@code number}; false when that reaction was already there. */
    public boolean react(String login, int number, String content) {
        synchronized (sim.lock) {
            if (!REACTIONS.contains(content)) {
                throw new IllegalArgumentException("GitHub has no reaction " + content);
            }
            return addReaction(existing(number), sim.userRecord(login), content).created();
        }
    }

    /** {@code login} withdraws a reaction. */
    public void unreact(String login, int number, String content) {
        synchronized (sim.lock) {
            existing(number).reactions.removeIf(r -> r.user.login.equalsIgnoreCase(login) && r.content.equals(content));
        }
    }

    /** {@code login} comments on issue or pull request {@code number}; returns the comment's id. */
    public long comment(String login, int number, String text) {
        synchronized (sim.lock) {
            return addComment(existing(number), sim.userRecord(login), text).id;
        }
    }

    /** Someone edits the whole body of issue {@code number} on github.com. */
    public void editBody(int number, String body) {
        synchronized (sim.lock) {
            GhModel.Issue issue = existing(number);
            issue.body = body;
            touch(issue);
        }
    }

    public void editTitle(int number, String title) {
        synchronized (sim.lock) {
            GhModel.Issue issue = existing(number);
            issue.title = title;
            touch(issue);
        }
    }

    /** {@code login} closes issue {@code number} as {@code completed} or {@code not_planned}. */
    public void closeIssue(String login, int number, String reason) {
        synchronized (sim.lock) {
            setState(existing(number), sim.userRecord(login), "closed", reason);
        }
    }

    public void reopenIssue(String login, int number) {
        synchronized (sim.lock) {
            setState(existing(number), sim.userRecord(login), "open", null);
        }
    }

    /** Adds labels to issue {@code number}, creating the missing ones. */
    public void addLabels(int number, String... labelNames) {
        synchronized (sim.lock) {
            GhModel.Issue issue = existing(number);
            for (String label : labelNames) {
                issue.labels.add(ensureLabel(label).name);
            }
            touch(issue);
        }
    }

    /** Creates a label on the repository (no-op when it exists). */
    public void createLabel(String labelName, String color) {
        synchronized (sim.lock) {
            if (label(labelName) == null) {
                newLabel(labelName, color, null);
            }
        }
    }

    /** An admin deletes issue {@code number}: it disappears and its URL answers 410 Gone, as on GitHub. */
    public void deleteIssue(int number) {
        synchronized (sim.lock) {
            existing(number);
            issues.remove(number);
            deleted.add(number);
        }
    }

    /** Archives the repository (or unarchives it): it becomes read-only and every write answers 403. */
    public void archive(boolean archived) {
        synchronized (sim.lock) {
            this.archived = archived;
        }
    }

    // ---- people: code, pull requests, tags and releases

    /** The commit {@code branch} points at. */
    public String head(String branch) {
        synchronized (sim.lock) {
            String sha = branches.get(branch);
            if (sha == null) throw new IllegalArgumentException("no branch " + branch);
            return sha;
        }
    }

    /** Creates {@code branch} at {@code fromRef} (a branch, tag or sha). */
    public void branch(String branch, String fromRef) {
        synchronized (sim.lock) {
            String sha = resolve(fromRef);
            if (sha == null) throw new IllegalArgumentException("no ref " + fromRef);
            branches.put(branch, sha);
        }
    }

    /** Pushes one commit on {@code branch} (created from the default branch if missing); returns its sha. */
    public String commit(String branch, String message) {
        synchronized (sim.lock) {
            String parent = branches.computeIfAbsent(branch, b -> branches.get(defaultBranch));
            String sha = addCommit(List.of(parent), message, owner);
            branches.put(branch, sha);
            return sha;
        }
    }

    /** {@code login} opens a pull request from a new branch with one commit into the default branch. */
    public int openPullRequest(String login, String title, String body, boolean draft) {
        synchronized (sim.lock) {
            String head = "patch-" + nextNumber;
            commit(head, title);
            return openPullRequest(login, title, body, draft, head);
        }
    }

    /** {@code login} opens a pull request from {@code headBranch} into the default branch. */
    public int openPullRequest(String login, String title, String body, boolean draft, String headBranch) {
        synchronized (sim.lock) {
            if (!branches.containsKey(headBranch)) {
                commit(headBranch, title);
            }
            GhModel.Issue issue = createIssue(sim.userRecord(login), title, body, List.of());
            issue.pull = new GhModel.Pull(sim.nextId(), draft, headBranch, defaultBranch);
            return issue.number;
        }
    }

    /** A draft pull request is marked ready for review. */
    public void markReady(int number) {
        synchronized (sim.lock) {
            existingPull(number).pull.draft = false;
            touch(existing(number));
        }
    }

    /**
     * {@code login} links issue {@code issue} to pull request {@code pull} in the sidebar's "Development" box, as
     * GitHub lets people with write access do: GitHub then reports it among the pull request's closing issues and
     * closes it when the pull request is merged, with no keyword in the title or body.
     */
    public void linkInSidebar(String login, int pull, int issue) {
        synchronized (sim.lock) {
            sim.userRecord(login);
            existing(issue);
            existingPull(pull).pull.sidebarLinks.add(issue);
        }
    }

    /** {@code login} removes issue {@code issue} from pull request {@code pull}'s "Development" box. */
    public void unlinkInSidebar(String login, int pull, int issue) {
        synchronized (sim.lock) {
            sim.userRecord(login);
            existingPull(pull).pull.sidebarLinks.remove(issue);
        }
    }

    /**
     * The issues GitHub reports as closed by pull request {@code number} ({@code closingIssuesReferences}): those
     * linked in the sidebar and those its body links with closing keywords, in that order, each once.
     */
    public List<Integer> closingIssues(int number) {
        synchronized (sim.lock) {
            return closingIssuesOf(existingPull(number));
        }
    }

    List<Integer> closingIssuesOf(GhModel.Issue pull) {
        java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>(pull.pull.sidebarLinks);
        all.addAll(closing(pull.body));
        all.removeIf(n -> !issues.containsKey(n) || issues.get(n).pull != null);
        return List.copyOf(all);
    }

    /** Edits a pull request's body, as its author would. */
    public void editPullRequestBody(int number, String body) {
        editBody(number, body);
    }

    /**
     * Merges pull request {@code number}: a merge commit (parents: base tip, head tip) lands on the base branch, and
     * the pull request is closed as merged. Returns the merge commit's sha.
     */
    public String mergePullRequest(String login, int number) {
        synchronized (sim.lock) {
            GhModel.Issue issue = existingPull(number);
            GhModel.Pull pull = issue.pull;
            if (pull.merged || issue.state.equals("closed")) {
                throw new IllegalStateException("pull request #" + number + " is not open");
            }
            GhModel.User user = sim.userRecord(login);
            String sha = addCommit(
                    List.of(branches.get(pull.baseRef), branches.get(pull.headRef)),
                    "Merge pull request #" + number + " from " + pull.headRef,
                    user);
            branches.put(pull.baseRef, sha);
            pull.merged = true;
            pull.mergedAt = sim.now();
            pull.mergedBy = user;
            pull.mergeCommitSha = sha;
            setState(issue, user, "closed", null);
            if (pull.baseRef.equals(defaultBranch)) {
                closeLinkedIssues(issue, user);
            }
            return sha;
        }
    }

    private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile(
            "(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\\s*:?\\s+(?:([\\w.-]+/[\\w.-]+))?#(\\d+)\\b");

    /**
     * The issues a pull request's body links with a closing keyword ("Fixes #12", "closes acme/app#12"), as GitHub
     * reads them; only those in this repository.
     */
    public List<Integer> closingReferences(int number) {
        synchronized (sim.lock) {
            return closing(existingPull(number).body);
        }
    }

    private List<Integer> closing(String body) {
        List<Integer> found = new ArrayList<>();
        if (body == null) return found;
        java.util.regex.Matcher m = CLOSING.matcher(body);
        while (m.find()) {
            if (m.group(1) == null || m.group(1).equalsIgnoreCase(fullName())) {
                int n = Integer.parseInt(m.group(2));
                if (!found.contains(n)) found.add(n);
            }
        }
        return found;
    }

    /**
     * GitHub closes the issues a merged pull request links (closing keywords or the sidebar), when it targets the
     * default branch.
     */
    private void closeLinkedIssues(GhModel.Issue pull, GhModel.User user) {
        for (int n : closingIssuesOf(pull)) {
            GhModel.Issue linked = issues.get(n);
            if (linked != null && linked.pull == null && linked.state.equals("open")) {
                setState(linked, user, "closed", "completed");
            }
        }
    }

    /** Closes pull request {@code number} without merging it. */
    public void closePullRequest(String login, int number) {
        synchronized (sim.lock) {
            setState(existingPull(number), sim.userRecord(login), "closed", null);
        }
    }

    public void reopenPullRequest(String login, int number) {
        synchronized (sim.lock) {
            setState(existingPull(number), sim.userRecord(login), "open", null);
        }
    }

    /** Tags {@code commitish} (a branch, tag or sha) as {@code tag}. */
    public void tag(String tag, String commitish) {
        synchronized (sim.lock) {
            String sha = resolve(commitish);
            if (sha == null) throw new IllegalArgumentException("no commit " + commitish);
            tags.put(tag, sha);
        }
    }

    /**
     * Publishes (or, with {@code draft}, saves) a release of {@code tag}; the tag is created on the default branch
     * when missing. Returns the release id.
     */
    public long publishRelease(String tag, String releaseName, String body, boolean draft, boolean prerelease) {
        synchronized (sim.lock) {
            tags.computeIfAbsent(tag, t -> branches.get(defaultBranch));
            GhModel.Release release = new GhModel.Release(sim.nextId(), tag, owner, defaultBranch, sim.now());
            release.name = releaseName;
            release.body = body;
            release.draft = draft;
            release.prerelease = prerelease;
            release.publishedAt = draft ? null : sim.now();
            releases.add(release);
            return release.id;
        }
    }

    /** Publishes a draft release. */
    public void publishDraft(long releaseId) {
        synchronized (sim.lock) {
            for (GhModel.Release r : releases) {
                if (r.id == releaseId) {
                    r.draft = false;
                    r.publishedAt = sim.now();
                }
            }
        }
    }

    // ---- readers

    /** Issue or pull request {@code number} as anyone sees it. */
    public GitHubIssueView issue(int number) {
        synchronized (sim.lock) {
            return GitHubIssueView.of(existing(number));
        }
    }

    /** Every issue and pull request, by number. */
    public List<GitHubIssueView> issues() {
        synchronized (sim.lock) {
            return issues.values().stream().map(GitHubIssueView::of).toList();
        }
    }

    public List<GitHubCommentView> comments(int number) {
        synchronized (sim.lock) {
            return existing(number).comments.stream()
                    .map(c -> new GitHubCommentView(c.id, c.user.login, c.body, c.createdAt, c.updatedAt))
                    .toList();
        }
    }

    /** Label names, in creation order. */
    public List<String> labels() {
        synchronized (sim.lock) {
            return labels.values().stream().map(l -> l.name).toList();
        }
    }

    /** Logins that reacted with {@code content} on issue {@code number}. */
    public List<String> reactors(int number, String content) {
        synchronized (sim.lock) {
            return existing(number).reactions.stream()
                    .filter(r -> r.content.equals(content))
                    .map(r -> r.user.login)
                    .toList();
        }
    }

    // ---- shared by the HTTP API and the people API (callers hold the lock)

    GhModel.Issue createIssue(GhModel.User user, String title, String body, Collection<String> labelNames) {
        GhModel.Issue issue = new GhModel.Issue(sim.nextId(), nextNumber++, user, title, body, sim.now());
        for (String label : labelNames) {
            issue.labels.add(ensureLabel(label).name);
        }
        issues.put(issue.number, issue);
        updatedAt = issue.createdAt;
        return issue;
    }

    record ReactionResult(GhModel.Reaction reaction, boolean created) {}

    /** GitHub keeps one reaction per user and content, and a reaction does not change the issue's updated_at. */
    ReactionResult addReaction(GhModel.Issue issue, GhModel.User user, String content) {
        for (GhModel.Reaction r : issue.reactions) {
            if (r.user == user && r.content.equals(content)) {
                return new ReactionResult(r, false);
            }
        }
        GhModel.Reaction reaction = new GhModel.Reaction(sim.nextId(), user, content, sim.now());
        issue.reactions.add(reaction);
        return new ReactionResult(reaction, true);
    }

    GhModel.Comment addComment(GhModel.Issue issue, GhModel.User user, String text) {
        GhModel.Comment comment = new GhModel.Comment(sim.nextId(), issue.number, user, text, sim.now());
        issue.comments.add(comment);
        touch(issue);
        return comment;
    }

    void setState(GhModel.Issue issue, GhModel.User user, String state, String reason) {
        if (state.equals("closed") && !issue.state.equals("closed")) {
            issue.state = "closed";
            issue.closedAt = sim.now();
            issue.closedBy = user;
            issue.stateReason = issue.pull != null ? null : (reason == null ? "completed" : reason);
        } else if (state.equals("open") && !issue.state.equals("open")) {
            if (issue.pull != null && issue.pull.merged) {
                throw new IllegalStateException("a merged pull request cannot be reopened");
            }
            issue.state = "open";
            issue.closedAt = null;
            issue.closedBy = null;
            issue.stateReason = issue.pull != null ? null : "reopened";
        } else if (state.equals("closed") && reason != null && issue.pull == null) {
            issue.stateReason = reason;
        }
        touch(issue);
    }

    void touch(GhModel.Issue issue) {
        issue.updatedAt = sim.now();
        updatedAt = issue.updatedAt;
    }

    GhModel.Issue find(int number) {
        return issues.get(number);
    }

    GhModel.Label label(String labelName) {
        return labels.get(labelName.toLowerCase(Locale.ROOT));
    }

    GhModel.Label newLabel(String labelName, String color, String description) {
        GhModel.Label label = new GhModel.Label(sim.nextId(), labelName, color == null ? "ededed" : color, description);
        labels.put(labelName.toLowerCase(Locale.ROOT), label);
        return label;
    }

    GhModel.Label ensureLabel(String labelName) {
        GhModel.Label label = label(labelName);
        return label != null ? label : newLabel(labelName, "ededed", null);
    }

    /** A sha (full or an unambiguous prefix of at least 7), a branch or a tag; null when unknown. */
    String resolve(String ref) {
        if (branches.containsKey(ref)) return branches.get(ref);
        if (tags.containsKey(ref)) return tags.get(ref);
        if (ref.startsWith("refs/heads/")) return branches.get(ref.substring("refs/heads/".length()));
        if (ref.startsWith("refs/tags/")) return tags.get(ref.substring("refs/tags/".length()));
        if (ref.length() >= 7 && ref.matches("[0-9a-f]+")) {
            String found = null;
            for (String sha : commits.keySet()) {
                if (sha.startsWith(ref)) {
                    if (found != null) return null;
                    found = sha;
                }
            }
            return found;
        }
        return null;
    }

    /** Every commit reachable from {@code sha}, itself included. */
    Set<String> ancestors(String sha) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(sha));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(commits.get(next).parents());
            }
        }
        return seen;
    }

    /** The commits reachable from {@code sha} but not in {@code excluded}, oldest first. */
    List<GhModel.Commit> only(Set<String> reachable, Set<String> excluded) {
        return reachable.stream()
                .filter(s -> !excluded.contains(s))
                .map(commits::get)
                .sorted(Comparator.comparing(GhModel.Commit::date).thenComparingInt(GhModel.Commit::seq))
                .toList();
    }

    /** The newest commit both sides share (the merge base). */
    GhModel.Commit mergeBase(Set<String> base, Set<String> head) {
        return base.stream()
                .filter(head::contains)
                .map(commits::get)
                .max(Comparator.comparing(GhModel.Commit::date).thenComparingInt(GhModel.Commit::seq))
                .orElseThrow();
    }

    private String addCommit(List<String> parents, String message, GhModel.User author) {
        byte[] digest;
        try {
            var md = java.security.MessageDigest.getInstance("SHA-1");
            md.update((fullName() + "\n" + parents + "\n" + message + "\n" + commits.size() + "\n" + sim.nextId())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest = md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String sha = HexFormat.of().formatHex(digest);
        commits.put(sha, new GhModel.Commit(sha, commits.size(), List.copyOf(parents), message, author, sim.now()));
        return sha;
    }

    private GhModel.Issue existing(int number) {
        GhModel.Issue issue = issues.get(number);
        if (issue == null) throw new IllegalArgumentException("no issue #" + number + " in " + fullName());
        return issue;
    }

    private GhModel.Issue existingPull(int number) {
        GhModel.Issue issue = existing(number);
        if (issue.pull == null) throw new IllegalArgumentException("#" + number + " is not a pull request");
        return issue;
    }
}
