// Replays inputs through a fuzz target without libFuzzer, so any compiler
// can re-check the corpus under the sanitizers:
//   smtpcodes_replay_<target> FILE-OR-DIRECTORY...
// Every regular file is one input. Prints how many inputs ran; a failed
// property or a sanitizer report ends the program with an error, and so does
// an input slower than the time bound (SMTPCODES_REPLAY_SECONDS, default 10):
// a parser that stalls on hostile input is a finding, as with libFuzzer's
// -timeout. The bound is generous because sanitizers and a shared machine
// slow every input; it catches stalls, not regressions of a few per cent.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz.hpp"

namespace {

double time_bound_seconds() {
  const char* text = std::getenv("SMTPCODES_REPLAY_SECONDS");
  const double seconds = text != nullptr ? std::atof(text) : 0.0;
  return seconds > 0.0 ? seconds : 10.0;
}

bool replay_file(const std::filesystem::path& path, double bound_seconds) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
    return false;
  }
  const std::vector<char> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  // A copy of exactly the input's size, so ASan sees a read past its end.
  const std::vector<std::uint8_t> input(bytes.begin(), bytes.end());
  const auto start = std::chrono::steady_clock::now();
  LLVMFuzzerTestOneInput(input.data(), input.size());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (took.count() > bound_seconds) {
    std::fprintf(stderr, "slow input %s: %.1f s, over the bound of %.1f s\n", path.string().c_str(), took.count(),
                 bound_seconds);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t inputs = 0;
  bool ok = true;
  const double bound_seconds = time_bound_seconds();
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path argument(argv[i]);
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(argument)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argument)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else {
      files.push_back(argument);
    }
    for (const auto& file : files) {
      ok = replay_file(file, bound_seconds) && ok;
      ++inputs;
    }
  }
  std::printf("%zu inputs replayed\n", inputs);
  return ok && inputs > 0 ? 0 : 1;
}
