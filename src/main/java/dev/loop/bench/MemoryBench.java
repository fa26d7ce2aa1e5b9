package dev.loop.bench;

final class MemoryBench implements Bench.Benchmark {
    @Override
    public String title() {
        return "Memory";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }
}
