#include "harness.hpp"

namespace smtpcodes_bench {

std::vector<Operation>& operations() {
  static std::vector<Operation> list;
  return list;
}

}  // namespace smtpcodes_bench
