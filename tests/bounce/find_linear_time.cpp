// The finder's work grows linearly with its input: every finder path, on
// adversarial texts at 1x, 4x and 16x, may do at most 4.5x the work per 4x
// the input. Work is counted as instructions by callgrind: the test runs
// itself under valgrind with `--measure DIR`, which dumps the count of each
// (shape, path, size) through a client request; the test then reads the
// dumps. Without valgrind, or in a sanitizer build (where valgrind cannot
// run), the program exits 77 and CTest reports the test as skipped.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#undef SMTPCODES_VALGRIND
#define SMTPCODES_VALGRIND ""
#define CALLGRIND_ZERO_STATS
#define CALLGRIND_DUMP_STATS_AT(name) static_cast<void>(name)
#endif

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/find.hpp>

namespace {

constexpr int skipped = 77;
// A quadratic path does 16x the work for 4x the input; a linear one 4x,
// with some slack for constant costs.
constexpr double max_growth = 4.5;
constexpr std::size_t base_size = 4096;
constexpr std::size_t multipliers[] = {1, 4, 16};

struct Shape {
  std::string_view name;
  std::string_view head;  // once at the start
  std::string_view unit;  // repeated to the size
};

// Code-dense text (pairs, lone statuses after one reply, replies introduced
// by a word, statuses and replies side by side, quoted replies, one per
// line), all digits, all dots, dotted numbers, and a long line of prose.
constexpr Shape shapes[] = {
    {"code-dense", "", "550 5.1.1 "},
    {"statuses after one reply", "550 x ", "5.1.1 "},
    {"introduced replies", "", "said: 550 "},
    {"status then reply", "", "smtp; 2.1.5 250 "},
    {"quoted replies", "", "returned '550 5.7.1' "},
    {"one code per line", "", "550-5.1.1 x\n"},
    {"all digits", "", "5"},
    {"all dots", "", "."},
    {"dotted numbers", "", "5.1."},
    {"long line of prose", "", "port 550 has 450 messages over 552 bytes in 4.2.2 and "},
};

constexpr std::string_view paths[] = {"find_codes", "for_each_code", "find_all_codes", "classify_text"};

std::string text_of(const Shape& shape, std::size_t size) {
  std::string text(shape.head);
  while (text.size() < size) text += shape.unit;
  return text;
}

// Kept out of line so that the measured call cannot be folded away.
[[gnu::noinline]] std::size_t run_path(std::string_view path, std::string_view text) {
  if (path == "find_codes") {
    const auto found = smtpcodes::find_codes(text);
    return found.reply_code.value() + found.enhanced_status.key();
  }
  if (path == "for_each_code") return smtpcodes::for_each_code(text, [](const smtpcodes::CodeMatch&) {});
  if (path == "find_all_codes") return smtpcodes::find_all_codes(text).size();
  return static_cast<std::size_t>(smtpcodes::classify_text(text).reason);
}

std::string label(std::string_view shape, std::string_view path, std::size_t multiplier) {
  return std::string(shape) + "|" + std::string(path) + "|" + std::to_string(multiplier);
}

// Under callgrind: one dump per (shape, path, size), named by its label.
int measure() {
  volatile std::size_t sink = 0;
  for (const Shape& shape : shapes) {
    for (std::string_view path : paths) {
      for (std::size_t multiplier : multipliers) {
        const std::string text = text_of(shape, base_size * multiplier);
        const std::string name = label(shape.name, path, multiplier);
        CALLGRIND_ZERO_STATS;
        sink = sink + run_path(path, text);
        CALLGRIND_DUMP_STATS_AT(name.c_str());
      }
    }
  }
  return 0;
}

// Reads every dump in dir: its label and its instruction count.
std::map<std::string, double> read_dumps(const std::filesystem::path& dir) {
  constexpr std::string_view trigger = "desc: Trigger: Client Request: ";
  constexpr std::string_view summary = "summary: ";
  std::map<std::string, double> counts;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream file(entry.path());
    std::string line, name;
    double count = -1;
    while (std::getline(file, line)) {
      if (line.rfind(trigger, 0) == 0) name = line.substr(trigger.size());
      if (line.rfind(summary, 0) == 0) count = std::strtod(line.c_str() + summary.size(), nullptr);
    }
    if (!name.empty() && count >= 0) counts[name] = count;
  }
  return counts;
}

constexpr bool sanitized_build() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

std::map<std::string, double> counted;

}  // namespace

TEST_CASE("finder paths do linear work on adversarial texts") {
  REQUIRE_FALSE(counted.empty());
  for (const Shape& shape : shapes) {
    for (std::string_view path : paths) {
      double previous = 0;
      for (std::size_t multiplier : multipliers) {
        const std::string name = label(shape.name, path, multiplier);
        CAPTURE(name);
        REQUIRE(counted.count(name) == 1);
        const double work = counted[name];
        CHECK(work > 0);
        if (previous > 0) {
          CAPTURE(previous);
          CAPTURE(work);
          CHECK(work / previous <= max_growth);
        }
        previous = work;
      }
    }
  }
}

int main(int argc, char** argv) {
  if (argc == 2 && std::string_view(argv[1]) == "--measure") return measure();
  const std::string valgrind = SMTPCODES_VALGRIND;
  if (valgrind.empty() || sanitized_build()) {
    std::puts("skipped: needs valgrind and a build without sanitizers");
    return skipped;
  }
  const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("smtpcodes-find-linear-time-" + std::filesystem::read_symlink("/proc/self").string());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string command = valgrind + " --tool=callgrind --callgrind-out-file=" + (dir / "out").string() + " '" +
                              self + "' --measure >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    std::printf("valgrind failed: %s\n", command.c_str());
    std::filesystem::remove_all(dir);
    return 1;
  }
  counted = read_dumps(dir);
  std::filesystem::remove_all(dir);
  doctest::Context context(argc, argv);
  return context.run();
}
