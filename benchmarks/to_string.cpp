// to_string against snprintf, std::ostringstream and a hand-written writer.
// Every row produces the text in a small buffer it returns by value.
#include <cstdio>
#include <sstream>
#include <string>

#include "harness.hpp"

namespace {

struct Text {
  char data[24];  // room for any three unsigned numbers, as snprintf sees them
  unsigned char size;
};

char* write_number(char* out, unsigned value) {
  if (value >= 100) *out++ = static_cast<char>('0' + value / 100);
  if (value >= 10) *out++ = static_cast<char>('0' + value / 10 % 10);
  *out++ = static_cast<char>('0' + value % 10);
  return out;
}

Text hand_reply(smtpcodes::ReplyCode code) {
  Text text{};
  text.size = static_cast<unsigned char>(write_number(text.data, code.value()) - text.data);
  return text;
}

Text hand_status(smtpcodes::EnhancedStatus status) {
  Text text{};
  char* out = text.data;
  *out++ = static_cast<char>('0' + status.class_digit());
  *out++ = '.';
  out = write_number(out, status.subject_number());
  *out++ = '.';
  out = write_number(out, status.detail());
  text.size = static_cast<unsigned char>(out - text.data);
  return text;
}

Text snprintf_reply(smtpcodes::ReplyCode code) {
  Text text{};
  text.size = static_cast<unsigned char>(std::snprintf(text.data, sizeof text.data, "%u", unsigned{code.value()}));
  return text;
}

Text snprintf_status(smtpcodes::EnhancedStatus status) {
  Text text{};
  text.size = static_cast<unsigned char>(std::snprintf(text.data, sizeof text.data, "%u.%u.%u",
                                                       unsigned{status.class_digit()},
                                                       unsigned{status.subject_number()}, unsigned{status.detail()}));
  return text;
}

std::string stream_reply(smtpcodes::ReplyCode code) {
  std::ostringstream out;
  out << code.value();
  return out.str();
}

std::string stream_status(smtpcodes::EnhancedStatus status) {
  std::ostringstream out;
  out << unsigned{status.class_digit()} << '.' << status.subject_number() << '.' << status.detail();
  return out.str();
}

}  // namespace

SMTPCODES_BENCHMARK("to_string(ReplyCode)", "smtpcodes", library, reply_codes,
                    [](smtpcodes::ReplyCode code) { return smtpcodes::to_string(code); });
SMTPCODES_BENCHMARK("to_string(ReplyCode)", "hand writer", hand, reply_codes, hand_reply);
SMTPCODES_BENCHMARK("to_string(ReplyCode)", "snprintf", libc, reply_codes, snprintf_reply);
SMTPCODES_BENCHMARK("to_string(ReplyCode)", "std::ostringstream", heavy, reply_codes, stream_reply);

SMTPCODES_BENCHMARK("to_string(EnhancedStatus)", "smtpcodes", library, enhanced_statuses,
                    [](smtpcodes::EnhancedStatus status) { return smtpcodes::to_string(status); });
SMTPCODES_BENCHMARK("to_string(EnhancedStatus)", "hand writer", hand, enhanced_statuses, hand_status);
SMTPCODES_BENCHMARK("to_string(EnhancedStatus)", "snprintf", libc, enhanced_statuses, snprintf_status);
SMTPCODES_BENCHMARK("to_string(EnhancedStatus)", "std::ostringstream", heavy, enhanced_statuses,
                    stream_status);
