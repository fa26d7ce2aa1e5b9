/**
 * The GitHub simulator: the subset of GitHub's REST API Loop uses (the token's user, repository, issues, comments,
 * labels, reactions, pull requests, releases, tags, commits, compare, issue search, rate limit) and the one GraphQL
 * query Loop sends ({@link dev.loop.sim.github.GitHubGraphQl}: a pull request's closing issues, sidebar links
 * included), served on loopback
 * so that the real hub4j {@code github-api} client works against it unmodified.
 *
 * <p>{@link dev.loop.sim.github.GitHubSim} is the entry point: it starts the server, registers tokens with
 * fine-grained permissions, and hands out {@link dev.loop.sim.github.SimRepository} objects through which tests, the
 * sandbox and the benchmarks act as GitHub people (open an issue, 👍, comment, open and merge a pull request, tag,
 * publish a release) and read what Loop wrote. It behaves like GitHub where Loop depends on it: 422 Validation
 * Failed with an {@code errors} array, weak ETags and 304s that are not counted, {@code X-RateLimit-*} headers, the
 * primary limit (403 with remaining 0) and the secondary limit on content-creating requests (403 with
 * {@code Retry-After}), with windows measured on an injected clock. {@link dev.loop.sim.github.GitHubFaults} injects
 * 5xx answers, outages, forced rate limits and delays; {@link dev.loop.sim.github.GitHubCounters} tells tests and
 * benchmarks what was asked.
 *
 * <p>A tool like {@code dev.loop.sim}: the product never imports it. It imports only the JDK, Jackson and SLF4J.
 */
package dev.loop.sim.github;
