// parse_reply against the three baselines, all strict RFC 5321 §4.2:
// %x32-35 %x30-35 %x30-39, then SP, "-", CRLF or the end of the input.
#include <cstdio>
#include <regex>

#include "harness.hpp"

namespace {

using smtpcodes::ParseMode;

// The practical floor: what a careful engineer writes in ten lines.
int hand_scanner(std::string_view line) {
  if (line.size() < 3) return -1;
  const unsigned a = static_cast<unsigned>(line[0] - '2');
  const unsigned b = static_cast<unsigned>(line[1] - '0');
  const unsigned c = static_cast<unsigned>(line[2] - '0');
  if (a > 3 || b > 5 || c > 9) return -1;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-' &&
      !(line[3] == '\r' && line.size() > 4 && line[4] == '\n')) {
    return -1;
  }
  return static_cast<int>((a + 2) * 100 + b * 10 + c);
}

// sscanf reads the number; the grammar it cannot express is checked after.
// The inputs are NUL-terminated (see inputs.cpp).
int with_sscanf(std::string_view line) {
  unsigned value = 0;
  int consumed = 0;
  if (std::sscanf(line.data(), "%3u%n", &value, &consumed) != 1 || consumed != 3) return -1;
  if (value < 200 || value > 559 || value / 10 % 10 > 5) return -1;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-' &&
      !(line[3] == '\r' && line.size() > 4 && line[4] == '\n')) {
    return -1;
  }
  return static_cast<int>(value);
}

int with_regex(std::string_view line) {
  static const std::regex pattern("([2-5][0-5][0-9])(?:[ -]|\r\n|$)", std::regex::optimize);
  std::cmatch match;
  if (!std::regex_search(line.data(), line.data() + line.size(), match, pattern,
                         std::regex_constants::match_continuous)) {
    return -1;
  }
  return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
}

}  // namespace

SMTPCODES_BENCHMARK("parse_reply", "smtpcodes", library, reply_lines, [](std::string_view line) {
  const auto code = smtpcodes::parse_reply(line);
  return code ? static_cast<int>(code->value()) : -1;
});
SMTPCODES_BENCHMARK("parse_reply", "smtpcodes, whole Result", library, reply_lines,
                    [](std::string_view line) { return smtpcodes::parse_reply(line); });
SMTPCODES_BENCHMARK("parse_reply", "smtpcodes, lenient", library, reply_lines, [](std::string_view line) {
  const auto code = smtpcodes::parse_reply(line, ParseMode::lenient);
  return code ? static_cast<int>(code->value()) : -1;
});
SMTPCODES_BENCHMARK("parse_reply", "hand scanner", hand, reply_lines, hand_scanner);
SMTPCODES_BENCHMARK("parse_reply", "sscanf", libc, reply_lines, with_sscanf);
SMTPCODES_BENCHMARK("parse_reply", "std::regex", heavy, reply_lines, with_regex);
