/**
 * A Discord-compatible server for end-to-end tests and the sandbox: REST API v10 over HTTP and gateway v10 over
 * WebSocket on 127.0.0.1, which the real, unmodified JDA connects to. It enforces what Discord enforces, so a bot
 * that passes against it should behave on Discord.
 *
 * <h2>Starting, building a world, connecting JDA</h2>
 *
 * <pre>{@code
 * try (Sim sim = Sim.start()) {                                  // or Sim.start(SimOptions.defaults()...)
 *     SimGuild guild = sim.guild("Loop HQ");                     // the bot joins with an ADMINISTRATOR role
 *     SimChannel general = guild.textChannel("general");
 *     SimChannel support = guild.forum("support", "bug", "feature");
 *     SimRole engineers = guild.role("engineer");
 *     SimMember alice = guild.member("alice").addRole(engineers);
 *     guild.addMembers(50_000, "member");                        // cheap; JDA loads them through op 8 chunks
 *
 *     JDA jda = SimJda.builder(sim).addEventListeners(bot).build().awaitReady();
 *     // or: SimJda.configure(JDABuilder.create(sim.token(), intents), sim)
 *     ...
 *     SimJda.shutdown(jda);                                      // before the sim closes
 * }
 * }</pre>
 *
 * <p>{@link dev.loop.sim.SimJda.LocalSessionController} and {@link dev.loop.sim.SimJda#configure(
 * net.dv8tion.jda.api.JDABuilder, String, String)} take plain URLs, so the application's main can point JDA at
 * any Discord-compatible endpoint.
 *
 * <h2>Acting as people</h2>
 *
 * {@link dev.loop.sim.SimMember} does what a member can do in the Discord client, under the same rules:
 * <ul>
 *   <li>{@code alice.say(channel, "text")}, {@code reply(message, "text")}, {@code edit}, {@code delete},
 *       {@code dm("text")}, {@code react(message, "👍")}, {@code vote(pollMessage, "answer")};
 *   <li>{@code alice.postInForum(forum, "title", "body", "bug")} opens a forum post (a thread) and returns it;
 *       {@code startThread(channel, name)}, {@code startThread(message, name)};
 *   <li>{@code alice.runSlash(channel, "issue show", Map.of("number", 3))}, {@code autocomplete(...)},
 *       {@code runMessageCommand(message, "Capture as issue")}, {@code pressButton(message, "Me too")},
 *       {@code selectOption(message, customIdOrPlaceholder, values...)} return a
 *       {@link dev.loop.sim.SimInteraction}; {@code awaitModal()} returns a {@link dev.loop.sim.SimModal} to
 *       read ({@code field("title").value()}) and {@code submit(Map.of(...))}.
 * </ul>
 * Options are typed from the command the bot registered; an unregistered command fails the test with an
 * AssertionError, a refused action (missing permission, locked thread) throws IllegalStateException carrying
 * Discord's error body.
 *
 * <p>Commands are seen as Discord's client sees them ({@code CommandAccess}): {@code default_member_permissions}
 * and the overwrites an admin sets with {@code guild.integration()} (Server Settings → Integrations; served at
 * {@code GET …/commands/permissions}) decide {@code alice.visibleCommands(channel)}, and running a command the
 * member does not see throws IllegalStateException, as the real client never sends it;
 * {@code runSlashFromStaleClient} / {@code runMessageCommandFromStaleClient} send it anyway, for testing the bot's
 * own check.
 *
 * <h2>Reading what the bot did</h2>
 *
 * <ul>
 *   <li>{@code interaction.awaitReply()} — the initial response, the filled-in deferred reply, or the first
 *       follow-up, ephemeral included; {@code awaitUpdate()} for component updates; {@code awaitChoices()};
 *   <li>{@code channel.messages()}, {@code channel.awaitMessage(predicate)}, {@code sim.awaitMessage(...)};
 *   <li>{@code alice.dms()}, {@code alice.awaitDm(...)}, {@code alice.ephemeralReplies()},
 *       {@code alice.pingsReceived()} — every message that actually notified her by Discord's allowed_mentions
 *       rules;
 *   <li>{@link dev.loop.sim.SimMessage}: {@code content()}, {@code embeds()} (records), {@code buttons()},
 *       {@code buttonLabels()}, {@code selects()}, {@code attachments()} (stored URL and bytes), {@code pinged()},
 *       {@code pingedRoles()}, {@code pingedEveryone()}, {@code pings(member)}, {@code reactions()},
 *       {@code poll()}, {@code pollResult()}. Views are live: they show later edits.
 * </ul>
 * {@code sim.awaitCommands("issue", "capture")} waits for the bot's command registration. Time-driven Discord
 * behaviour follows the simulator's clock when the test says so: {@code sim.finalizeExpiredPolls()},
 * {@code sim.archiveInactiveThreads()}.
 *
 * <p>Every wait uses {@link dev.loop.sim.SimOptions#awaitTimeout()} (10 s by default) and fails with an
 * AssertionError that lists the recent test actions, REST calls and gateway frames.
 *
 * <h2>Rules enforced</h2>
 *
 * Content, embed, component, poll, modal and autocomplete limits (50035 with Discord's form error body); empty
 * messages (50006); unknown resources (10003, 10008, 10015, 10062); missing access (50001) versus missing
 * permissions (50013) from roles and channel overwrites; posting into a forum (50008); archived and locked threads
 * (auto-unarchive on send, 50083); DMs closed or no guild in common (403 50007); interaction deadline (3 s,
 * 10062), double acknowledgement (40060), token lifetime (15 min, 50027), allowed callback types per interaction type;
 * {@code enforce_nonce}; allowed_mentions defaults and permissions; MESSAGE_CONTENT and other intents on the
 * gateway; rate limits with Discord's headers and 429 bodies (see {@link dev.loop.sim.SimRateLimits}).
 *
 * <h2>Faults</h2>
 *
 * {@link dev.loop.sim.SimFaults}: {@code dropGateway()} (close 4000, the bot resumes and missed events are
 * replayed in order), {@code dropGatewayAbruptly()}, {@code invalidateSession(resumable)},
 * {@code failNext("POST channels/{channel_id}/messages", 2, 502)}, {@code restLatency}, {@code gatewayLatency},
 * {@code redeliver(type, payload -> …)} (an event dispatched again) and {@code hold(types...)} /
 * {@code releaseHeld()} (events kept back so later ones arrive first).
 * {@code sim.atomically(...)} runs test actions with nothing from the bot interleaved, e.g. a drop plus the
 * events the bot must then receive through resume.
 *
 * <h2>Internals</h2>
 *
 * {@code World} holds all state under one lock, with its rules split by Discord resource ({@code GuildRules},
 * {@code ChannelRules}, {@code MessageRules}, {@code ReactionRules}, {@code PollRules},
 * {@code InteractionRules}); REST handlers ({@code ChannelApi}, {@code InteractionApi},
 * {@code GuildApi}) and the people API both run inside it. Events are serialized once and sequenced by the
 * gateway's single dispatcher thread, which also keeps each session's replay buffer.
 */
package dev.loop.sim;
