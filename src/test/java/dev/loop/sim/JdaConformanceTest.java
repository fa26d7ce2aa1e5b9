package dev.loop.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ForumChannel;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.poll.MessagePollVoteAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Route;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessagePollData;
import net.dv8tion.jda.internal.requests.RestActionImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The real JDA 6.5.0 against the simulator, through every surface Loop uses. One simulator and one JDA are shared
 * by the class because connecting takes a while; each test uses its own channels or members.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdaConformanceTest {
    private Sim sim;
    private JDA jda;
    private SimGuild guild;
    private SimChannel general;
    private SimChannel support;
    private SimMember alice;
    private SimMember bob;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch lateMayAnswer = new CountDownLatch(1);

    /** A trivial bot exercising each surface. */
    private final class TestBot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
            switch (e.getFullCommandName()) {
                case "ping" -> e.reply("pong").queue();
                case "secret" -> e.reply("only you").setEphemeral(true).queue();
                case "issue show" ->
                    e.reply("issue #" + e.getOption("number").getAsLong()
                                    + (e.getOption("user") == null
                                            ? ""
                                            : " for "
                                                    + e.getOption("user")
                                                            .getAsUser()
                                                            .getName()))
                            .queue();
                case "slow" ->
                    e.deferReply()
                            .queue(ok ->
                                    e.getHook().editOriginal("done thinking").queue());
                case "buttons" ->
                    e.reply("vote")
                            .addComponents(
                                    ActionRow.of(Button.primary("metoo", "Me too"), Button.danger("close", "Close")))
                            .queue();
                case "capture" ->
                    e.replyModal(Modal.create("capture-modal", "Capture")
                                    .addComponents(
                                            Label.of(
                                                    "Title",
                                                    TextInput.create("title", TextInputStyle.SHORT)
                                                            .setValue("Crash")
                                                            .build()),
                                            Label.of(
                                                    "Summary",
                                                    TextInput.create("summary", TextInputStyle.PARAGRAPH)
                                                            .setRequired(false)
                                                            .build()))
                                    .build())
                            .queue();
                case "dm" ->
                    e.getOption("user")
                            .getAsUser()
                            .openPrivateChannel()
                            .flatMap(ch -> ch.sendMessage("hello from the bot"))
                            .queue(
                                    ok -> e.reply("sent").queue(),
                                    err -> e.reply("failed " + ((ErrorResponseException) err).getErrorCode())
                                            .queue());
                case "late" -> {
                    try {
                        lateMayAnswer.await(); // until the test has let the interaction's deadline pass
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    e.reply("too late")
                            .queue(
                                    ok -> seen.add("late ok"),
                                    err -> seen.add("late " + ((ErrorResponseException) err).getErrorCode()));
                }
                case "chart" ->
                    e.replyFiles(FileUpload.fromData(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "chart.png"))
                            .setContent("stats")
                            .queue();
                case "poll" ->
                    e.getChannel()
                            .sendMessagePoll(MessagePollData.builder("Name?")
                                    .addAnswer("Loop")
                                    .addAnswer("Ring")
                                    .build())
                            .queue(ok ->
                                    e.reply("poll posted").setEphemeral(true).queue());
                default -> e.reply("unknown").queue();
            }
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
            String typed = e.getFocusedOption().getValue();
            seen.add("autocomplete " + typed); // before answering: the test reads it as soon as the choices arrive
            e.replyChoices(
                            new Command.Choice("#1 apple", 1),
                            new Command.Choice("#2 apricot", 2),
                            new Command.Choice("#3 banana", 3))
                    .queue();
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent e) {
            e.reply("captured: " + e.getTarget().getContentRaw())
                    .setEphemeral(true)
                    .queue();
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent e) {
            if (e.getComponentId().equals("metoo")) {
                e.reply("Added " + e.getUser().getName()).setEphemeral(true).queue();
            } else {
                e.editMessage("Closed").setComponents().queue();
            }
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent e) {
            e.reply("Captured " + e.getValue("title").getAsString() + " / "
                            + e.getValue("summary").getAsString())
                    .queue();
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent e) {
            if (e.getAuthor().isBot()) {
                return;
            }
            seen.add("message " + e.getChannel().getName() + ": "
                    + e.getMessage().getContentRaw());
            if (e.getMessage().getContentRaw().equals("hello bot")) {
                e.getMessage().reply("hi " + e.getAuthor().getName()).queue();
                e.getMessage().addReaction(Emoji.fromUnicode("✅")).queue();
            }
        }

        @Override
        public void onMessagePollVoteAdd(MessagePollVoteAddEvent e) {
            seen.add("vote " + e.getAnswerId() + " by " + e.getUserId());
        }

        @Override
        public void onMessageReactionAdd(MessageReactionAddEvent e) {
            if (e.getUserIdLong() != e.getJDA().getSelfUser().getIdLong()) {
                seen.add("reaction " + e.getEmoji().getName() + " by "
                        + e.getMember().getUser().getName());
            }
        }
    }

    @BeforeAll
    void start() throws InterruptedException {
        // Loop's tests in the same JVM narrow JDA's (static) default mentions; this plain bot uses JDA's own defaults
        net.dv8tion.jda.api.utils.messages.MessageRequest.setDefaultMentions(
                java.util.EnumSet.allOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
        net.dv8tion.jda.api.utils.messages.MessageRequest.setDefaultMentionRepliedUser(true);
        sim = Sim.start(SimOptions.defaults().globalRateLimit(0));
        guild = sim.guild("Loop HQ");
        general = guild.textChannel("general");
        support = guild.forum("support", "bug", "feature");
        alice = guild.member("alice");
        bob = guild.member("bob");
        guild.addMembers(300, "member");
        jda = SimJda.builder(sim).addEventListeners(new TestBot()).build().awaitReady();
        jda.updateCommands()
                .addCommands(
                        Commands.slash("ping", "Ping"),
                        Commands.slash("secret", "Ephemeral"),
                        Commands.slash("issue", "Issues")
                                .addSubcommands(new SubcommandData("show", "Show an issue")
                                        .addOptions(
                                                new OptionData(OptionType.INTEGER, "number", "Issue", true, true),
                                                new OptionData(OptionType.USER, "user", "Who"))),
                        Commands.slash("slow", "Deferred"),
                        Commands.slash("buttons", "Buttons"),
                        Commands.slash("capture", "Modal"),
                        Commands.slash("dm", "DM").addOption(OptionType.USER, "user", "Who", true),
                        Commands.slash("late", "Too slow"),
                        Commands.slash("chart", "File reply"),
                        Commands.slash("poll", "Native poll"),
                        Commands.message("Capture as issue"))
                .complete();
    }

    @AfterAll
    void stop() {
        if (jda != null) {
            SimJda.shutdown(jda);
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void registeredCommandsAreVisible() {
        sim.awaitCommands("ping", "issue", "Capture as issue");
        assertThat(sim.registeredCommands()).contains("buttons", "capture");
    }

    @Test
    void readyLoadsGuildChannelsTagsAndChunkedMembers() {
        Guild g = jda.getGuildById(guild.id());
        assertThat(g).isNotNull();
        assertThat(g.getName()).isEqualTo("Loop HQ");
        assertThat(g.getTextChannelsByName("general", false)).hasSize(1);
        ForumChannel forum = g.getForumChannelById(support.id());
        assertThat(forum.getAvailableTags()).extracting(t -> t.getName()).containsExactly("bug", "feature");
        assertThat(g.getMemberCount()).isEqualTo(guild.memberCount());
        assertThat(g.getMembers()).hasSize(guild.memberCount()); // loaded through op 8 chunking
        assertThat(g.getSelfMember().hasPermission(net.dv8tion.jda.api.Permission.ADMINISTRATOR))
                .isTrue();
    }

    @Test
    void slashCommandReplyAndSubcommandOptions() {
        SimMessage pong = alice.runSlash(general, "ping").awaitReply();
        assertThat(pong.content()).isEqualTo("pong");
        assertThat(pong.type()).isEqualTo(20);
        assertThat(general.messages()).contains(pong);

        SimMessage show = alice.runSlash(general, "issue show", Map.of("number", 3, "user", bob))
                .awaitReply();
        assertThat(show.content()).isEqualTo("issue #3 for bob");
    }

    @Test
    void ephemeralReplyIsOnlySeenByTheInvoker() {
        SimMessage reply = alice.runSlash(general, "secret").awaitReply();
        assertThat(reply.ephemeral()).isTrue();
        assertThat(alice.ephemeralReplies()).contains(reply);
        assertThat(bob.ephemeralReplies()).doesNotContain(reply);
        assertThat(general.messages()).doesNotContain(reply);
    }

    @Test
    void deferredReplyIsFilledByEditingOriginal() {
        SimInteraction slow = alice.runSlash(general, "slow");
        assertThat(slow.awaitAck()).isEqualTo(5);
        assertThat(slow.awaitReply().content()).isEqualTo("done thinking");
    }

    @Test
    void buttonsReplyAndUpdateTheMessage() {
        SimMessage vote = alice.runSlash(general, "buttons").awaitReply();
        assertThat(vote.buttonLabels()).containsExactly("Me too", "Close");
        SimMessage added = bob.pressButton(vote, "Me too").awaitReply();
        assertThat(added.content()).isEqualTo("Added bob");
        assertThat(added.ephemeral()).isTrue();
        SimMessage closed = alice.pressButton(vote, "Close").awaitUpdate();
        assertThat(closed.content()).isEqualTo("Closed");
        assertThat(closed.buttons()).isEmpty();
        assertThatThrownBy(() -> alice.pressButton(vote, "Me too")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modalOpensPrefilledAndSubmits() {
        SimModal modal = alice.runSlash(general, "capture").awaitModal();
        assertThat(modal.title()).isEqualTo("Capture");
        assertThat(modal.field("title").value()).isEqualTo("Crash");
        assertThat(modal.field("title").label()).isEqualTo("Title");
        SimMessage reply = modal.submit(Map.of("title", "Crash on start", "summary", "It dies"))
                .awaitReply();
        assertThat(reply.content()).isEqualTo("Captured Crash on start / It dies");
    }

    @Test
    void messageCommandReceivesTargetContent() {
        SimMessage original = alice.say(general, "the printer is on fire");
        SimMessage reply = bob.runMessageCommand(original, "Capture as issue").awaitReply();
        assertThat(reply.content()).isEqualTo("captured: the printer is on fire");
        assertThat(bob.ephemeralReplies()).contains(reply);
    }

    @Test
    void autocompleteReturnsChoices() {
        List<SimInteraction.Choice> choices =
                alice.autocomplete(general, "issue show", "number", "1").awaitChoices();
        assertThat(choices)
                .extracting(SimInteraction.Choice::name)
                .containsExactly("#1 apple", "#2 apricot", "#3 banana");
        assertThat(choices.get(0).value()).isEqualTo(1L);
        assertThat(seen).contains("autocomplete 1");
        assertThatThrownBy(() -> alice.autocomplete(general, "issue show", "number", "printer"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void forumPostMessagesAndReactions() {
        SimChannel post = alice.postInForum(support, "Crash on start", "it crashes", "bug");
        assertThat(post.appliedTags()).containsExactly("bug");
        SimMessage hello = alice.say(post, "hello bot");
        SimMessage hi = post.awaitBotMessage("hi alice");
        assertThat(hi.referencedMessage()).isEqualTo(hello);
        assertThat(hi.pinged()).containsExactly(alice.id()); // a reply pings its author by default
        hello.awaitState("bot reaction", m -> m.reactedByBot("✅"));
        ThreadChannel thread = jdaThread(post);
        assertThat(thread.getAppliedTags()).extracting(t -> t.getName()).containsExactly("bug");

        alice.react(hi, "👍");
        sim.await("reaction event", () -> seen.contains("reaction 👍 by alice"));
    }

    @Test
    void directMessagesAndClosedDms() {
        SimMember carol = guild.member("carol");
        assertThat(alice.runSlash(general, "dm", Map.of("user", carol))
                        .awaitReply()
                        .content())
                .isEqualTo("sent");
        assertThat(carol.awaitDm(m -> true).content()).isEqualTo("hello from the bot");

        SimMember dave = guild.member("dave").closeDms();
        assertThat(alice.runSlash(general, "dm", Map.of("user", dave))
                        .awaitReply()
                        .content())
                .isEqualTo("failed 50007");
        assertThat(dave.dms()).isEmpty();
    }

    @Test
    void ruleViolationsComeBackAsDiscordErrors() {
        // JDA checks the length itself, so send the raw request through JDA's requester.
        DataObject body = DataObject.empty().put("content", "x".repeat(2001));
        RestActionImpl<Object> tooLong =
                new RestActionImpl<>(jda, Route.Messages.SEND_MESSAGE.compile(Long.toString(general.id())), body);
        assertThatThrownBy(tooLong::complete).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getErrorCode()).isEqualTo(50035);
            assertThat(e.getSchemaErrors()).isNotEmpty();
        });
        TextChannel text = jda.getTextChannelById(general.id());
        assertThatThrownBy(() -> text.retrieveMessageById(123456789L).complete())
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.UNKNOWN_MESSAGE));
    }

    @Test
    void lateAcknowledgementIsRefused() {
        SimInteraction late = alice.runSlash(general, "late");
        late.passDeadline();
        lateMayAnswer.countDown();
        sim.await("late reply error", () -> seen.contains("late 10062"));
    }

    @Test
    void gatewayDropResumesAndReplaysMissedEvents() {
        long identifies = sim.identifyCount();
        SimChannel channel = guild.textChannel("resume-test");
        sim.atomically(() -> {
            sim.faults().dropGateway();
            alice.say(channel, "sent while disconnected");
        });
        sim.awaitResumes(1);
        sim.await("replayed message", () -> seen.contains("message resume-test: sent while disconnected"));
        assertThat(sim.identifyCount()).isEqualTo(identifies);
        assertThat(String.join("\n", sim.recentGatewayTraffic(200))).contains("replayed");
        // The resumed session still works end to end.
        assertThat(alice.runSlash(channel, "ping").awaitReply().content()).isEqualTo("pong");
    }

    @Test
    void globalRateLimitIsHonouredByJda() {
        sim.rateLimits().global(3);
        try {
            SimChannel flood = guild.textChannel("flood");
            sim.await("JDA to see #flood", () -> jda.getTextChannelById(flood.id()) != null);
            TextChannel text = jda.getTextChannelById(flood.id());
            for (int i = 0; i < 8; i++) {
                text.sendMessage("flood " + i).complete();
            }
            assertThat(sim.rateLimits().rateLimitedTotal()).isPositive();
            assertThat(guild.textChannel("flood").messages()).hasSize(8);
        } finally {
            sim.rateLimits().global(0);
        }
    }

    @Test
    void routeRateLimitsAndServerErrorsAreRetriedByJda() {
        SimChannel channel = guild.textChannel("retry-test");
        sim.await("JDA to see #retry-test", () -> jda.getTextChannelById(channel.id()) != null);
        TextChannel text = jda.getTextChannelById(channel.id());
        sim.faults().rateLimitNext("POST channels/{channel_id}/messages", 1, Duration.ofMillis(300));
        text.sendMessage("after 429").complete();
        // The simulator refuses the route again until the Retry-After has passed, so a single 429 means JDA waited.
        assertThat(sim.rateLimits().rateLimited("POST channels/{channel_id}/messages"))
                .isEqualTo(1);

        sim.faults().failNext("POST channels/{channel_id}/messages", 1, 502);
        text.sendMessage("after 502").complete();
        assertThat(channel.messages()).extracting(SimMessage::content).containsExactly("after 429", "after 502");
    }

    @Test
    void botManagesForumPostsAndLockedThreadsRefuseMessages() {
        SimChannel post = alice.postInForum(support, "Locked soon", "please close", "feature");
        ThreadChannel thread = jdaThread(post);
        thread.getManager().setLocked(true).setArchived(true).complete();
        assertThat(post.locked()).isTrue();
        assertThat(post.archived()).isTrue();
        sim.await(
                "JDA to see the thread archived",
                () -> jda.getThreadChannelById(post.id()) == null
                        || jda.getThreadChannelById(post.id()).isArchived());
        ThreadChannel archived = jda.getThreadChannelById(post.id());
        if (archived != null) {
            assertThatThrownBy(() -> archived.sendMessage("too late").complete())
                    .isInstanceOfSatisfying(
                            ErrorResponseException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(50083));
        }
        assertThatThrownBy(() -> alice.say(post, "reopen?")).isInstanceOf(IllegalStateException.class);

        ForumChannel forum = jda.getForumChannelById(support.id());
        ThreadChannel created = forum.createForumPost(
                        "Release notes",
                        net.dv8tion.jda.api.utils.messages.MessageCreateData.fromContent("v1.2 is out"))
                .setTags(forum.getAvailableTagsByName("feature", true))
                .complete()
                .getThreadChannel();
        SimChannel simPost = support.threads().stream()
                .filter(t -> t.id() == created.getIdLong())
                .findFirst()
                .orElseThrow();
        assertThat(simPost.appliedTags()).containsExactly("feature");
        assertThat(simPost.starterMessage().content()).isEqualTo("v1.2 is out");
    }

    /**
     * JDA caches a new thread before it links the parent, so a test thread polling the cache can see a
     * half-built channel; wait until the parent is there too.
     */
    private ThreadChannel jdaThread(SimChannel post) {
        sim.await("JDA to cache thread " + post.name(), () -> {
            ThreadChannel t = jda.getThreadChannelById(post.id());
            try {
                return t != null && t.getParentChannel() != null;
            } catch (NullPointerException halfBuilt) {
                return false;
            }
        });
        return jda.getThreadChannelById(post.id());
    }

    @Test
    void slashCommandsWorkInDirectMessages() {
        SimMember erin = guild.member("erin");
        SimMessage reply = erin.runSlash(erin.dmChannel(), "ping").awaitReply();
        assertThat(reply.content()).isEqualTo("pong");
        assertThat(erin.dms()).contains(reply);
    }

    @Test
    void abruptDropResumesAndInvalidSessionReidentifies() {
        SimChannel channel = guild.textChannel("abrupt-test");
        long resumes = sim.resumeCount();
        sim.atomically(() -> {
            sim.faults().dropGatewayAbruptly();
            alice.say(channel, "during the outage");
        });
        sim.awaitResumes(resumes + 1);
        sim.await("the missed message", () -> seen.contains("message abrupt-test: during the outage"));

        long identifies = sim.identifyCount();
        sim.faults().invalidateSession(false);
        sim.await("a new session", () -> sim.identifyCount() > identifies);
        sim.awaitBotConnected();
        sim.await("JDA to be connected again", () -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(alice.runSlash(channel, "ping").awaitReply().content()).isEqualTo("pong");
    }

    @Test
    void gatewayLatencyDelaysButKeepsOrder() {
        SimChannel channel = guild.textChannel("latency-test");
        sim.await("JDA to see #latency-test", () -> jda.getTextChannelById(channel.id()) != null);
        sim.faults().gatewayLatency(Duration.ofMillis(200));
        try {
            long heldBefore = sim.faults().delays().gatewayEvents();
            for (int i = 0; i < 5; i++) {
                alice.say(channel, "slow " + i);
            }
            sim.await("all five", () -> seen.contains("message latency-test: slow 4"));
            assertThat(sim.faults().delays().gatewayEvents() - heldBefore).isGreaterThanOrEqualTo(5);
            List<String> order = seen.stream()
                    .filter(x -> x.startsWith("message latency-test"))
                    .toList();
            assertThat(order)
                    .containsExactly(
                            "message latency-test: slow 0",
                            "message latency-test: slow 1",
                            "message latency-test: slow 2",
                            "message latency-test: slow 3",
                            "message latency-test: slow 4");
        } finally {
            sim.faults().clear();
        }
    }

    @Test
    void fileRepliesAndNativePolls() {
        SimMessage chart = alice.runSlash(general, "chart").awaitReply();
        assertThat(chart.content()).isEqualTo("stats");
        assertThat(chart.attachments())
                .extracting(SimMessage.Attachment::filename)
                .containsExactly("chart.png");
        assertThat(chart.attachments().get(0).data()).hasSize(4);

        SimChannel team = guild.textChannel("team");
        alice.runSlash(team, "poll").awaitReply();
        SimMessage poll = team.awaitMessage(m -> m.poll() != null);
        assertThat(poll.poll().answers())
                .extracting(SimMessage.PollAnswer::text)
                .containsExactly("Loop", "Ring");
        bob.vote(poll, "Ring");
        sim.await("the vote event", () -> seen.contains("vote 2 by " + bob.id()));
        SimMessage result = poll.endPoll();
        assertThat(result.pollResult()).containsEntry("victor_answer_text", "Ring");
        TextChannel text = jda.getTextChannelById(team.id());
        Message fetched = text.retrieveMessageById(poll.id()).complete();
        assertThat(fetched.getPoll().isFinalizedVotes()).isTrue();
        assertThat(fetched.getPoll().getAnswers().get(1).getVotes()).isEqualTo(1);
    }
}
