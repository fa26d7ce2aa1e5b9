/** Loop's configuration: the validated {@link dev.loop.core.config.Config} and the loader that reports every problem. */
package dev.loop.core.config;
