package dev.loop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The busy neighbour of {@code ./run.sh bench --noisy}: a separate process whose two threads spin on arithmetic, as
 * another build or service on the same two cores would. It stops when the benchmark closes it, or when its parent's
 * pipe closes (the benchmark died).
 */
final class CpuHog implements AutoCloseable {

    static final int THREADS = 2;

    private final Process process;

    private CpuHog(Process process) {
        this.process = process;
    }

    /** Starts the hog in its own JVM. */
    static CpuHog start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(
                        List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), CpuHog.class.getName()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new CpuHog(p);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws IOException {
        for (int i = 0; i < THREADS; i++) {
            Thread t = new Thread(CpuHog::spin, "hog-" + i);
            t.setDaemon(true);
            t.start();
        }
        // the benchmark holds our stdin open; end of input means it is gone
        while (System.in.read() >= 0) {
            // nothing to read; only the end matters
        }
    }

    private static void spin() {
        long x = 1;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 42) System.out.print(""); // keeps the loop from being optimised away
        }
    }
}
