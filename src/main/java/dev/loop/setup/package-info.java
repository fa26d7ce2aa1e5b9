/**
 * Setting Loop up on a real Discord server: what it needs (the invite's scopes and permissions, per-channel
 * permissions with the reason for each), {@code ./run.sh invite} and {@code ./run.sh check} (with a {@code github:}
 * section, also the GitHub token's reach and permissions, {@link dev.loop.setup.GitHubCheck}), and the warning when
 * an engineer role cannot see the commands hidden from members ({@code CommandVisibilityCheck}).
 *
 * <p>May import: {@code core}, JDA, hub4j's github-api (only {@code GitHubCheck}). Never another feature; {@code dev.loop.app.Main} calls it for {@code check} and
 * {@code invite}.
 */
package dev.loop.setup;
