// The single header, compiled on its own: only single_include/ is on this
// program's include path, and the file must not include any other smtpcodes
// header (tools/amalgamate.py --check, run as another test, proves it is
// current).
#include <smtpcodes/smtpcodes.hpp>

#include <cstdio>
#include <string_view>

using namespace smtpcodes::literals;

static_assert(SMTPCODES_VERSION_MAJOR >= 0);
static_assert((550_reply).is_permanent_failure());
static_assert("5.7.26"_status.subject() == smtpcodes::Subject::security_or_policy);
static_assert(smtpcodes::parse_reply("421 busy")->is_transient_failure());
static_assert(smtpcodes::parse_enhanced_status("5.01.1").error().kind == smtpcodes::ParseErrorKind::leading_zero);
static_assert(smtpcodes::to_string("4.2.2"_status) == "4.2.2");

int main() {
  // Run-time use, so the test fails (not only refuses to compile) if the
  // header's functions misbehave outside constant evaluation.
  const char* line = "452 4.2.2 Mailbox full";
  const auto code = smtpcodes::parse_reply(line);
  const auto status = smtpcodes::parse_enhanced_status(std::string_view(line).substr(4, 5));
  if (!code || code->value() != 452 || !status || status->key() != 4002002) {
    std::puts("single header: unexpected parse result");
    return 1;
  }
  std::puts("single header: ok");
  return 0;
}
