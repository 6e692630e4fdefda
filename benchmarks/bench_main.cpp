// Times every registered operation with Google Benchmark. benchmarks/run.sh
// turns the JSON output into the ratio table.
#include "harness.hpp"

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  for (const smtpcodes_bench::Operation& operation : smtpcodes_bench::operations()) {
    benchmark::RegisterBenchmark((operation.group + "/" + operation.variant).c_str(), operation.time);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
