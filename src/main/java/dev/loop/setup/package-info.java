/**
 * Setting Loop up on a real Discord server: what it needs (the invite's scopes and permissions, per-channel
 * permissions with the reason for each), {@code ./run.sh invite} and {@code ./run.sh check}.
 */
package dev.loop.setup;
