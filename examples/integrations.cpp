// The optional integration headers: streams and std::error_code (and
// std::format / fmt::format through <smtpcodes/format.hpp>, same texts).
#include <iostream>
#include <system_error>

#include <smtpcodes/error_code.hpp>
#include <smtpcodes/ostream.hpp>

using namespace smtpcodes::literals;

namespace {
// A delivery function that reports SMTP failures the standard way.
std::error_code deliver(std::string_view server_reply) {
  const auto reply = smtpcodes::parse_whole_reply(server_reply);
  if (!reply) return make_error_code(reply.error());
  if (reply->code().is_failure()) return make_error_code(reply->code());
  return {};
}
}  // namespace

int main() {  // NOLINT(bugprone-exception-escape): an example; a failing stream may end it
  std::cout << smtpcodes::parse_whole_reply("550 5.1.1 User unknown\r\n") << '\n';  // 550 5.1.1 User unknown
  const smtpcodes::EnhancedStatus status = "5.7.26"_status;
  std::cout << status << ' ' << status.subject() << '\n';             // 5.7.26 Security or Policy Status
  std::cout << smtpcodes::parse_enhanced_status("5.1.1000") << '\n';  // error: too_many_digits at offset 7

  for (const char* reply : {"250 OK\r\n", "452 4.2.2 Mailbox full\r\n", "25x\r\n"}) {
    const std::error_code error = deliver(reply);
    std::cout << (error ? error.message() : "delivered")
              << (error == smtpcodes::Severity::transient_negative ? " (retry later)" : "") << '\n';
  }
}
