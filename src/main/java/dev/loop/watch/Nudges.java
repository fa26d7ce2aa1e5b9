package dev.loop.watch;

import dev.loop.core.config.Config;
import dev.loop.core.text.Safe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads waiting too long for a first answer ({@code watch.nudge-after}, or the area's {@code nudge-after}): listed
 * in ONE team-channel message that Loop posts once and keeps edited as threads come and go (pinging no one), and the
 * owner of the thread's area (by forum tag) gets one DM per thread, never twice, across restarts ({@code nudge_dm}).
 * What counts as waiting is the inbox's rule: no engineer reply, capture or link yet, and not archived or deleted.
 */
public final class Nudges {

    private static final Logger log = LoggerFactory.getLogger(Nudges.class);
    /** Threads named in the message at most; the rest are counted. */
    static final int LISTED = 20;

    private static final int SCANNED = 500;

    private final Config config;
    private final SupportThreadStore threads;
    private final NudgeStore store;
    private volatile JDA jda;
    /** What the message says now, so an unchanged list edits nothing (null after a start: edit once). */
    private String shown;

    Nudges(Config config, SupportThreadStore threads, NudgeStore store) {
        this.config = config;
        this.threads = threads;
        this.store = store;
    }

    void ready(JDA jda) {
        this.jda = jda;
    }

    /** The threads waiting too long at {@code now}, oldest first. */
    List<SupportThread> waiting(Instant now) {
        List<SupportThread> out = new ArrayList<>();
        for (SupportThread t : threads.unanswered(SCANNED)) {
            if (!t.createdAt().plus(config.nudgeAfter(t.tags())).isAfter(now)) out.add(t);
        }
        return out;
    }

    /** Brings the message and the owners' DMs up to date; returns the threads waiting too long. */
    public synchronized List<Long> runDue(Instant now) {
        JDA j = jda;
        if (j == null) return List.of();
        List<SupportThread> waiting = waiting(now);
        updateBoard(j, waiting, now);
        for (SupportThread t : waiting) {
            Optional<Config.Area> area = config.areaOf(t.tags());
            if (area.isEmpty() || !store.claimDm(t.threadId(), area.get().ownerId(), now)) continue;
            String text = "⏰ **" + Safe.inline(t.title(), 100) + "** (<#" + t.threadId() + ">), in your area "
                    + Safe.inline(area.get().name(), 100) + ", has waited " + waited(t, now)
                    + " for a first answer from the team.";
            try {
                j.openPrivateChannelById(area.get().ownerId())
                        .flatMap(dm -> dm.sendMessage(new MessageCreateBuilder()
                                .setContent(text)
                                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                                .build()))
                        .complete();
            } catch (RuntimeException e) {
                log.info(
                        "Could not DM the owner of {} about thread {}: {}",
                        area.get().name(),
                        t.threadId(),
                        e.toString());
            }
        }
        return waiting.stream().map(SupportThread::threadId).toList();
    }

    private void updateBoard(JDA j, List<SupportThread> waiting, Instant now) {
        Optional<NudgeStore.Board> board = store.board();
        if (board.isEmpty() && waiting.isEmpty()) return;
        String text = text(waiting, now);
        if (text.equals(shown)) return;
        GuildMessageChannel team =
                j.getChannelById(GuildMessageChannel.class, config.channels().team());
        if (team == null) {
            log.warn(
                    "Team channel {} is not visible; the waiting threads are not listed",
                    config.channels().team());
            return;
        }
        try {
            if (board.isPresent()) {
                try {
                    team.editMessageById(
                                    board.get().messageId(),
                                    new MessageEditBuilder()
                                            .setContent(text)
                                            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                                            .build())
                            .complete();
                    shown = text;
                    return;
                } catch (ErrorResponseException e) {
                    if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) throw e;
                    // deleted by someone: post it again below
                }
            }
            if (waiting.isEmpty()) return;
            Message m = team.sendMessage(new MessageCreateBuilder()
                            .setContent(text)
                            .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                            .build())
                    .complete();
            store.setBoard(new NudgeStore.Board(team.getIdLong(), m.getIdLong()));
            shown = text;
        } catch (RuntimeException e) {
            log.info("Could not update the list of waiting threads: {}", e.toString());
        }
    }

    /** The message: every thread waiting too long with how long, or that none is waiting any more. */
    static String text(List<SupportThread> waiting, Instant now) {
        if (waiting.isEmpty()) return "✅ No support thread is waiting too long for a first answer.";
        StringBuilder sb = new StringBuilder("⏰ ")
                .append(waiting.size() == 1 ? "1 support thread has" : waiting.size() + " support threads have")
                .append(" waited too long for a first answer from the team:");
        int n = 0;
        for (SupportThread t : waiting) {
            if (n == LISTED) {
                sb.append("\n…and ").append(waiting.size() - n).append(" more (/inbox lists them).");
                break;
            }
            sb.append("\n• **")
                    .append(Safe.inline(t.title(), 80))
                    .append("** <#")
                    .append(t.threadId())
                    .append(">, waiting ")
                    .append(waited(t, now));
            n++;
        }
        return sb.toString();
    }

    static String waited(SupportThread t, Instant now) {
        Duration d = Duration.between(t.createdAt(), now);
        if (d.toDays() >= 2) return d.toDays() + " days";
        if (d.toHours() >= 2) return d.toHours() + " hours";
        if (d.toHours() == 1) return "an hour";
        return Math.max(1, d.toMinutes()) + " minutes";
    }
}
