/**
 * Loop's configuration: the validated {@link dev.loop.core.config.Config} and the loader that reports every problem.
 * The values are plain (ids, texts, durations): no feature's vocabulary, so the ground floor names no feature.
 *
 * <p>May import: the JDK and the YAML parser.
 */
package dev.loop.core.config;
