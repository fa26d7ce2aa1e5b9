package dev.loop.sandbox;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints the community's conversation as each person saw it: every new or changed message anywhere (channels,
 * threads, DMs, the ephemeral replies only one person sees), with its place, author, text, embeds reduced to their
 * title and key fields, buttons and who was pinged. Ids become names so the story reads the same on every run.
 */
final class Narrator {

    private static final Pattern USER = Pattern.compile("<@!?(\\d+)>");
    private static final Pattern ROLE = Pattern.compile("<@&(\\d+)>");
    private static final Pattern CHANNEL = Pattern.compile("<#(\\d+)>");
    private static final Pattern TIME = Pattern.compile("<t:(-?\\d+)(?::([tTdDfFR]))?>");
    private static final Pattern JUMP =
            Pattern.compile("https://discord\\.com/channels/(?:\\d+|@me)/(\\d+)(?:/(\\d+))?");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int MAX_LINE = 220;

    private final Community community;
    private final PrintStream out;
    /** What was last printed for each message, to print a message again only when it changed. */
    // Concurrent maps, and no lock in hasNews(): the command line's watcher calls it while holding the simulator's
    // lock, and catchUp() takes the simulator's lock while holding this object's.
    private final Map<Long, String> shown = new ConcurrentHashMap<>();
    /** Short names ("m7") for messages, so that people at the command line can point at one. */
    private final Map<Long, String> handles = new ConcurrentHashMap<>();

    private final Map<String, SimMessage> byHandle = new ConcurrentHashMap<>();
    private final AtomicInteger handleCount = new AtomicInteger();
    private volatile boolean showHandles;
    private int scenes;

    Narrator(Community community, PrintStream out) {
        this.community = community;
        this.out = out;
    }

    /** Prints each message's short name (m1, m2, …) for {@link #message(String)}. */
    void showHandles(boolean on) {
        showHandles = on;
    }

    /** The message printed with this short name, if any. */
    SimMessage message(String handle) {
        return byHandle.get(handle);
    }

    /** A new scene, with the time it happens at (Loop's clock: the story skips hours and days). */
    void scene(String title, Instant at) {
        String head = (++scenes) + ". " + title + " — " + WHEN.format(at);
        out.println();
        out.println("━━ " + head + " " + "━".repeat(Math.max(3, 72 - head.length())));
    }

    /** What a person does that is not a message: running a command, pressing a button, filling in a form. */
    void act(SimMember who, String what) {
        out.println("▶ " + who.name() + " " + what);
    }

    void note(String text) {
        out.println("  " + text);
    }

    /**
     * Prints every message that appeared or changed since the last call. Loop answers one action with several
     * messages at once (the reply, notices in threads, a DM), and which of them Discord stores first varies; they
     * are printed grouped by where they appeared, in a fixed order of places, so a story prints the same every time.
     */
    synchronized void catchUp() {
        record Change(Seen seen, String text) {}
        List<Change> changes = new ArrayList<>();
        for (Seen s : everything()) {
            String text = render(s);
            String before = shown.put(s.message().id(), text);
            if (before == null) {
                changes.add(new Change(s, text));
            } else if (!before.equals(text)) {
                changes.add(new Change(s, changes(before, text)));
            }
        }
        changes.sort(Comparator.comparingLong((Change ch) -> placeRank(ch.seen()))
                .thenComparingLong(ch -> placeOrder(ch.seen()))
                .thenComparingLong(ch -> ch.seen().message().id()));
        for (Change ch : changes) out.print(ch.text());
        out.flush();
    }

    /** What the person who acted saw, then the announcement, threads, channels, DMs. */
    private long placeRank(Seen s) {
        SimChannel c = s.message().channel();
        if (s.onlyFor() != null) return 0;
        if (c.equals(community.releases())) return 1;
        if (c.isThread()) return 2;
        if (c.equals(community.support())) return 3;
        if (c.equals(community.team())) return 4;
        return 5;
    }

    private long placeOrder(Seen s) {
        SimChannel c = s.message().channel();
        if (s.onlyFor() != null) return community.people().indexOf(s.onlyFor());
        if (c.kind() == SimChannel.Kind.DM) {
            for (int i = 0; i < community.people().size(); i++) {
                if (community.people().get(i).dms().stream()
                        .anyMatch(m -> m.channel().equals(c))) return i;
            }
        }
        return c.id();
    }

    /** An edited message: its header, marked edited, and only the lines that changed (a card's status line, say). */
    private static String changes(String before, String after) {
        List<String> old = before.lines().toList();
        List<String> now = after.lines().toList();
        List<String> changed =
                now.stream().skip(1).filter(l -> !old.contains(l)).toList();
        StringBuilder text = new StringBuilder(now.getFirst().replaceFirst(":$", " (edited):")).append('\n');
        for (String l : changed.isEmpty() ? now.subList(1, now.size()) : changed)
            text.append(l).append('\n');
        return text.toString();
    }

    /** Marks everything there is as already printed (the REPL starts from the story's end). */
    synchronized void markAllSeen() {
        for (Seen s : everything()) shown.put(s.message().id(), render(s));
    }

    /** Whether something appeared or changed since the last {@link #catchUp()}. */
    boolean hasNews() {
        for (Seen s : everything()) {
            if (!render(s).equals(shown.get(s.message().id()))) return true;
        }
        return false;
    }

    /** Every message of one channel or thread, as its members see it. */
    void show(SimChannel channel) {
        List<SimMessage> messages = channel.messages();
        if (messages.isEmpty()) out.println("  (no messages in " + where(channel) + ")");
        for (SimMessage m : messages) out.print(render(new Seen(m, null)));
        out.flush();
    }

    /** A message and, for an ephemeral one, the only person who saw it. */
    record Seen(SimMessage message, SimMember onlyFor) {}

    private List<Seen> everything() {
        Map<Long, Seen> byId = new LinkedHashMap<>();
        List<SimChannel> channels =
                new ArrayList<>(List.of(community.support(), community.team(), community.releases()));
        channels.addAll(community.guild().threads());
        for (SimChannel c : channels) {
            for (SimMessage m : c.messages()) byId.putIfAbsent(m.id(), new Seen(m, null));
        }
        for (SimMember p : community.people()) {
            for (SimMessage m : p.dms()) byId.putIfAbsent(m.id(), new Seen(m, null));
            for (SimMessage m : p.ephemeralReplies()) byId.putIfAbsent(m.id(), new Seen(m, p));
        }
        return byId.values().stream()
                .filter(s -> !s.message().loading())
                .sorted(Comparator.comparingLong(s -> s.message().id()))
                .toList();
    }

    /** Header line, then the message indented. */
    String render(Seen s) {
        SimMessage m = s.message();
        StringBuilder head = new StringBuilder("  ");
        if (showHandles) head.append(handle(m)).append(' ');
        head.append('[').append(where(m.channel()));
        if (s.onlyFor() != null)
            head.append(" · only ").append(s.onlyFor().name()).append(" sees this");
        head.append("] ").append(m.fromBot() ? "Loop" : m.authorName());
        List<String> pinged = new ArrayList<>();
        m.pingedNames().stream().sorted().forEach(n -> pinged.add("@" + n));
        for (long role : m.pingedRoles()) pinged.add("@" + roleName(role));
        if (m.pingedEveryone()) pinged.add("@everyone");
        if (!pinged.isEmpty()) head.append(" → pings ").append(String.join(", ", pinged));
        head.append(":\n");

        List<String> lines = new ArrayList<>();
        if (!m.content().isBlank()) m.content().strip().lines().forEach(l -> lines.add(plain(l)));
        for (SimMessage.Embed e : m.embeds()) {
            if (e.title() != null) lines.add("▌ " + plain(e.title()));
            if (e.description() != null && !e.description().isBlank()) {
                e.description().strip().lines().limit(8).forEach(l -> lines.add("▌ " + plain(l)));
            }
            if (!e.fields().isEmpty()) {
                lines.add("▌ "
                        + e.fields().stream()
                                .limit(6)
                                .map(f -> plain(f.name()) + ": "
                                        + clip(plain(f.value().replace('\n', ' ')), 50))
                                .collect(Collectors.joining(" · ")));
            }
        }
        if (m.poll() != null) lines.add("▌ poll: " + plain(m.poll().question()));
        for (SimMessage.Attachment a : m.attachments()) lines.add("📎 " + a.filename());
        List<String> controls = new ArrayList<>();
        for (SimMessage.Button b : m.buttons()) {
            controls.add("[" + (b.label() == null ? b.emoji() : b.label()) + (b.disabled() ? " (disabled)" : "") + "]");
        }
        for (SimMessage.Select sel : m.selects())
            controls.add("[▾ " + (sel.placeholder() == null ? sel.customId() : sel.placeholder()) + "]");
        if (!controls.isEmpty()) lines.add(String.join(" ", controls));
        if (lines.isEmpty()) lines.add("(empty)");

        StringBuilder text = new StringBuilder(head);
        for (String l : lines) {
            text.append(l.isBlank() ? "" : "      " + clip(l, MAX_LINE).stripTrailing())
                    .append('\n');
        }
        return text.toString();
    }

    /** The message's short name, given on first sight. */
    String handle(SimMessage m) {
        return handles.computeIfAbsent(m.id(), id -> {
            String h = "m" + handleCount.incrementAndGet();
            byHandle.put(h, m);
            return h;
        });
    }

    /** "#support", "#help › Title of the post", "DM with alice". */
    String where(SimChannel c) {
        if (c == null) return "?";
        if (c.kind() == SimChannel.Kind.DM) {
            return "DM "
                    + community.people().stream()
                            .filter(p ->
                                    p.dms().stream().anyMatch(m -> m.channel().equals(c)))
                            .map(SimMember::name)
                            .findFirst()
                            .map(n -> "with " + n)
                            .orElse("");
        }
        if (c.isThread() && c.parent() != null) return "#" + c.parent().name() + " › " + clip(c.name(), 48);
        return "#" + c.name();
    }

    /** Discord markup as a person reads it: names for ids, dates for timestamps, no bold markers. */
    String plain(String text) {
        String s = replace(USER, text, id -> "@" + userName(id));
        s = replace(ROLE, s, id -> "@" + roleName(id));
        s = replace(CHANNEL, s, id -> channelName(id));
        s = TIME.matcher(s)
                .replaceAll(
                        r -> Matcher.quoteReplacement(DATE.format(Instant.ofEpochSecond(Long.parseLong(r.group(1))))));
        s = JUMP.matcher(s)
                .replaceAll(r -> Matcher.quoteReplacement(
                        "↗" + channelName(Long.parseLong(r.group(1))) + (r.group(2) == null ? "" : " (message)")));
        return s.replace("**", "");
    }

    private static String replace(Pattern p, String text, java.util.function.LongFunction<String> name) {
        return p.matcher(text).replaceAll(r -> Matcher.quoteReplacement(name.apply(Long.parseLong(r.group(1)))));
    }

    private String userName(long id) {
        if (id == community.sim().botId()) return "Loop";
        for (SimMember p : community.people()) if (p.id() == id) return p.name();
        try {
            return community.guild().member(id).name();
        } catch (IllegalArgumentException unknown) {
            return "unknown-user";
        }
    }

    private String roleName(long id) {
        return id == community.engineers().id() ? community.engineers().name() : "role";
    }

    private String channelName(long id) {
        List<SimChannel> all =
                new ArrayList<>(List.of(community.help(), community.support(), community.team(), community.releases()));
        all.addAll(community.guild().threads());
        for (SimChannel c : all) if (c.id() == id) return where(c);
        for (SimMember p : community.people()) {
            for (SimMessage m : p.dms()) if (m.channel().id() == id) return where(m.channel());
        }
        return "#unknown-channel";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Names of the tags on a forum post, for the narration of a new post. */
    static String tags(SimChannel post) {
        return post.appliedTags().isEmpty()
                ? ""
                : " "
                        + new TreeSet<>(post.appliedTags())
                                .stream().map(t -> "[" + t + "]").collect(Collectors.joining(""));
    }
}
