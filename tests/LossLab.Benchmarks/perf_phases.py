"""CPU of one `losslab run` by phase, from a perf trace (tests/LossLab.Benchmarks/README.md, "Where the fixed cost goes").

    DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -F 2000 -g -o run.data -- \
        dotnet host/LossLab.Cli/bin/Release/net10.0/losslab.dll run --out /tmp/o --no-report --quiet
    perf script -i run.data -F comm,tid,time,ip,sym,dso > run.txt
    python3 tests/LossLab.Benchmarks/perf_phases.py run.txt 2000

A sample counts for a phase when a frame of its call stack names the phase's method; its leaf frame says where the
time went (the JIT, the runtime, libtorch, the kernel, compiled code). libtorch frames have no frame pointers, so
samples inside libtorch lose the managed frames above them: they show up only in the per-thread totals.
"""
import collections
import re
import sys

PHASES = [
    ("LossLabApp::BuildHost", "generic host, configuration, DI"),
    ("PluginDiscovery::Discover", "plugin discovery"),
    ("ExperimentResolver::Resolve", "resolve the experiment"),
    ("ExperimentHash::Of", "experiment SHA-256"),
    ("TorchPreload", "libtorch preload (managed part)"),
    ("DatasetLoader::Load", "load the data"),
    ("SeedData::.ctor", "seed splits"),
    ("ExperimentRunner::DrawWeights", "initial weights"),
    ("ExecutionPlanner::Plan", "execution plan"),
    ("ResultsTemplate::Build", "results template"),
    ("Trainer::Run", "trainings (managed part)"),
    ("RunLedger::Save", "per-run saves"),
    ("PredictionsFile::Write", "  predictions.csv"),
    ("DecisionBoundaryFile::Write", "  decision-boundaries.json"),
    ("ResultsJson::Serialize", "  JSON serialization (all)"),
    ("ExperimentClosing::Close", "closing analysis"),
    ("PairedBootstrap::Run", "  paired bootstrap"),
    ("ReportFiles::Write", "summary.md, metrics.csv, report.pdf"),
    ("ResultsTable::Write", "results table"),
]


def leaf_kind(frame):
    if "libclrjit" in frame: return "jit"
    if "libcoreclr" in frame: return "runtime"
    if "libtorch" in frame or "libc10" in frame: return "libtorch"
    if "kernel.kallsyms" in frame: return "kernel"
    return "other"


def main(path, hz):
    samples, current = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        header = re.match(r"^(.*?)\s+(\d+)\s+([\d.]+):", line)
        if header:
            current = (header.group(1), float(header.group(3)), [])
            samples.append(current)
        elif line.strip() and current:
            current[2].append(line.strip())
    ms = 1000.0 / hz
    start = min(s[1] for s in samples)
    print(f"{len(samples)} samples = {len(samples) * ms:.0f} ms of CPU")
    for pattern, name in PHASES:
        hits = [s for s in samples if any(pattern in f for f in s[2])]
        if not hits: continue
        kinds = collections.Counter(leaf_kind(s[2][0]) for s in hits if s[2])
        print(f"{name:40s} {len(hits) * ms:6.0f} ms  jit {kinds['jit'] * ms:4.0f}  runtime {kinds['runtime'] * ms:4.0f}"
              f"  kernel {kinds['kernel'] * ms:4.0f}  at {min(s[1] for s in hits) - start:.2f}-{max(s[1] for s in hits) - start:.2f} s")
    kinds = collections.Counter(leaf_kind(s[2][0]) for s in samples if s[2])
    print("by leaf:", {k: round(v * ms) for k, v in kinds.items()})
    outside = collections.Counter(s[0] for s in samples if not any("Program::<Main>" in f for f in s[2]))
    print("outside Main, by thread:", {k: round(v * ms) for k, v in outside.items()})


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 2000)
