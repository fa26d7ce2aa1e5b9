package dev.loop.release;

import dev.loop.core.Services;
import dev.loop.core.config.Config;
import dev.loop.core.discord.Replies;
import dev.loop.core.discord.UserError;
import dev.loop.core.text.Safe;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** What engineers do with a release once it is out: /release-status, and Reviewed on a docs/copy review item. */
final class PublishedReleases {

    private final Services services;
    private final Config config;
    private final ReleaseStore store;
    /** The address of a release's docs/copy review issue on GitHub, once created; none without GitHub. */
    private volatile LongFunction<Optional<String>> reviewIssues = id -> Optional.empty();

    PublishedReleases(Services services, ReleaseStore store) {
        this.services = services;
        this.config = services.config();
        this.store = store;
    }

    void reviewIssuesFrom(LongFunction<Optional<String>> urls) {
        this.reviewIssues = urls;
    }

    List<Command.Choice> completeVersions(CommandAutoCompleteInteractionEvent e) {
        return store.suggestVersions(e.getFocusedOption().getValue(), 25).stream()
                .map(v -> new Command.Choice(Safe.truncate(Safe.oneLineRaw(v), 100), v))
                .toList();
    }

    // ---------------------------------------------------------------- /release-status

    void status(SlashCommandInteractionEvent e) {
        services.engineers().require(e.getMember(), "see how a release went");
        String version = ReleaseRules.normaliseVersion(e.getOption("version", "", OptionMapping::getAsString));
        Release r = store.findByVersion(version)
                .orElseThrow(() ->
                        new UserError("There is no release " + Safe.inline(version, ReleaseRules.MAX_VERSION) + "."));
        e.reply(Replies.text(statusText(store.status(r)))).setEphemeral(true).queue();
    }

    String statusText(ReleaseStatus s) {
        Release r = s.release();
        StringBuilder sb = new StringBuilder("**")
                .append(Safe.inline(r.version(), ReleaseRules.MAX_VERSION))
                .append("**, published <t:")
                .append(r.publishedAt().getEpochSecond())
                .append(":f> by <@")
                .append(r.publishedBy())
                .append(">. Announcement: ");
        sb.append(
                switch (r.announcementState()) {
                    case DELIVERED ->
                        "https://discord.com/channels/" + config.discord().guildId() + "/" + r.announcementChannelId()
                                + "/" + r.announcementMessageId();
                    case PENDING -> "not posted yet";
                    case FAILED -> "could not be posted";
                });
        sb.append("\nNotices: ")
                .append(s.delivered())
                .append(" delivered, ")
                .append(s.fellBack())
                .append(" fell back, ")
                .append(s.failed())
                .append(" failed");
        if (s.pending() > 0) sb.append(", ").append(s.pending()).append(" still being sent");
        sb.append('.');
        if (!s.failures().isEmpty()) {
            sb.append("\nCould not be told:");
            int shown = 0;
            for (ReleaseStatus.Failure f : s.failures()) {
                if (shown == 15) {
                    sb.append("\n• …and ").append(s.failures().size() - shown).append(" more");
                    break;
                }
                sb.append("\n• <@")
                        .append(f.userId())
                        .append("> (")
                        .append(f.route() == Route.THREAD ? "in <#" + f.targetChannelId() + ">" : "by DM")
                        .append("): ")
                        .append(Safe.inline(f.error() == null ? "unknown error" : f.error(), 150));
                shown++;
            }
        }
        sb.append("\nDocs/copy review: ")
                .append(s.reviewed())
                .append(" of ")
                .append(s.reviewItems())
                .append(" reviewed");
        if (store.reviewOnGitHub(r.id())) {
            Optional<String> url = reviewIssues.apply(r.id());
            sb.append(url.map(u -> ", on GitHub: " + u).orElse("; its GitHub issue is not created yet"));
        }
        sb.append('.');
        sb.append(reviewLines(store.reviewItems(r.id())));
        return sb.toString();
    }

    /** One line per review item: reviewed (by whom and when, when known) or not. */
    static String reviewLines(List<ReviewItem> items) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (ReviewItem item : items) {
            if (shown == 15) {
                sb.append("\n• …and ").append(items.size() - shown).append(" more");
                break;
            }
            sb.append("\n• ")
                    .append(
                            item.isAnnouncement()
                                    ? "The announcement text"
                                    : "#" + item.issueNumber() + " "
                                            + Safe.inline(
                                                    item.issueTitle() == null ? "" : item.issueTitle(),
                                                    ReviewText.TITLE_LIMIT))
                    .append(": ");
            if (!item.reviewed()) sb.append("not reviewed");
            else if (item.reviewedBy() != null)
                sb.append("reviewed by <@")
                        .append(item.reviewedBy())
                        .append("> <t:")
                        .append(item.reviewedAt().getEpochSecond())
                        .append(":R>");
            else
                sb.append("reviewed (ticked on GitHub, seen <t:")
                        .append(item.reviewedAt().getEpochSecond())
                        .append(":R>)");
            shown++;
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- docs/copy review

    void reviewed(ButtonInteractionEvent e) {
        services.engineers().require(e.getMember(), "review docs and copy");
        long id = ReleaseIds.REVIEW_ID.parse(e.getComponentId()).orRefuse().id(0);
        long user = e.getUser().getIdLong();
        ReviewItem item = store.markReviewed(id, user, services.clock().instant())
                .orElseThrow(() -> new UserError("That review item no longer exists."));
        Release release = store.find(item.releaseId()).orElseThrow();
        String url = release.announcementMessageId() == null
                ? null
                : "https://discord.com/channels/" + config.discord().guildId() + "/" + release.announcementChannelId()
                        + "/" + release.announcementMessageId();
        MessageEditData edit = new MessageEditBuilder()
                .setContent(ReviewText.render(release.version(), item, url))
                .setComponents()
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
                .build();
        if (!Objects.equals(item.reviewedBy(), user)) {
            String who = item.reviewedBy() == null ? "Someone on GitHub" : "<@" + item.reviewedBy() + ">";
            e.reply(Replies.text(who + " already reviewed this <t:"
                            + item.reviewedAt().getEpochSecond() + ":R>."))
                    .setEphemeral(true)
                    .queue();
            e.getMessage().editMessage(edit).queue();
            return;
        }
        e.editMessage(edit).queue();
    }
}
