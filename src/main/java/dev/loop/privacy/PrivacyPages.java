package dev.loop.privacy;

import dev.loop.core.discord.ComponentId.Kind;
import dev.loop.core.discord.ComponentId.Shape;
import dev.loop.core.discord.Replies;
import dev.loop.core.text.Chunker;
import dev.loop.core.text.Safe;
import dev.loop.issue.MemberData;
import dev.loop.issue.Requester;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What {@code /privacy show} draws: everything Loop holds about the person, one entry per issue asked for, line
 * written and notice received, packed into pages that stay within Discord's limits however much there is.
 */
final class PrivacyPages {

    /** {@code privacy:<page>}: Previous / Next; the page is always of the person who presses. */
    static final Shape PAGE = Shape.of(
            "privacy", "That privacy page is from an older version of Loop. Run `/privacy show` again.", Kind.INDEX);

    /** {@code privacy-erase}: Erase my data, which asks to confirm first. */
    static final Shape ASK =
            Shape.of("privacy-erase", "That button is from an older version of Loop. Run `/privacy show` again.");

    /** The description of one page stays well under Discord's 4,096 (and the embed's 6,000). */
    static final int PAGE_CHARS = 3_500;

    static final int ENTRY_TEXT = 600;

    private PrivacyPages() {}

    /** Everything held, rendered as entries (each within a page). */
    static List<String> entries(MemberData.Held held, List<NoticesReceived.Notice> notices) {
        List<String> out = new ArrayList<>();
        for (MemberData.Asked a : held.asked()) {
            out.add("**Asked for #" + a.issueNumber() + "** " + Safe.inline(a.title(), 100) + " · " + how(a) + " · "
                    + when(a.at()));
        }
        for (MemberData.Written w : held.written()) {
            out.add("**" + (w.detail() ? "Details you added to #" : "You wrote in #") + w.issueNumber() + "** · "
                    + when(w.at()) + "\n" + Safe.block(w.content(), ENTRY_TEXT));
        }
        for (NoticesReceived.Notice n : notices) {
            out.add("**Notice of release " + Safe.inline(n.version(), 64) + "** · "
                    + ("dm".equals(n.route()) ? "by direct message" : "in a support thread") + " · " + n.state() + " · "
                    + when(n.at()));
        }
        return out;
    }

    static List<List<String>> pages(List<String> entries) {
        if (entries.isEmpty()) return List.of(List.of());
        return Chunker.pack(entries, s -> s, "\n\n", 200, PAGE_CHARS, 20);
    }

    /** One page for the person themself, with paging and Erase my data. */
    static MessageCreateData render(List<List<String>> pages, int requested, String summary) {
        int page = Math.max(0, Math.min(requested, pages.size() - 1));
        boolean nothing = pages.size() == 1 && pages.getFirst().isEmpty();
        EmbedBuilder e = Replies.card(Replies.BRAND).setTitle("What Loop holds about you");
        StringBuilder d = new StringBuilder();
        if (page == 0) d.append(summary).append("\n\n");
        if (nothing)
            d.append("Nothing: you have not asked for any issue, no words of yours are in a record, and no"
                    + " release notice was sent to you.");
        else d.append(String.join("\n\n", pages.get(page)));
        e.setDescription(Replies.description(d.toString()));
        e.setFooter("Page " + (page + 1) + " of " + pages.size() + " · only you see this · README: What Loop keeps");
        MessageCreateBuilder b = new MessageCreateBuilder()
                .setEmbeds(e.build())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        List<Button> buttons = new ArrayList<>();
        if (pages.size() > 1) {
            buttons.add(
                    Button.secondary(PAGE.id(Math.max(0, page - 1)), "Previous").withDisabled(page == 0));
            buttons.add(Button.secondary(PAGE.id(page + 1), "Next").withDisabled(page + 1 >= pages.size()));
        }
        if (!nothing) buttons.add(Button.danger(ASK.id(), "Erase my data"));
        if (!buttons.isEmpty()) b.setComponents(ActionRow.of(buttons));
        return b.build();
    }

    static String summary(MemberData.Held held, int notices, boolean self) {
        String they = self ? "you" : "they";
        long details =
                held.written().stream().filter(MemberData.Written::detail).count();
        return "Loop keeps " + count(held.asked().size(), "request") + " (the issues " + they + " asked for), "
                + count(held.written().size() - (int) details, "line") + " " + they + " wrote in captured"
                + " conversations, " + count((int) details, "set") + " of details " + they + " added and "
                + count(notices, "release notice") + " sent to " + (self ? "you" : "them") + ".";
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String how(MemberData.Asked a) {
        if (a.how() == Requester.How.GITHUB)
            return "as GitHub user " + Safe.inline(a.githubLogin() == null ? "?" : a.githubLogin(), 100);
        return switch (a.how()) {
            case AUTHOR -> "you started the conversation";
            case MESSAGE_AUTHOR -> "you wrote the message that was captured";
            case LINK -> "you asked in a conversation linked to it";
            case ME_TOO -> "you pressed Me too";
            case BLOCKS_ME -> "you pressed This blocks me";
            case REACTION -> "you reacted 👍";
            case HINT -> "you asked in a post matched to it";
            case MANUAL -> "an engineer added you";
            case GITHUB, ERASED -> "asked";
        };
    }

    private static String when(Instant at) {
        return TimeFormat.DATE_TIME_SHORT.format(at);
    }
}
