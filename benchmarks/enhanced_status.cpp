// parse_enhanced_status against the three baselines, all strict RFC 3463 §2:
// class "." subject "." detail; class 2, 4 or 5; subject and detail "0" or
// 1 to 3 digits without a leading zero; nothing after.
#include <cstdio>
#include <regex>

#include "harness.hpp"

namespace {

using smtpcodes::ParseMode;

int hand_scanner(std::string_view text) {
  if (text.empty() || (text[0] != '2' && text[0] != '4' && text[0] != '5')) return -1;
  unsigned parts[3] = {static_cast<unsigned>(text[0] - '0'), 0, 0};
  std::size_t i = 1;
  for (int k = 1; k < 3; ++k) {
    if (i >= text.size() || text[i] != '.') return -1;
    const std::size_t start = ++i;
    while (i < text.size() && i - start < 3 && static_cast<unsigned>(text[i] - '0') <= 9) {
      parts[k] = parts[k] * 10 + static_cast<unsigned>(text[i++] - '0');
    }
    if (i == start || (text[start] == '0' && i - start > 1)) return -1;
  }
  if (i != text.size()) return -1;
  return static_cast<int>(parts[0] * 1000000 + parts[1] * 1000 + parts[2]);
}

// sscanf reads the numbers. It also lets through spaces, '+' and leading
// zeros inside the parts, which the grammar forbids; the report's "accepts"
// column shows the difference.
int with_sscanf(std::string_view text) {
  unsigned status_class = 0, subject = 0, detail = 0;
  int consumed = 0;
  if (std::sscanf(text.data(), "%1u.%3u.%3u%n", &status_class, &subject, &detail, &consumed) != 3) return -1;
  if (static_cast<std::size_t>(consumed) != text.size()) return -1;
  if (status_class != 2 && status_class != 4 && status_class != 5) return -1;
  return static_cast<int>(status_class * 1000000 + subject * 1000 + detail);
}

int number(const std::csub_match& digits) {
  int value = 0;
  for (const char* p = digits.first; p != digits.second; ++p) value = value * 10 + (*p - '0');
  return value;
}

int with_regex(std::string_view text) {
  static const std::regex pattern("([245])\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})", std::regex::optimize);
  std::cmatch match;
  if (!std::regex_match(text.data(), text.data() + text.size(), match, pattern)) return -1;
  return number(match[1]) * 1000000 + number(match[2]) * 1000 + number(match[3]);
}

}  // namespace

SMTPCODES_BENCHMARK("parse_enhanced_status", "smtpcodes", library, enhanced_status_texts,
                    [](std::string_view text) {
                      const auto status = smtpcodes::parse_enhanced_status(text);
                      return status ? static_cast<int>(status->key()) : -1;
                    });
SMTPCODES_BENCHMARK("parse_enhanced_status", "smtpcodes, whole Result", library, enhanced_status_texts,
                    [](std::string_view text) { return smtpcodes::parse_enhanced_status(text); });
SMTPCODES_BENCHMARK("parse_enhanced_status", "smtpcodes, lenient", library, enhanced_status_texts,
                    [](std::string_view text) {
                      const auto status = smtpcodes::parse_enhanced_status(text, ParseMode::lenient);
                      return status ? static_cast<int>(status->key()) : -1;
                    });
SMTPCODES_BENCHMARK("parse_enhanced_status", "hand scanner", hand, enhanced_status_texts, hand_scanner);
SMTPCODES_BENCHMARK("parse_enhanced_status", "sscanf", libc, enhanced_status_texts, with_sscanf);
SMTPCODES_BENCHMARK("parse_enhanced_status", "std::regex", heavy, enhanced_status_texts, with_regex);
