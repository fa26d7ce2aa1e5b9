package dev.loop.bench;

final class IngestBench implements Bench.Benchmark {
    @Override
    public String title() {
        return "Ingest";
    }

    @Override
    public Outcome run(Scale scale, Bench.Progress progress) {
        throw new UnsupportedOperationException("not yet");
    }
}
