// Whole bounce messages (issue 17): the library's reader against a hand
// reader of the delivery-status fields, memchr counting lines (the floor of
// any reader that looks at every line), and std::regex finding the same
// fields. Each row returns how many recipients it found. The smtpcodes rows
// also read prose notices, feedback reports and automatic replies, which
// the hand and regex rows do not, so they agree with them only on some
// messages; the "agrees" column says on how many ("heuristic" in a row's
// name exempts it from `smtpcodes_icount check`).
#include <cstring>
#include <regex>
#include <string>

#include "harness.hpp"

namespace {

bool starts_line_with(std::string_view text, std::size_t at, std::string_view prefix) {
  if (text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[at + i];
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != prefix[i]) return false;
  }
  return true;
}

// What a careful engineer writes in ten lines: every line that starts with
// Final-Recipient: is a recipient of a delivery status notification.
long hand_recipients(std::string_view message) {
  long recipients = 0;
  std::size_t at = 0;
  while (at < message.size()) {
    if (starts_line_with(message, at, "final-recipient:")) ++recipients;
    const void* feed = std::memchr(message.data() + at, '\n', message.size() - at);
    if (feed == nullptr) break;
    at = static_cast<std::size_t>(static_cast<const char*>(feed) - message.data()) + 1;
  }
  return recipients;
}

long memchr_lines(std::string_view message) {
  long lines = 0;
  const char* at = message.data();
  const char* end = at + message.size();
  while ((at = static_cast<const char*>(std::memchr(at, '\n', static_cast<std::size_t>(end - at)))) != nullptr) {
    ++lines;
    ++at;
  }
  return lines;
}

long regex_recipients(std::string_view message) {
  static const std::regex pattern("(^|\\n)final-recipient:", std::regex::icase | std::regex::optimize);
  return static_cast<long>(std::distance(std::cregex_iterator(message.data(), message.data() + message.size(), pattern),
                                         std::cregex_iterator()));
}

long library_recipients(std::string_view message) {
  return static_cast<long>(smtpcodes::for_each_bounce_recipient(message, [](const smtpcodes::BounceRecipient&) {}));
}

// What `smtpcodes bounces` does with each message: undo the transfer
// encodings of its text parts into a buffer, then read the copy.
long cli_recipients(std::string_view message) {
  static std::string buffer(1 << 20, '\0');  // allocated once, outside the measured rounds
  if (buffer.size() < message.size()) buffer.resize(message.size());
  const auto decoded = smtpcodes::decode_text_parts(message, buffer.data(), buffer.size());
  const std::string_view text(buffer.data(), decoded ? decoded->written : 0);
  return static_cast<long>(smtpcodes::for_each_bounce_recipient(text, [](const smtpcodes::BounceRecipient&) {}));
}

}  // namespace

SMTPCODES_BENCHMARK("bounce message", "smtpcodes for_each_bounce_recipient (heuristic)", library, bounce_messages,
                    library_recipients);
SMTPCODES_BENCHMARK("bounce message", "smtpcodes decode_text_parts + for_each_bounce_recipient, as the CLI (heuristic)",
                    library, bounce_messages, cli_recipients);
SMTPCODES_BENCHMARK("bounce message", "hand Final-Recipient lines", hand, bounce_messages, hand_recipients);
SMTPCODES_BENCHMARK("bounce message", "memchr (lines only)", libc, bounce_messages, memchr_lines);
SMTPCODES_BENCHMARK("bounce message", "std::regex Final-Recipient lines", heavy, bounce_messages, regex_recipients);
