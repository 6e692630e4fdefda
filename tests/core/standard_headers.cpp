// Built with -DSMTPCODES_USE_STANDARD_HEADERS=1 (tests/CMakeLists.txt): the
// library must then include <exception> and <iterator> themselves, not
// libstdc++'s internal parts of them. This file includes nothing else, and no
// test framework, so only the library can have declared what it uses below.
#include <smtpcodes/bounces.hpp>

#if !SMTPCODES_USE_STANDARD_HEADERS
#error "build this test with -DSMTPCODES_USE_STANDARD_HEADERS=1"
#endif

// Declared by <exception> and <iterator>, but not by the internal headers
// the default configuration includes with libstdc++.
using ExceptionPointer = std::exception_ptr;
using StreamIterator = std::ostream_iterator<int>;

int main() {
  using namespace smtpcodes::literals;
  const ExceptionPointer none;
  return none == nullptr && smtpcodes::parse_reply("250 ok") == 250_reply ? 0 : 1;
}
