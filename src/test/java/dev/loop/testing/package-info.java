/**
 * What many tests need the same way: the simulated community every end-to-end test plays in ({@link
 * dev.loop.testing.Community}: the simulator, a guild with its channels and people, and the real Loop on a temp
 * SQLite file; with a GitHub, the GitHub simulator on the same clock and Loop syncing with it), waiting for something Loop does off the test's thread ({@link
 * dev.loop.testing.Eventually}, the only way tests wait: never a fixed sleep), a fresh SQLite file per storage test ({@link dev.loop.testing.SqliteTest}),
 * capturing a post through /capture ({@link dev.loop.testing.Captured}) and checking what people saw and who was
 * pinged ({@link dev.loop.testing.Seen}), stopping Loop dead at a crash step and starting it again ({@link
 * dev.loop.testing.StopDead}) and a full disk ({@link dev.loop.testing.FullDisk}). Hand-moved time is {@link dev.loop.core.MovableClock}, shared with the
 * sandbox.
 */
package dev.loop.testing;
