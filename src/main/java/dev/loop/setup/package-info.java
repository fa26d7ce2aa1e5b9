/**
 * Setting Loop up on a real Discord server: what it needs (the invite's scopes and permissions, per-channel
 * permissions with the reason for each), {@code ./run.sh invite} and {@code ./run.sh check}.
 *
 * <p>May import: {@code core}, JDA. Never another feature; {@code dev.loop.app.Main} calls it for {@code check} and
 * {@code invite}.
 */
package dev.loop.setup;
