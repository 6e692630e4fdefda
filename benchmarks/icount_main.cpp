// The driver callgrind runs to count instructions per operation:
//
//   smtpcodes_icount list                 every operation: name, role, input array,
//                                         inputs, accepted, same verdicts as the hand row
//   smtpcodes_icount run NAME ROUNDS      one warm-up round, then ROUNDS rounds
//
// A run with ROUNDS = 0 costs everything but the measured rounds (start-up,
// input generation, the warm-up that builds a std::regex), so
//   (Ir(ROUNDS) - Ir(0)) / (ROUNDS * inputs)
// is the instructions per operation, loop included.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "harness.hpp"

int main(int argc, char** argv) {
  using smtpcodes_bench::operations;
  if (argc == 2 && std::strcmp(argv[1], "list") == 0) {
    for (const auto& operation : operations()) {
      const std::vector<bool> verdicts = operation.verdicts();
      std::vector<bool> hand_verdicts = verdicts;
      for (const auto& other : operations()) {
        if (other.group == operation.group && other.role == smtpcodes_bench::Role::hand) {
          hand_verdicts = other.verdicts();
        }
      }
      std::size_t accepted = 0, agree = 0;
      for (std::size_t i = 0; i < verdicts.size(); ++i) {
        if (verdicts[i]) ++accepted;
        if (verdicts[i] == hand_verdicts[i]) ++agree;
      }
      std::printf("%s/%s\t%d\t%s\t%zu\t%zu\t%zu\n", operation.group.c_str(), operation.variant.c_str(),
                  static_cast<int>(operation.role), operation.inputs_name.c_str(), operation.inputs_per_round,
                  accepted, agree);
    }
    return 0;
  }
  if (argc == 4 && std::strcmp(argv[1], "run") == 0) {
    const std::size_t rounds = std::strtoul(argv[3], nullptr, 10);
    for (const auto& operation : operations()) {
      if (operation.group + "/" + operation.variant == argv[2]) {
        operation.repeat(1);
        operation.repeat(rounds);
        return 0;
      }
    }
    std::fprintf(stderr, "no operation named %s\n", argv[2]);
    return 1;
  }
  std::fprintf(stderr, "usage: %s list | run NAME ROUNDS\n", argv[0]);
  return 2;
}
