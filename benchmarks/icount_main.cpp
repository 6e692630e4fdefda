// The driver callgrind runs to count instructions per operation:
//
//   smtpcodes_icount list             every operation: name, role, input array,
//                                     inputs, accepted, same outcome as the hand row,
//                                     bytes of all inputs (0 unless they are text)
//   smtpcodes_icount check            fails unless every strict smtpcodes row (not
//                                     "lenient" nor "heuristic" ones) and
//                                     the std::regex row make of every input what
//                                     the hand scanner makes of it (the same code,
//                                     or the same rejection)
//   smtpcodes_icount run NAME ROUNDS  one warm-up round, then ROUNDS rounds
//
// A run with ROUNDS = 0 costs everything but the measured rounds (start-up,
// input generation, the warm-up that builds a std::regex), so
//   (Ir(ROUNDS) - Ir(0)) / (ROUNDS * inputs)
// is the instructions per operation, loop included.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "harness.hpp"

namespace {

using smtpcodes_bench::Operation;
using smtpcodes_bench::operations;
using smtpcodes_bench::Role;

std::string name_of(const Operation& operation) { return operation.group + "/" + operation.variant; }

// How many inputs get the same outcome from the operation and its group's
// hand row (all of them when the group has none).
std::size_t agreement(const Operation& operation) {
  const std::vector<long> outcomes = operation.outcomes();
  for (const Operation& other : operations()) {
    if (other.group == operation.group && other.role == Role::hand) {
      const std::vector<long> hand = other.outcomes();
      std::size_t agree = 0;
      for (std::size_t i = 0; i < outcomes.size(); ++i) agree += outcomes[i] == hand[i] ? 1U : 0U;
      return agree;
    }
  }
  return outcomes.size();
}

bool must_agree(const Operation& operation) {
  return operation.role == Role::heavy ||
         (operation.role == Role::library && operation.variant.find("lenient") == std::string::npos &&
          operation.variant.find("heuristic") == std::string::npos);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::strcmp(argv[1], "list") == 0) {
    for (const Operation& operation : operations()) {
      std::size_t accepted = 0;
      for (long result : operation.outcomes()) accepted += result >= 0 ? 1U : 0U;
      std::printf("%s\t%d\t%s\t%zu\t%zu\t%zu\t%zu\n", name_of(operation).c_str(),
                  static_cast<int>(operation.role), operation.inputs_name.c_str(), operation.inputs_per_round,
                  accepted, agreement(operation), operation.bytes_per_round);
    }
    return 0;
  }
  if (argc == 2 && std::strcmp(argv[1], "check") == 0) {
    int failures = 0;
    for (const Operation& operation : operations()) {
      const std::size_t agree = agreement(operation);
      if (must_agree(operation) && agree != operation.inputs_per_round) {
        std::fprintf(stderr, "%s disagrees with the hand scanner on %zu of %zu inputs\n", name_of(operation).c_str(),
                     operation.inputs_per_round - agree, operation.inputs_per_round);
        ++failures;
      }
    }
    std::printf("check: %zu operations, %d disagreements\n", operations().size(), failures);
    return failures == 0 ? 0 : 1;
  }
  if (argc == 4 && std::strcmp(argv[1], "run") == 0) {
    const std::size_t rounds = std::strtoul(argv[3], nullptr, 10);
    for (const Operation& operation : operations()) {
      if (name_of(operation) == argv[2]) {
        operation.repeat(1);
        operation.repeat(rounds);
        return 0;
      }
    }
    std::fprintf(stderr, "no operation named %s\n", argv[2]);
    return 1;
  }
  std::fprintf(stderr, "usage: %s list | check | run NAME ROUNDS\n", argv[0]);
  return 2;
}
