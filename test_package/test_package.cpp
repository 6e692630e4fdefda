#include <smtpcodes/smtpcodes.hpp>

#include <cstdio>

using namespace smtpcodes::literals;

static_assert((550_reply).is_permanent_failure());
static_assert("4.2.2"_status.is_transient_failure());

int main() {
  const auto code = smtpcodes::parse_reply("250 OK");
  std::printf("smtpcodes %d.%d.%d: %s is %s\n", SMTPCODES_VERSION_MAJOR, SMTPCODES_VERSION_MINOR,
              SMTPCODES_VERSION_PATCH, smtpcodes::to_string(*code).c_str(),
              code->is_success() ? "a success" : "not a success");
  return code && code->is_success() ? 0 : 1;
}
