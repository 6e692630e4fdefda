// The README's quick start: classify codes at compile time and at run time.
#include <cstdio>

#include <smtpcodes/smtpcodes.hpp>

using namespace smtpcodes::literals;

static_assert(smtpcodes::parse_enhanced_status("5.1.1")->subject() == smtpcodes::Subject::addressing);
static_assert(smtpcodes::parse_reply("550 5.1.1 User unknown")->value() == 550);
static_assert(!smtpcodes::parse_enhanced_status("5.1.1000"));
static_assert((421_reply).is_transient_failure());
static_assert("5.7.26"_status.subject() == smtpcodes::Subject::security_or_policy);

int main() {
  const char* line = "452 4.2.2 Mailbox full";
  if (const auto code = smtpcodes::parse_reply(line)) {
    std::printf("%s is %s\n", smtpcodes::to_string(*code).c_str(),
                code->is_transient_failure() ? "a transient failure: retry later" : "not transient");
  }
  const auto bad = smtpcodes::parse_enhanced_status("5.1.1000");
  std::printf("5.1.1000: %s at offset %zu\n", smtpcodes::message(bad.error()).data(), bad.error().offset);
}
