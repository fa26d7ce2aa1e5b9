package dev.loop.bench;

/** {@code java -cp loop.jar dev.loop.bench.BenchMain [name…]}: what {@code ./run.sh bench} starts. */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) {
        System.exit(Bench.main(args));
    }
}
