package dev.loop.sim.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders the simulator's state as GitHub's REST API writes it (the fields hub4j and Loop read, and their URLs). */
final class GhViews {
    private final String api;
    private final String html;

    GhViews(String apiBase, String htmlBase) {
        this.api = apiBase;
        this.html = htmlBase;
    }

    static String nodeId(String kind, long id) {
        return Base64.getEncoder().encodeToString(("0:" + kind + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    ObjectNode user(GhModel.User u) {
        ObjectNode n = GhJson.obj();
        if (u == null) return null;
        n.put("login", u.login);
        n.put("id", u.id);
        n.put("node_id", nodeId("User", u.id));
        n.put("avatar_url", "https://avatars.githubusercontent.com/u/" + u.id + "?v=4");
        n.put("gravatar_id", "");
        n.put("url", api + "/users/" + u.login);
        n.put("html_url", html + "/" + u.login);
        n.put("type", "User");
        n.put("site_admin", false);
        return n;
    }

    ObjectNode fullUser(GhModel.User u) {
        ObjectNode n = user(u);
        n.put("name", u.name);
        n.putNull("company");
        n.putNull("blog");
        n.putNull("email");
        n.put("public_repos", 0);
        n.put("followers", 0);
        n.put("following", 0);
        GhJson.time(n, "created_at", u.createdAt);
        GhJson.time(n, "updated_at", u.createdAt);
        return n;
    }

    private static void userOrNull(ObjectNode n, String field, ObjectNode user) {
        if (user == null) n.putNull(field);
        else n.set(field, user);
    }

    String repoUrl(SimRepository r) {
        return api + "/repos/" + r.fullName();
    }

    ObjectNode repo(SimRepository r, GhModel.User viewer) {
        ObjectNode n = GhJson.obj();
        n.put("id", r.id);
        n.put("node_id", nodeId("Repository", r.id));
        n.put("name", r.name);
        n.put("full_name", r.fullName());
        n.put("private", false);
        n.set("owner", user(r.owner));
        n.put("html_url", html + "/" + r.fullName());
        n.putNull("description");
        n.put("fork", false);
        n.put("url", repoUrl(r));
        n.put("issues_url", repoUrl(r) + "/issues{/number}");
        n.put("pulls_url", repoUrl(r) + "/pulls{/number}");
        n.put("releases_url", repoUrl(r) + "/releases{/id}");
        n.put("compare_url", repoUrl(r) + "/compare/{base}...{head}");
        GhJson.time(n, "created_at", r.createdAt);
        GhJson.time(n, "updated_at", r.updatedAt);
        GhJson.time(n, "pushed_at", r.updatedAt);
        n.put("has_issues", true);
        n.put("archived", r.archived);
        n.put("disabled", false);
        n.put("visibility", "public");
        n.put("default_branch", r.defaultBranch);
        n.put(
                "open_issues_count",
                r.issues.values().stream().filter(i -> i.state.equals("open")).count());
        if (viewer != null) {
            boolean admin = viewer == r.owner;
            boolean push = r.canPush(viewer);
            ObjectNode p = n.putObject("permissions");
            p.put("admin", admin);
            p.put("maintain", admin);
            p.put("push", push);
            p.put("triage", push);
            p.put("pull", true);
        }
        return n;
    }

    ObjectNode label(SimRepository r, GhModel.Label l) {
        ObjectNode n = GhJson.obj();
        n.put("id", l.id);
        n.put("node_id", nodeId("Label", l.id));
        n.put("url", repoUrl(r) + "/labels/" + l.name.replace(" ", "%20"));
        n.put("name", l.name);
        n.put("color", l.color);
        n.put("default", false);
        if (l.description == null) n.putNull("description");
        else n.put("description", l.description);
        return n;
    }

    private ArrayNode labels(SimRepository r, GhModel.Issue i) {
        ArrayNode a = GhJson.arr();
        for (String name : i.labels) {
            GhModel.Label l = r.label(name);
            if (l != null) a.add(label(r, l));
        }
        return a;
    }

    private static String association(SimRepository r, GhModel.User u) {
        return u == r.owner ? "OWNER" : r.canPush(u) ? "COLLABORATOR" : "NONE";
    }

    ObjectNode reactionSummary(String url, List<GhModel.Reaction> reactions) {
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("total_count", reactions.size());
        Map<String, Integer> counts = new TreeMap<>();
        for (String c : SimRepository.REACTIONS) counts.put(c, 0);
        for (GhModel.Reaction x : reactions) counts.merge(x.content, 1, Integer::sum);
        counts.forEach(n::put);
        return n;
    }

    ObjectNode issue(SimRepository r, GhModel.Issue i) {
        String url = repoUrl(r) + "/issues/" + i.number;
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("repository_url", repoUrl(r));
        n.put("labels_url", url + "/labels{/name}");
        n.put("comments_url", url + "/comments");
        n.put("events_url", url + "/events");
        n.put("html_url", html + "/" + r.fullName() + (i.pull != null ? "/pull/" : "/issues/") + i.number);
        n.put("id", i.id);
        n.put("node_id", nodeId(i.pull != null ? "PullRequest" : "Issue", i.id));
        n.put("number", i.number);
        n.put("title", i.title);
        n.set("user", user(i.user));
        n.set("labels", labels(r, i));
        n.put("state", i.state);
        if (i.stateReason == null) n.putNull("state_reason");
        else n.put("state_reason", i.stateReason);
        n.put("locked", false);
        n.putNull("assignee");
        n.putArray("assignees");
        n.putNull("milestone");
        n.put("comments", i.comments.size());
        GhJson.time(n, "created_at", i.createdAt);
        GhJson.time(n, "updated_at", i.updatedAt);
        GhJson.time(n, "closed_at", i.closedAt);
        userOrNull(n, "closed_by", user(i.closedBy));
        n.put("author_association", association(r, i.user));
        if (i.body == null) n.putNull("body");
        else n.put("body", i.body);
        n.set("reactions", reactionSummary(url + "/reactions", i.reactions));
        if (i.pull != null) {
            n.put("draft", i.pull.draft);
            ObjectNode pr = n.putObject("pull_request");
            String pullUrl = html + "/" + r.fullName() + "/pull/" + i.number;
            pr.put("url", repoUrl(r) + "/pulls/" + i.number);
            pr.put("html_url", pullUrl);
            pr.put("diff_url", pullUrl + ".diff");
            pr.put("patch_url", pullUrl + ".patch");
            GhJson.time(pr, "merged_at", i.pull.mergedAt);
        }
        return n;
    }

    ObjectNode pull(SimRepository r, GhModel.Issue i) {
        GhModel.Pull p = i.pull;
        String url = repoUrl(r) + "/pulls/" + i.number;
        String htmlUrl = html + "/" + r.fullName() + "/pull/" + i.number;
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("id", p.id);
        n.put("node_id", nodeId("PullRequest", p.id));
        n.put("html_url", htmlUrl);
        n.put("diff_url", htmlUrl + ".diff");
        n.put("patch_url", htmlUrl + ".patch");
        n.put("issue_url", repoUrl(r) + "/issues/" + i.number);
        n.put("commits_url", url + "/commits");
        n.put("comments_url", repoUrl(r) + "/issues/" + i.number + "/comments");
        n.put("number", i.number);
        n.put("state", i.state);
        n.put("locked", false);
        n.put("title", i.title);
        n.set("user", user(i.user));
        if (i.body == null) n.putNull("body");
        else n.put("body", i.body);
        n.set("labels", labels(r, i));
        n.putNull("milestone");
        GhJson.time(n, "created_at", i.createdAt);
        GhJson.time(n, "updated_at", i.updatedAt);
        GhJson.time(n, "closed_at", i.closedAt);
        GhJson.time(n, "merged_at", p.mergedAt);
        if (p.mergeCommitSha == null) n.putNull("merge_commit_sha");
        else n.put("merge_commit_sha", p.mergeCommitSha);
        n.putNull("assignee");
        n.putArray("assignees");
        n.putArray("requested_reviewers");
        n.putArray("requested_teams");
        n.set("head", pointer(r, p.headRef, r.branches.get(p.headRef)));
        n.set("base", pointer(r, p.baseRef, r.branches.get(p.baseRef)));
        n.put("author_association", association(r, i.user));
        n.putNull("auto_merge");
        n.put("draft", p.draft);
        n.put("merged", p.merged);
        if (p.merged || i.state.equals("closed")) n.putNull("mergeable");
        else n.put("mergeable", true);
        n.put("mergeable_state", p.merged ? "unknown" : p.draft ? "draft" : "clean");
        userOrNull(n, "merged_by", user(p.mergedBy));
        n.put("comments", i.comments.size());
        n.put("review_comments", 0);
        n.put("maintainer_can_modify", false);
        n.put("commits", 1);
        n.put("additions", 1);
        n.put("deletions", 0);
        n.put("changed_files", 1);
        return n;
    }

    private ObjectNode pointer(SimRepository r, String ref, String sha) {
        ObjectNode n = GhJson.obj();
        n.put("label", r.owner.login + ":" + ref);
        n.put("ref", ref);
        n.put("sha", sha);
        n.set("user", user(r.owner));
        n.set("repo", repo(r, null));
        return n;
    }

    ObjectNode comment(SimRepository r, GhModel.Comment c) {
        String url = repoUrl(r) + "/issues/comments/" + c.id;
        GhModel.Issue issue = r.find(c.issueNumber);
        ObjectNode n = GhJson.obj();
        n.put("id", c.id);
        n.put("node_id", nodeId("IssueComment", c.id));
        n.put("url", url);
        n.put(
                "html_url",
                html + "/" + r.fullName() + (issue != null && issue.pull != null ? "/pull/" : "/issues/")
                        + c.issueNumber + "#issuecomment-" + c.id);
        n.put("issue_url", repoUrl(r) + "/issues/" + c.issueNumber);
        n.set("user", user(c.user));
        GhJson.time(n, "created_at", c.createdAt);
        GhJson.time(n, "updated_at", c.updatedAt);
        n.put("author_association", association(r, c.user));
        n.put("body", c.body);
        n.set("reactions", reactionSummary(url + "/reactions", List.of()));
        return n;
    }

    ObjectNode reaction(GhModel.Reaction x) {
        ObjectNode n = GhJson.obj();
        n.put("id", x.id);
        n.put("node_id", nodeId("Reaction", x.id));
        n.set("user", user(x.user));
        n.put("content", x.content);
        GhJson.time(n, "created_at", x.createdAt);
        return n;
    }

    ObjectNode release(SimRepository r, GhModel.Release x) {
        String url = repoUrl(r) + "/releases/" + x.id;
        ObjectNode n = GhJson.obj();
        n.put("url", url);
        n.put("assets_url", url + "/assets");
        n.put("upload_url", url.replace("http://", "http://uploads.") + "/assets{?name,label}");
        n.put("html_url", html + "/" + r.fullName() + "/releases/tag/" + x.tag);
        n.put("id", x.id);
        n.set("author", user(x.author));
        n.put("node_id", nodeId("Release", x.id));
        n.put("tag_name", x.tag);
        n.put("target_commitish", x.targetCommitish);
        if (x.name == null) n.putNull("name");
        else n.put("name", x.name);
        n.put("draft", x.draft);
        n.put("prerelease", x.prerelease);
        GhJson.time(n, "created_at", x.createdAt);
        GhJson.time(n, "published_at", x.publishedAt);
        n.putArray("assets");
        n.put("tarball_url", repoUrl(r) + "/tarball/" + x.tag);
        n.put("zipball_url", repoUrl(r) + "/zipball/" + x.tag);
        if (x.body == null) n.putNull("body");
        else n.put("body", x.body);
        return n;
    }

    ObjectNode commit(SimRepository r, GhModel.Commit c) {
        ObjectNode n = GhJson.obj();
        n.put("sha", c.sha());
        n.put("node_id", nodeId("Commit", c.sha().hashCode()));
        n.put("url", repoUrl(r) + "/commits/" + c.sha());
        n.put("html_url", html + "/" + r.fullName() + "/commit/" + c.sha());
        n.put("comments_url", repoUrl(r) + "/commits/" + c.sha() + "/comments");
        ObjectNode inner = n.putObject("commit");
        for (String role : List.of("author", "committer")) {
            ObjectNode person = inner.putObject(role);
            person.put("name", c.author().name);
            person.put("email", c.author().login + "@users.noreply.github.com");
            GhJson.time(person, "date", c.date());
        }
        inner.put("message", c.message());
        ObjectNode tree = inner.putObject("tree");
        tree.put("sha", c.sha());
        tree.put("url", repoUrl(r) + "/git/trees/" + c.sha());
        inner.put("url", repoUrl(r) + "/git/commits/" + c.sha());
        inner.put("comment_count", 0);
        n.set("author", user(c.author()));
        n.set("committer", user(c.author()));
        ArrayNode parents = n.putArray("parents");
        for (String p : c.parents()) {
            ObjectNode parent = parents.addObject();
            parent.put("sha", p);
            parent.put("url", repoUrl(r) + "/commits/" + p);
            parent.put("html_url", html + "/" + r.fullName() + "/commit/" + p);
        }
        return n;
    }
}
