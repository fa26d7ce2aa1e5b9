package dev.loop.release;

import dev.loop.core.discord.EarlierMessages;
import dev.loop.core.discord.Replies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.forums.ForumTag;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.MissingAccessException;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.internal.JDAImpl;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Courier} on JDA. Messages go out through JDA's own send path with {@link
 * net.dv8tion.jda.api.requests.restaction.MessageCreateAction#setNonce(String) setNonce}: JDA 6 always adds
 * {@code enforce_nonce: true} to a message create request, so a repeated nonce makes Discord hand back the first
 * message instead of posting again. JDA also waits out 429s (Retry-After) and retries some 5xx itself before a call
 * here returns or fails.
 *
 * <p>JDA only caches active threads, and has no public "fetch a channel by id": a forum post archived before Loop
 * started is unknown to it. For those this class asks Discord for the channel directly (GET /channels/{id}) through
 * JDA's requester, so the request still shares JDA's rate-limit buckets, and lets JDA's entity builder cache it.
 */
final class JdaCourier implements Courier {

    private static final Logger log = LoggerFactory.getLogger(JdaCourier.class);
    /** Longer than any Retry-After JDA would sit out; a send that takes longer is treated as lost and retried. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final JDA jda;
    private final long guildId;

    JdaCourier(JDA jda, long guildId) {
        this.jda = jda;
        this.guildId = guildId;
    }

    @Override
    public Posted post(long channelId, Outgoing message) throws SendFailure {
        GuildMessageChannel channel = channel(channelId);
        Message m = await(() -> channel.sendMessage(data(message)).setNonce(message.nonce()));
        return new Posted(channel.getIdLong(), m.getIdLong());
    }

    @Override
    public Posted postDm(long userId, Outgoing message) throws SendFailure {
        PrivateChannel dm = await(() -> jda.openPrivateChannelById(userId));
        Message m = await(() -> dm.sendMessage(data(message)).setNonce(message.nonce()));
        return new Posted(dm.getIdLong(), m.getIdLong());
    }

    @Override
    public void edit(long channelId, long messageId, String content) throws SendFailure {
        GuildMessageChannel channel = channel(channelId);
        await(() -> channel.editMessageById(
                messageId,
                new net.dv8tion.jda.api.utils.messages.MessageEditBuilder()
                        .setContent(content)
                        .setAllowedMentions(java.util.EnumSet.noneOf(Message.MentionType.class))
                        .build()));
    }

    @Override
    public java.util.Optional<Posted> findSent(long channelOrUserId, boolean dm, Outgoing message) {
        try {
            net.dv8tion.jda.api.entities.channel.middleman.MessageChannel channel =
                    dm ? await(() -> jda.openPrivateChannelById(channelOrUserId)) : channel(channelOrUserId);
            List<Message> recent = await(() -> channel.getHistory().retrievePast(EarlierMessages.LOOK_BACK));
            String content = data(message).getContent();
            String button = message.actions().isEmpty()
                    ? null
                    : message.actions().getFirst().customId();
            long self = jda.getSelfUser().getIdLong();
            for (Message m : recent) {
                if (m.getAuthor().getIdLong() != self || !m.getContentRaw().equals(content)) continue;
                if (button != null
                        && m.getComponentTree()
                                .find(Button.class, b -> button.equals(b.getCustomId()))
                                .isEmpty()) continue;
                return java.util.Optional.of(new Posted(channel.getIdLong(), m.getIdLong()));
            }
        } catch (SendFailure f) {
            log.info("Could not look for an earlier send in {}: {}", channelOrUserId, f.describe());
        }
        return java.util.Optional.empty();
    }

    @Override
    public Fallback.ThreadCondition thread(long threadId) throws SendFailure {
        ThreadChannel cached = jda.getThreadChannelById(threadId);
        if (cached != null) return new Fallback.ThreadCondition(true, cached.isArchived(), cached.isLocked());
        if (jda.getChannelById(GuildMessageChannel.class, threadId) != null) return Fallback.ThreadCondition.open();
        try {
            ThreadChannel fetched = fetchThread(threadId);
            return fetched == null
                    ? Fallback.ThreadCondition.open()
                    : new Fallback.ThreadCondition(true, fetched.isArchived(), fetched.isLocked());
        } catch (SendFailure f) {
            if (f.failure() == Fallback.Failure.CHANNEL_GONE) return new Fallback.ThreadCondition(false, false, false);
            throw f;
        }
    }

    @Override
    public void unarchive(long threadId) throws SendFailure {
        ThreadChannel thread = threadChannel(threadId);
        if (!thread.isArchived()) return;
        await(() -> thread.getManager().setArchived(false));
    }

    @Override
    public void tag(long threadId, String tag, String replaces) throws SendFailure {
        ThreadChannel thread = threadChannel(threadId);
        if (!(thread.getParentChannel() instanceof ForumChannel forum) || thread.isLocked()) return;
        List<ForumTag> wanted = forum.getAvailableTagsByName(tag, true);
        if (wanted.isEmpty()) return;
        List<ForumTag> applied = new ArrayList<>(thread.getAppliedTags());
        if (applied.contains(wanted.getFirst())) return;
        if (replaces != null && !replaces.isBlank()) {
            applied.removeIf(t -> t.getName().equalsIgnoreCase(replaces));
        }
        if (applied.size() >= ForumChannel.MAX_POST_TAGS) {
            log.info("Post {} already has {} tags; not adding '{}'", threadId, applied.size(), tag);
            return;
        }
        applied.add(wanted.getFirst());
        boolean wasArchived = thread.isArchived();
        // An archived post only takes other changes together with being unarchived; it is archived again after.
        await(() -> {
            var manager = thread.getManager().setAppliedTags(applied);
            return wasArchived ? manager.setArchived(false) : manager;
        });
        if (wasArchived) await(() -> thread.getManager().setArchived(true));
    }

    @Override
    public String jumpUrl(long channelId, long messageId) {
        return "https://discord.com/channels/" + guildId + "/" + channelId + "/" + messageId;
    }

    // ---------------------------------------------------------------- channels

    private GuildMessageChannel channel(long channelId) throws SendFailure {
        GuildMessageChannel cached = jda.getChannelById(GuildMessageChannel.class, channelId);
        if (cached != null) return cached;
        ThreadChannel fetched = fetchThread(channelId);
        if (fetched == null) throw new SendFailure(403, 50001, "Loop can't see channel " + channelId);
        return fetched;
    }

    private ThreadChannel threadChannel(long threadId) throws SendFailure {
        ThreadChannel cached = jda.getThreadChannelById(threadId);
        if (cached != null) return cached;
        ThreadChannel fetched = fetchThread(threadId);
        if (fetched == null) throw new SendFailure(400, 0, "channel " + threadId + " is not a thread");
        return fetched;
    }

    /** Asks Discord for a channel JDA has not cached; returns it (now cached) if it is a thread, else null. */
    private ThreadChannel fetchThread(long channelId) throws SendFailure {
        DataObject json = await(() -> new RestActionImpl<DataObject>(
                jda,
                Route.Channels.GET_CHANNEL.compile(Long.toUnsignedString(channelId)),
                (response, request) -> response.getObject()));
        int type = json.getInt("type", -1);
        if (type != 10 && type != 11 && type != 12) return null;
        try {
            return ((JDAImpl) jda)
                    .getEntityBuilder()
                    .createThreadChannel(json, json.getUnsignedLong("guild_id", guildId));
        } catch (RuntimeException e) {
            // e.g. the parent channel is not visible to Loop
            throw new SendFailure(403, 50001, "thread " + channelId + " can't be used: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- requests

    private static net.dv8tion.jda.api.utils.messages.MessageCreateData data(Outgoing m) {
        MessageCreateBuilder b = Replies.pinging(m.content(), m.mentions());
        if (!m.actions().isEmpty()) {
            b.setComponents(ActionRow.of(m.actions().stream()
                    .map(a -> Button.primary(a.customId(), a.label()))
                    .toList()));
        }
        return b.build();
    }

    /**
     * Runs a request and waits for its answer, turning every way it can fail into a {@link SendFailure}. Waiting on
     * the future (rather than {@code complete()}) keeps the wait interruptible, so shutting down never hangs on a
     * request JDA is holding back for a rate limit.
     */
    private static <T> T await(java.util.function.Supplier<RestAction<T>> request) throws SendFailure {
        try {
            return request.get().submit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure(0, 0, "interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (TimeoutException e) {
            throw new SendFailure(0, 0, "no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private static SendFailure failure(Throwable t) {
        if (t instanceof ErrorResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code;
            int code = e.getErrorResponse() == net.dv8tion.jda.api.requests.ErrorResponse.SERVER_ERROR
                    ? 0
                    : e.getErrorCode();
            Duration retryAfter = e.getResponse() != null && e.getResponse().retryAfter > 0
                    ? Duration.ofMillis(e.getResponse().retryAfter)
                    : null;
            return new SendFailure(status < 0 ? 0 : status, Math.max(0, code), retryAfter, e.getMeaning());
        }
        if (t instanceof MissingAccessException) return new SendFailure(403, 50001, "missing access");
        if (t instanceof InsufficientPermissionException p) {
            return new SendFailure(
                    403, 50013, "missing permission " + p.getPermission().getName());
        }
        if (t instanceof CancellationException || t instanceof RejectedExecutionException) {
            return new SendFailure(0, 0, "request cancelled (shutting down?)");
        }
        return new SendFailure(
                0, 0, t == null ? "unknown failure" : t.getClass().getSimpleName() + ": " + t.getMessage());
    }
}
