package dev.loop.sandbox;

import dev.loop.sim.SimChannel;
import dev.loop.sim.SimInteraction;
import dev.loop.sim.SimMember;
import dev.loop.sim.SimMessage;
import dev.loop.sim.SimModal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./run.sh sandbox --stay}: a small command line to act as any member of the demo community while Loop keeps
 * running. What Loop does is printed as it happens, by a watcher that wakes when the simulated world changes.
 */
final class Repl {

    static final String HELP = """
            Act as a member (names: %s). Messages are shown with short names (m12) to point at them.
              as NAME post "TITLE" "BODY" [TAG…]        open a post in #help (tags: %s)
              as NAME say WHERE "TEXT"                  post in #support, #team, #releases or a thread (WHERE: its title or m-name)
              as NAME thread mN "NAME"                  start a thread on a message
              as NAME slash [WHERE] "COMMAND" [k=v …]   run a slash command, e.g. as erin slash "issue show" number=1
              as NAME press mN "LABEL"                  press a button, e.g. as bob press m14 "Me too"
              as NAME form [k=v …]                      submit the form Loop last opened for NAME (shows its fields)
              as NAME choose mN [MENU] VALUE…           pick in a select menu, e.g. as erin choose m12 high
              as NAME message-command mN "NAME"         e.g. as erin message-command m12 "Capture as issue"
              as NAME react mN EMOJI                    react to a message
              as NAME edit mN "TEXT"                    edit their message (its copy in a transcript follows)
              as NAME delete mN                         delete a message (its copies read "message deleted by its author")
              erase NAME                                an engineer erases NAME's data on their request (/privacy erase, then Erase)
              gh open LOGIN "TITLE" "BODY"              open an issue on GitHub (acme/boards) as LOGIN
              gh +1 LOGIN N                             👍 GitHub issue N as LOGIN
              gh comment LOGIN N "TEXT"                 comment on GitHub issue N as LOGIN
              gh show [N]                               list the GitHub issues, or print one
              show WHERE                                print a channel or thread     threads   list threads
              help                                      this text                     quit      stop the sandbox
            """;

    private final SandboxSession session;
    private final Community c;
    private final Narrator narrator;
    private final PrintStream out;
    private final Map<String, SimModal> forms = new HashMap<>();
    private volatile boolean running = true;

    Repl(SandboxSession session, Narrator narrator, PrintStream out) {
        this.session = session;
        this.c = session.community();
        this.narrator = narrator;
        this.out = out;
    }

    void run(Reader input) {
        out.println(
                "Loop and the simulator keep running. From another terminal, the setup commands work against it too:");
        out.println("  LOOP_CONFIG=" + session.dir().resolve("loop.yaml") + " DISCORD_TOKEN="
                + session.sim().token() + " ./run.sh check");
        out.println("  DISCORD_TOKEN=" + session.sim().token() + " LOOP_DISCORD_API_URL="
                + session.sim().restBaseUrl() + " LOOP_DISCORD_GATEWAY_URL="
                + session.sim().gatewayUrl() + " ./run.sh invite");
        out.print(help());
        narrator.markAllSeen();
        Thread watcher = Thread.ofPlatform().daemon().name("sandbox-watcher").start(this::watch);
        BufferedReader in = new BufferedReader(input);
        try {
            prompt();
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.equals("quit") || line.equals("exit")) break;
                if (!line.isEmpty()) {
                    try {
                        execute(Words.split(line));
                    } catch (IllegalArgumentException | IllegalStateException | AssertionError e) {
                        String m = e.getMessage() == null ? e.toString() : e.getMessage();
                        out.println("  ✗ " + m.lines().findFirst().orElse(m));
                    }
                }
                narrator.catchUp();
                prompt();
            }
        } catch (IOException e) {
            out.println("  ✗ " + e.getMessage());
        } finally {
            running = false;
            watcher.interrupt();
        }
        out.println("Stopping Loop and the simulator.");
    }

    private void prompt() {
        out.print("> ");
        out.flush();
    }

    /** Prints what Loop does between commands, as soon as it happens. */
    private void watch() {
        while (running) {
            try {
                session.sim().await("something new", narrator::hasNews);
                narrator.catchUp();
            } catch (AssertionError quiet) {
                if (Thread.currentThread().isInterrupted()) return;
            }
        }
    }

    private String help() {
        return HELP.formatted(
                String.join(", ", c.people().stream().map(SimMember::name).toList()),
                String.join(", ", Community.HELP_TAGS));
    }

    void execute(List<String> w) {
        switch (w.getFirst()) {
            case "help" -> out.print(help());
            case "threads" -> {
                for (SimChannel t : c.guild().threads()) out.println("  " + narrator.where(t));
            }
            case "show" -> narrator.show(where(arg(w, 1, "WHERE")));
            case "as" -> act(member(arg(w, 1, "NAME")), w.subList(2, w.size()));
            case "erase" -> erase(member(arg(w, 1, "NAME")));
            case "gh" -> gitHub(w.subList(1, w.size()));
            default -> throw new IllegalArgumentException("unknown command '" + w.getFirst() + "'; type help");
        }
    }

    private void act(SimMember who, List<String> w) {
        String verb = arg(
                w,
                0,
                "what NAME does (post, say, edit, delete, thread, slash, press, form, react, choose, message-command)");
        switch (verb) {
            case "post" -> {
                String[] tags = w.subList(Math.min(3, w.size()), w.size()).toArray(String[]::new);
                who.postInForum(c.help(), arg(w, 1, "TITLE"), arg(w, 2, "BODY"), tags);
            }
            case "say" -> who.say(where(arg(w, 1, "WHERE")), arg(w, 2, "TEXT"));
            case "thread" -> who.startThread(message(arg(w, 1, "mN")), arg(w, 2, "NAME"));
            case "slash" -> {
                // WHERE may be left out: engineers then act in #team, members in #support
                Optional<SimChannel> place = findPlace(arg(w, 1, "COMMAND"));
                int at = place.isPresent() && w.size() > 2 ? 2 : 1;
                SimChannel channel = at == 2 ? place.get() : who.hasRole(c.engineers()) ? c.team() : c.support();
                interacted(who, who.runSlash(channel, w.get(at), options(who, w.subList(at + 1, w.size()))));
            }
            case "press" -> interacted(who, who.pressButton(message(arg(w, 1, "mN")), arg(w, 2, "LABEL")));
            case "react" -> who.react(message(arg(w, 1, "mN")), arg(w, 2, "EMOJI"));
            case "edit" -> who.edit(message(arg(w, 1, "mN")), arg(w, 2, "TEXT"));
            case "delete" -> who.delete(message(arg(w, 1, "mN")));
            case "choose" -> choose(who, message(arg(w, 1, "mN")), w.subList(2, w.size()));
            case "message-command" ->
                interacted(who, who.runMessageCommand(message(arg(w, 1, "mN")), arg(w, 2, "COMMAND")));
            case "form" -> {
                SimModal form = Optional.ofNullable(forms.get(who.name()))
                        .orElseThrow(() -> new IllegalArgumentException(who.name() + " has no open form"));
                if (w.size() == 1) {
                    describe(who, form);
                    return;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String kv : w.subList(1, w.size())) {
                    int eq = kv.indexOf('=');
                    if (eq < 1)
                        throw new IllegalArgumentException("form values look like field=value, not '" + kv + "'");
                    values.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                forms.remove(who.name());
                interacted(who, form.submit(values));
            }
            default -> throw new IllegalArgumentException("unknown action '" + verb + "'; type help");
        }
    }

    /**
     * Picks {@code values} in a select menu of {@code m}: the first word names the menu (custom id or placeholder)
     * when the message has more than one, otherwise the only menu is meant. Values are option values or labels.
     */
    private void choose(SimMember who, SimMessage m, List<String> words) {
        List<SimMessage.Select> menus = m.selects();
        if (menus.isEmpty()) throw new IllegalArgumentException("that message has no select menu");
        if (words.isEmpty()) throw new IllegalArgumentException("say what to choose, e.g. choose m12 high");
        SimMessage.Select menu = menus.getFirst();
        List<String> values = words;
        for (SimMessage.Select candidate : menus) {
            if (words.size() > 1
                    && (words.getFirst().equals(candidate.customId())
                            || words.getFirst().equals(candidate.placeholder()))) {
                menu = candidate;
                values = words.subList(1, words.size());
            }
        }
        interacted(who, who.selectOption(m, menu.customId(), values.toArray(String[]::new)));
    }

    /** Waits for Loop's first answer; a form it opens is kept for {@code as NAME form}. */
    /** What an engineer does when a member asks to be erased: /privacy erase, then Erase on the confirmation. */
    private void erase(SimMember member) {
        SimMember engineer = c.erin();
        SimMessage question = engineer.runSlash(c.team(), "privacy erase", Map.of("user", member))
                .awaitReply();
        out.println("  " + engineer.name() + " sees: " + question.content());
        if (!question.buttonLabels().contains("Erase")) return;
        out.println("  " + engineer.name() + " sees: "
                + engineer.pressButton(question, "Erase").awaitUpdate().content());
    }

    private void interacted(SimMember who, SimInteraction interaction) {
        if (interaction.awaitAck() == 9) {
            SimModal form = interaction.awaitModal();
            forms.put(who.name(), form);
            describe(who, form);
        }
    }

    private void describe(SimMember who, SimModal form) {
        out.println("  form «" + form.title() + "» is open for " + who.name() + ":");
        for (SimModal.Field f : form.fields()) {
            out.println("    " + f.customId() + " — " + f.label()
                    + (f.value() == null ? "" : " (now “" + f.value() + "”)"));
        }
        out.println("  submit it with: as " + who.name() + " form field=value …");
    }

    private Map<String, Object> options(SimMember who, List<String> pairs) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String kv : pairs) {
            int eq = kv.indexOf('=');
            if (eq < 1) throw new IllegalArgumentException("options look like name=value, not '" + kv + "'");
            String value = kv.substring(eq + 1);
            Object v = value;
            if (value.startsWith("@"))
                v = c.guild()
                        .findMember(value.substring(1))
                        .map(Object.class::cast)
                        .orElse(value);
            options.put(kv.substring(0, eq), v);
        }
        return options;
    }

    private SimMember member(String name) {
        return c.guild()
                .findMember(name.startsWith("@") ? name.substring(1) : name)
                .orElseThrow(() -> new IllegalArgumentException("nobody called " + name));
    }

    private SimMessage message(String handle) {
        SimMessage m = narrator.message(handle);
        if (m == null)
            throw new IllegalArgumentException("no message " + handle + " (use the m-names printed before messages)");
        return m;
    }

    private Optional<SimChannel> findPlace(String name) {
        try {
            return Optional.of(where(name));
        } catch (IllegalArgumentException none) {
            return Optional.empty();
        }
    }

    /** A channel by #name, a thread by (the start of) its title, or the thread of a message by m-name. */
    private SimChannel where(String name) {
        List<SimChannel> named = List.of(c.help(), c.support(), c.team(), c.releases());
        for (SimChannel ch : named)
            if (("#" + ch.name()).equals(name) || ch.name().equals(name)) return ch;
        SimMessage m = narrator.message(name);
        if (m != null) return m.channel();
        List<SimChannel> matches = new ArrayList<>();
        for (SimChannel t : c.guild().threads()) {
            if (t.name().equalsIgnoreCase(name)) return t;
            if (t.name().toLowerCase().startsWith(name.toLowerCase())) matches.add(t);
        }
        if (matches.size() == 1) return matches.getFirst();
        throw new IllegalArgumentException(
                matches.isEmpty()
                        ? "no channel or thread '" + name + "' (try: threads)"
                        : "'" + name + "' could be " + matches.size() + " threads; type more of the title");
    }

    /** A person on GitHub: open an issue, 👍 one, comment; or look at the repository Loop syncs to. */
    private void gitHub(List<String> w) {
        var repo = session.github().repo();
        switch (arg(w, 0, "what to do on GitHub (open, +1, comment, show)")) {
            case "open" -> {
                int n = repo.openIssue(arg(w, 1, "LOGIN"), arg(w, 2, "TITLE"), arg(w, 3, "BODY"));
                out.println("  GitHub #" + n + " opened by " + w.get(1));
            }
            case "+1" -> {
                int n = gitHubNumber(arg(w, 2, "N"));
                repo.react(arg(w, 1, "LOGIN"), n, "+1");
                out.println("  " + w.get(1) + " reacted 👍 to GitHub #" + n);
            }
            case "comment" -> {
                int n = gitHubNumber(arg(w, 2, "N"));
                repo.comment(arg(w, 1, "LOGIN"), n, arg(w, 3, "TEXT"));
                out.println("  " + w.get(1) + " commented on GitHub #" + n);
            }
            case "show" -> {
                if (w.size() > 1) {
                    var i = repo.issue(gitHubNumber(w.get(1)));
                    out.println("  GitHub #" + i.number() + " “" + i.title() + "” · " + i.state() + " · labels: "
                            + String.join(", ", i.labels()) + " · 👍 "
                            + repo.reactors(i.number(), "+1").size());
                    for (String line : GitHubScenes.bodyStart(i.body(), 12)) out.println("  │ " + line);
                    for (var comment : repo.comments(i.number()))
                        out.println("  " + comment.author() + ": "
                                + comment.body().lines().findFirst().orElse(""));
                } else {
                    for (var i : repo.issues())
                        out.println("  GitHub #" + i.number() + " “" + i.title() + "” · " + i.state() + " · by "
                                + i.author());
                }
            }
            default -> throw new IllegalArgumentException("gh does open, +1, comment or show; type help");
        }
    }

    private static int gitHubNumber(String typed) {
        try {
            return Integer.parseInt(typed.startsWith("#") ? typed.substring(1) : typed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a GitHub issue number looks like 12 or #12, not '" + typed + "'");
        }
    }

    private static String arg(List<String> w, int i, String what) {
        if (i >= w.size()) throw new IllegalArgumentException("missing " + what);
        return w.get(i);
    }

    /** Splits a command line into words; "double quotes" group words, \" is a quote inside them. */
    static final class Words {
        private Words() {}

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false, any = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (Character.isWhitespace(ch) && !quoted) {
                    if (any || !cur.isEmpty()) words.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                } else {
                    cur.append(ch);
                }
            }
            if (quoted) throw new IllegalArgumentException("a quote is not closed");
            if (any || !cur.isEmpty()) words.add(cur.toString());
            return words;
        }
    }
}
