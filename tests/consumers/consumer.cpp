// What every consumer project compiles: the umbrella and the optional
// integration headers, checked at compile time and run once.
#include <smtpcodes/error_code.hpp>
#include <smtpcodes/ostream.hpp>
#include <smtpcodes/smtpcodes.hpp>

#include <iostream>
#include <sstream>
#include <system_error>

using namespace smtpcodes::literals;

static_assert((550_reply).is_permanent_failure());
static_assert("5.1.1"_status.subject() == smtpcodes::Subject::addressing);
static_assert(smtpcodes::parse_reply("421 closing")->severity() == smtpcodes::Severity::transient_negative);
static_assert(!smtpcodes::parse_enhanced_status("5.1.1000"));
static_assert(SMTPCODES_VERSION ==
              SMTPCODES_VERSION_MAJOR * 10000 + SMTPCODES_VERSION_MINOR * 100 + SMTPCODES_VERSION_PATCH);

int main() {
  std::ostringstream text;
  text << smtpcodes::parse_reply("550 5.1.1 unknown") << ' ' << "5.1.1"_status;
  const std::error_code error = make_error_code(550_reply);
  if (text.str() != "550 5.1.1" || error != smtpcodes::Severity::permanent_negative) {
    std::cerr << "consumer: unexpected " << text.str() << " / " << error.message() << '\n';
    return 1;
  }
  std::cout << "consumer: " << text.str() << ", " << error.message() << '\n';
  return 0;
}
