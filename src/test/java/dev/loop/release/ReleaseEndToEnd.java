package dev.loop.release;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * The frame of the release stories that share one {@link ReleaseWorld} (notices by thread, the default) for the
 * whole class: it is opened before the first test and closed after the last, whatever happened; each test uses its
 * own posts, people and version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReleaseEndToEnd {

    ReleaseWorld w;

    @BeforeAll
    final void openWorld() throws Exception {
        w = new ReleaseWorld("thread");
    }

    @AfterAll
    final void closeWorld() {
        if (w != null) w.close();
    }
}
