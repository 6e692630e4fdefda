#ifndef SMTPCODES_TESTS_SUPPORT_WORK_COUNT_HPP
#define SMTPCODES_TESTS_SUPPORT_WORK_COUNT_HPP

// Work measured as the instructions a piece of code executes, counted by
// callgrind: deterministic, the same on every machine and load, so that a
// test can assert on it (time cannot be asserted on). The test program
// starts itself again under `valgrind --tool=callgrind` (start_under_callgrind),
// and each count is one callgrind dump that the program reads back.
//
// POSIX only, and not under the sanitizers (valgrind cannot run them).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <valgrind/callgrind.h>

namespace smtpcodes_test {

// Where callgrind writes its dumps; set for the program it runs.
inline constexpr const char* callgrind_out_variable = "SMTPCODES_TEST_CALLGRIND_OUT";

inline bool counting_work() { return RUNNING_ON_VALGRIND != 0 && std::getenv(callgrind_out_variable) != nullptr; }

// Callgrind numbers its dumps from 1, one count for the whole program.
inline unsigned next_dump_number() {
  static unsigned dumps = 0;
  return ++dumps;
}

// The instructions fn executes. Every call writes one more dump to the file
// named in callgrind_out_variable.
template <class Function>
std::uint64_t instructions(Function&& fn) {
  const char* base = std::getenv(callgrind_out_variable);
  if (base == nullptr || RUNNING_ON_VALGRIND == 0) throw std::runtime_error("not running under callgrind");
  CALLGRIND_ZERO_STATS;
  fn();
  CALLGRIND_DUMP_STATS;
  const unsigned number = next_dump_number();
  std::ifstream dump(std::string(base) + "." + std::to_string(number));
  std::string line;
  while (std::getline(dump, line)) {
    // "totals: N" (and "summary: N" in older versions): the events of the dump, Ir only.
    for (const char* key : {"totals: ", "summary: "}) {
      if (line.rfind(key, 0) == 0) return std::stoull(line.substr(std::string(key).size()));
    }
  }
  throw std::runtime_error("no totals in callgrind dump " + std::to_string(number));
}

// Keeps a result alive so that the compiler cannot drop the work.
template <class T>
void keep(const T& value) {
  static volatile unsigned char sink;
  sink = static_cast<unsigned char>(sink + static_cast<unsigned char>(sizeof value));
  asm volatile("" : : "g"(&value) : "memory");
}

// Runs this program again under callgrind with the same arguments, in a
// temporary folder for the dumps, and returns its exit status; 77 (CTest's
// skip) when valgrind is not installed, or when SMTPCODES_SKIP_WORK_COUNT is
// set (the CI matrix counts work in one of its builds, not in all six).
inline int start_under_callgrind(int argc, char** argv) {
  if (const char* skip = std::getenv("SMTPCODES_SKIP_WORK_COUNT"); skip != nullptr && *skip != '\0') {
    std::fprintf(stderr, "SMTPCODES_SKIP_WORK_COUNT is set: work not counted; skipped\n");
    return 77;
  }
  char folder[] = "/tmp/smtpcodes-work-XXXXXX";
  if (mkdtemp(folder) == nullptr) {
    std::perror("mkdtemp");
    return 1;
  }
  const std::string out = std::string(folder) + "/callgrind.out";
  const std::string out_option = "--callgrind-out-file=" + out;
  std::vector<const char*> command = {"valgrind", "--tool=callgrind", "--quiet", out_option.c_str(), argv[0]};
  for (int i = 1; i < argc; ++i) command.push_back(argv[i]);
  command.push_back(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    setenv(callgrind_out_variable, out.c_str(), 1);
    execvp(command[0], const_cast<char* const*>(command.data()));
    _exit(127);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0) status = 1 << 8;
  std::error_code ignored;
  std::filesystem::remove_all(folder, ignored);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 1;
  if (code == 127) {
    std::fprintf(stderr, "valgrind not found: install it (Debian: valgrind) to count work; skipped\n");
    return 77;
  }
  return code;
}

}  // namespace smtpcodes_test

#endif  // SMTPCODES_TESTS_SUPPORT_WORK_COUNT_HPP
