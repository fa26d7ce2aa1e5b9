package dev.loop.sim.github;

import static dev.loop.sim.github.GitHubApi.REPO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loop.sim.github.GitHubServer.Call;
import dev.loop.sim.github.GitHubServer.Failure;
import dev.loop.sim.github.GitHubServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The read-only routes about the work around issues: pull requests, releases, commits, tags, compare, the issue
 * timeline and issue search. Every handler runs under the simulator's lock.
 */
final class GitHubCodeApi {
    private final GitHubSim sim;
    private final GitHubApi api;

    GitHubCodeApi(GitHubSim sim, GitHubApi api) {
        this.sim = sim;
        this.api = api;
    }

    void register(GitHubServer s) {
        s.route("GET", REPO + "/issues/{number}/timeline", "issues", "core", this::timeline);
        s.route("GET", REPO + "/pulls", "pull_requests", "core", this::listPulls);
        s.route("GET", REPO + "/pulls/{number}", "pull_requests", "core", this::getPull);
        s.route("GET", REPO + "/releases", "contents", "core", this::listReleases);
        s.route("GET", REPO + "/releases/latest", "contents", "core", this::latestRelease);
        s.route("GET", REPO + "/releases/tags/{tag}", "contents", "core", this::releaseByTag);
        s.route("GET", REPO + "/releases/{id}", "contents", "core", this::releaseById);
        s.route("GET", REPO + "/compare/{basehead...}", "contents", "core", this::compare);
        s.route("GET", REPO + "/commits/{ref}", "contents", "core", this::getCommit);
        s.route("GET", REPO + "/tags", "contents", "core", this::listTags);
        s.route("GET", "/search/issues", null, "search", this::searchIssues);
    }

    /**
     * A small part of the timeline: {@code cross-referenced} events for the pull requests whose title or body
     * mention the issue, {@code commented} events, and {@code closed} / {@code reopened} as they stand now.
     */
    private Reply timeline(Call c) {
        SimRepository r = api.repo(c);
        GhModel.Issue i = api.issue(c, r);
        GhViews v = api.views(c);
        java.util.regex.Pattern mention = java.util.regex.Pattern.compile(
                "(?i)(?:^|[^\\w/])(?:" + java.util.regex.Pattern.quote(r.fullName()) + ")?#" + i.number + "\\b");
        List<Map.Entry<Instant, ObjectNode>> events = new ArrayList<>();
        for (GhModel.Issue other : r.issues.values()) {
            if (other == i || other.pull == null) continue;
            String text = other.title + "\n" + (other.body == null ? "" : other.body);
            if (mention.matcher(text).find()) {
                ObjectNode e = GhJson.obj();
                e.put("event", "cross-referenced");
                e.set("actor", v.user(other.user));
                GhJson.time(e, "created_at", other.createdAt);
                GhJson.time(e, "updated_at", other.updatedAt);
                ObjectNode source = e.putObject("source");
                source.put("type", "issue");
                ObjectNode issueJson = v.issue(r, other);
                issueJson.set("repository", v.repo(r, null));
                source.set("issue", issueJson);
                events.add(Map.entry(other.createdAt, e));
            }
        }
        for (GhModel.Comment x : i.comments) {
            ObjectNode e = v.comment(r, x);
            e.put("event", "commented");
            e.set("actor", v.user(x.user));
            events.add(Map.entry(x.createdAt, e));
        }
        if (i.closedAt != null) {
            ObjectNode e = GhJson.obj();
            e.put("id", Math.abs((i.id + ":" + i.closedAt).hashCode()));
            e.put("event", "closed");
            e.set("actor", v.user(i.closedBy));
            if (i.pull != null && i.pull.mergeCommitSha != null) e.put("commit_id", i.pull.mergeCommitSha);
            else e.putNull("commit_id");
            GhJson.time(e, "created_at", i.closedAt);
            if (i.stateReason == null) e.putNull("state_reason");
            else e.put("state_reason", i.stateReason);
            events.add(Map.entry(i.closedAt, e));
        }
        events.sort(Map.Entry.comparingByKey());
        return GitHubApi.page(
                c, events.stream().map(e -> (JsonNode) e.getValue()).toList());
    }

    // ---- pulls

    private Reply listPulls(Call c) {
        SimRepository r = api.repo(c);
        Stream<GhModel.Issue> items = r.issues.values().stream()
                .filter(i -> i.pull != null)
                .filter(GitHubApi.state(c.query("state", "open")));
        String base = c.query("base", null);
        if (base != null) items = items.filter(i -> i.pull.baseRef.equals(base));
        Comparator<GhModel.Issue> by = c.query("sort", "created").equals("updated")
                ? Comparator.comparing((GhModel.Issue i) -> i.updatedAt)
                : Comparator.comparing((GhModel.Issue i) -> i.createdAt);
        by = by.thenComparingInt(i -> i.number);
        if (!c.query("direction", "desc").equals("asc")) by = by.reversed();
        GhViews v = api.views(c);
        return GitHubApi.page(
                c, items.sorted(by).map(i -> (JsonNode) v.pull(r, i)).toList());
    }

    private Reply getPull(Call c) {
        SimRepository r = api.repo(c);
        GhModel.Issue i = api.issue(c, r);
        if (i.pull == null) throw Failure.notFound();
        return Reply.ok(api.views(c).pull(r, i), i.updatedAt);
    }

    // ---- releases, commits, tags, compare

    private List<GhModel.Release> visibleReleases(Call c, SimRepository r) {
        boolean push = r.canPush(c.token().user());
        List<GhModel.Release> list = new ArrayList<>(r.releases);
        list.removeIf(x -> x.draft && !push);
        list.sort(Comparator.comparing((GhModel.Release x) -> x.createdAt)
                .thenComparingLong(x -> x.id)
                .reversed());
        return list;
    }

    private Reply listReleases(Call c) {
        SimRepository r = api.repo(c);
        GhViews v = api.views(c);
        return GitHubApi.page(
                c,
                visibleReleases(c, r).stream()
                        .map(x -> (JsonNode) v.release(r, x))
                        .toList());
    }

    /** The latest is the most recently published release that is neither a draft nor a pre-release. */
    private Reply latestRelease(Call c) {
        SimRepository r = api.repo(c);
        GhModel.Release latest = r.releases.stream()
                .filter(x -> !x.draft && !x.prerelease)
                .max(Comparator.comparing((GhModel.Release x) -> x.publishedAt).thenComparingLong(x -> x.id))
                .orElseThrow(Failure::notFound);
        return Reply.ok(api.views(c).release(r, latest));
    }

    private Reply releaseByTag(Call c) {
        SimRepository r = api.repo(c);
        GhModel.Release x = visibleReleases(c, r).stream()
                .filter(rel -> !rel.draft && rel.tag.equals(c.param("tag")))
                .findFirst()
                .orElseThrow(Failure::notFound);
        return Reply.ok(api.views(c).release(r, x));
    }

    private Reply releaseById(Call c) {
        SimRepository r = api.repo(c);
        GhModel.Release x = visibleReleases(c, r).stream()
                .filter(rel -> Long.toString(rel.id).equals(c.param("id")))
                .findFirst()
                .orElseThrow(Failure::notFound);
        return Reply.ok(api.views(c).release(r, x));
    }

    private Reply getCommit(Call c) {
        SimRepository r = api.repo(c);
        String sha = r.resolve(c.param("ref"));
        if (sha == null) {
            throw new Failure(
                    422, GitHubServer.message("No commit found for SHA: " + c.param("ref"), GitHubServer.DOCS, 422));
        }
        return Reply.ok(api.views(c).commit(r, r.commits.get(sha)));
    }

    private Reply listTags(Call c) {
        SimRepository r = api.repo(c);
        List<JsonNode> items = new ArrayList<>();
        List<Map.Entry<String, String>> tags = new ArrayList<>(r.tags.entrySet());
        java.util.Collections.reverse(tags);
        for (Map.Entry<String, String> t : tags) {
            ObjectNode n = GhJson.obj();
            n.put("name", t.getKey());
            ObjectNode commit = n.putObject("commit");
            commit.put("sha", t.getValue());
            commit.put("url", api.views(c).repoUrl(r) + "/commits/" + t.getValue());
            n.put("zipball_url", api.views(c).repoUrl(r) + "/zipball/refs/tags/" + t.getKey());
            n.put("tarball_url", api.views(c).repoUrl(r) + "/tarball/refs/tags/" + t.getKey());
            n.put("node_id", GhViews.nodeId("Ref", t.getKey().hashCode()));
            items.add(n);
        }
        return GitHubApi.page(c, items);
    }

    private Reply compare(Call c) {
        SimRepository r = api.repo(c);
        String basehead = c.param("basehead");
        int dots = basehead.indexOf("...");
        if (dots < 0) throw Failure.notFound();
        String base = r.resolve(basehead.substring(0, dots));
        String head = r.resolve(basehead.substring(dots + 3));
        if (base == null || head == null) throw Failure.notFound();
        Set<String> baseSet = r.ancestors(base);
        Set<String> headSet = r.ancestors(head);
        List<GhModel.Commit> ahead = r.only(headSet, baseSet);
        List<GhModel.Commit> behind = r.only(baseSet, headSet);
        String status = ahead.isEmpty() && behind.isEmpty()
                ? "identical"
                : behind.isEmpty() ? "ahead" : ahead.isEmpty() ? "behind" : "diverged";
        GhViews v = api.views(c);
        String url = v.repoUrl(r) + "/compare/" + basehead;
        String html = sim.htmlBase + "/" + r.fullName() + "/compare/" + basehead;
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("html_url", html);
        n.put("permalink_url", sim.htmlBase + "/" + r.fullName() + "/compare/" + base + "..." + head);
        n.put("diff_url", html + ".diff");
        n.put("patch_url", html + ".patch");
        n.set("base_commit", v.commit(r, r.commits.get(base)));
        n.set("merge_base_commit", v.commit(r, r.mergeBase(baseSet, headSet)));
        n.put("status", status);
        n.put("ahead_by", ahead.size());
        n.put("behind_by", behind.size());
        n.put("total_commits", ahead.size());
        ArrayNode commits = n.putArray("commits");
        for (GhModel.Commit x : ahead) commits.add(v.commit(r, x));
        n.putArray("files");
        return Reply.ok(n);
    }

    // ---- search

    /**
     * A small subset of GitHub's issue search: {@code repo:}, {@code is:issue|pr|open|closed}, {@code state:},
     * {@code label:}, {@code author:}, and free words that must all appear in the title or body.
     */
    private Reply searchIssues(Call c) {
        String q = c.query("q", null);
        if (q == null || q.isBlank()) throw Failure.invalid("Search", "q", "missing", null);
        List<Predicate<GhModel.Issue>> filters = new ArrayList<>();
        List<SimRepository> scope = new ArrayList<>(sim.repos());
        Instant indexed = sim.now().minus(sim.limits().searchIndexLag());
        filters.add(i -> !i.updatedAt.isAfter(indexed));
        for (String term : terms(q)) {
            String t = term.toLowerCase(Locale.ROOT);
            if (t.startsWith("repo:")) {
                scope.removeIf(r -> !r.fullName().equalsIgnoreCase(term.substring(5)));
            } else if (t.equals("is:issue") || t.equals("type:issue")) {
                filters.add(i -> i.pull == null);
            } else if (t.equals("is:pr") || t.equals("type:pr")) {
                filters.add(i -> i.pull != null);
            } else if (t.equals("is:open") || t.equals("state:open")) {
                filters.add(i -> i.state.equals("open"));
            } else if (t.equals("is:closed") || t.equals("state:closed")) {
                filters.add(i -> i.state.equals("closed"));
            } else if (t.startsWith("label:")) {
                String label = unquote(term.substring(6));
                filters.add(i -> i.labels.stream().anyMatch(l -> l.equalsIgnoreCase(label)));
            } else if (t.startsWith("author:")) {
                String author = term.substring(7);
                filters.add(i -> i.user.login.equalsIgnoreCase(author));
            } else if (!t.startsWith("in:")) {
                String word = unquote(t);
                filters.add(i -> (i.title + "\n" + (i.body == null ? "" : i.body))
                        .toLowerCase(Locale.ROOT)
                        .contains(word));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        for (SimRepository r : scope) {
            GhViews v = api.views(c);
            r.issues.values().stream()
                    .filter(i -> filters.stream().allMatch(f -> f.test(i)))
                    .sorted(Comparator.comparing((GhModel.Issue i) -> i.createdAt)
                            .reversed())
                    .forEach(i -> {
                        ObjectNode n = v.issue(r, i);
                        n.put("score", 1.0);
                        items.add(n);
                    });
        }
        Reply page = GitHubApi.page(c, items);
        ObjectNode body = GhJson.obj();
        body.put("total_count", items.size());
        body.put("incomplete_results", false);
        body.set("items", page.body());
        return new Reply(200, body, page.headers(), null);
    }

    /** Splits a query on spaces, keeping quoted phrases (and {@code label:"two words"}) whole. */
    private static List<String> terms(String q) {
        List<String> terms = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("[^\\s\"]*\"[^\"]*\"|\\S+").matcher(q);
        while (m.find()) terms.add(m.group());
        return terms;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
