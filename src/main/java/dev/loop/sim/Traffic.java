package dev.loop.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A bounded log of recent REST calls and gateway frames, dumped into timeout errors so a failing test shows what
 * the bot actually did.
 */
final class Traffic {
    private static final int KEEP = 200;
    /** Fixed width: Instant.toString() leaves the milliseconds out when they are zero. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private record Entry(long ms, String text) {}

    private final Deque<Entry> rest = new ArrayDeque<>();
    private final Deque<Entry> gateway = new ArrayDeque<>();
    private final Deque<Entry> people = new ArrayDeque<>();

    void rest(String line) {
        add(rest, line);
    }

    void gateway(String line) {
        add(gateway, line);
    }

    void people(String line) {
        add(people, line);
    }

    private void add(Deque<Entry> log, String line) {
        synchronized (log) {
            log.addLast(new Entry(System.currentTimeMillis(), line));
            if (log.size() > KEEP) {
                log.removeFirst();
            }
        }
    }

    List<String> recentRest(int n) {
        return recent(rest, n);
    }

    List<String> recentGateway(int n) {
        return recent(gateway, n);
    }

    private static List<String> recent(Deque<Entry> log, int n) {
        List<String> out = new ArrayList<>();
        synchronized (log) {
            int skip = Math.max(0, log.size() - n);
            int i = 0;
            for (Entry e : log) {
                if (i++ >= skip) {
                    out.add(TIME.format(Instant.ofEpochMilli(e.ms())) + "  " + e.text());
                }
            }
        }
        return out;
    }

    String dump() {
        StringBuilder sb = new StringBuilder();
        section(sb, "test actions", people, 20);
        section(sb, "REST calls", rest, 50);
        section(sb, "gateway", gateway, 50);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Deque<Entry> log, int n) {
        List<String> lines = recent(log, n);
        sb.append("\n--- last ").append(lines.size()).append(' ').append(title).append(" ---\n");
        for (String l : lines) {
            sb.append("  ").append(l).append('\n');
        }
    }
}
