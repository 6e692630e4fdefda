// Codes in free text: find_codes against a hand-written extractor that looks
// for the two patterns only (an enhanced status code class.subject.detail,
// and a reply code followed by SP, "-" or the end, each standing alone) and
// the same two patterns as std::regex. Each row returns the enhanced status
// code's key, or the reply code when there is no enhanced code, or -1.
// find_codes also weighs context (it prefers codes quoted by the server over
// the rest of the text), so its answer differs from the extractor's on some
// lines; the "agrees" column says on how many.
#include <regex>

#include "harness.hpp"

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word_char(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The number of 1 to 3 digits at text[pos], or 0 if there are none or more.
std::size_t part_at(std::string_view text, std::size_t pos, unsigned& value) {
  std::size_t length = 0;
  value = 0;
  while (pos + length < text.size() && length < 4 && is_digit(text[pos + length])) {
    value = value * 10 + static_cast<unsigned>(text[pos + length] - '0');
    ++length;
  }
  return length <= 3 ? length : 0;
}

long status_at(std::string_view text, std::size_t i) {
  if (text[i] != '2' && text[i] != '4' && text[i] != '5') return -1;
  std::size_t pos = i + 1;
  unsigned subject = 0, detail = 0;
  if (pos >= text.size() || text[pos] != '.') return -1;
  const std::size_t subject_length = part_at(text, ++pos, subject);
  if (subject_length == 0) return -1;
  pos += subject_length;
  if (pos >= text.size() || text[pos] != '.') return -1;
  const std::size_t detail_length = part_at(text, ++pos, detail);
  if (detail_length == 0) return -1;
  pos += detail_length;
  // Not part of something longer: a word, or a fourth number (an IP address).
  if (pos < text.size() && (is_word_char(text[pos]) || (text[pos] == '.' && pos + 1 < text.size() &&
                                                         is_digit(text[pos + 1])))) {
    return -1;
  }
  return static_cast<long>(text[i] - '0') * 1000000 + subject * 1000 + detail;
}

long reply_at(std::string_view text, std::size_t i) {
  if (i + 3 > text.size() || text[i] < '2' || text[i] > '5' || text[i + 1] < '0' || text[i + 1] > '5' ||
      !is_digit(text[i + 2])) {
    return -1;
  }
  if (i + 3 < text.size() && text[i + 3] != ' ' && text[i + 3] != '-') return -1;
  return (text[i] - '0') * 100 + (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
}

long hand_extractor(std::string_view text) {
  long reply = -1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '2' || text[i] > '5') continue;
    if (i > 0 && (is_word_char(text[i - 1]) || text[i - 1] == '.')) continue;
    const long status = status_at(text, i);
    if (status >= 0) return status;
    if (reply < 0) reply = reply_at(text, i);
  }
  return reply;
}

long regex_extractor(std::string_view text) {
  static const std::regex status_pattern("(?:^|[^0-9A-Za-z.])([245])\\.([0-9]{1,3})\\.([0-9]{1,3})(?![0-9A-Za-z]|\\.[0-9])",
                                         std::regex::optimize);
  static const std::regex reply_pattern("(?:^|[^0-9A-Za-z.])([2-5][0-5][0-9])(?=[ -]|$)", std::regex::optimize);
  std::cmatch match;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto number = [](const std::csub_match& digits) {
    long value = 0;
    for (const char* p = digits.first; p != digits.second; ++p) value = value * 10 + (*p - '0');
    return value;
  };
  if (std::regex_search(first, last, match, status_pattern)) {
    return number(match[1]) * 1000000 + number(match[2]) * 1000 + number(match[3]);
  }
  if (std::regex_search(first, last, match, reply_pattern)) return number(match[1]);
  return -1;
}

}  // namespace

SMTPCODES_BENCHMARK("find codes in text", "smtpcodes find_codes (heuristic best)", library, diagnostic_lines,
                    [](std::string_view text) -> long {
                      const smtpcodes::FoundCodes found = smtpcodes::find_codes(text);
                      if (found.has_enhanced_status()) return static_cast<long>(found.enhanced_status.key());
                      return found.has_reply_code() ? static_cast<long>(found.reply_code.value()) : -1L;
                    });
SMTPCODES_BENCHMARK("find codes in text", "hand extractor", hand, diagnostic_lines, hand_extractor);
SMTPCODES_BENCHMARK("find codes in text", "std::regex", heavy, diagnostic_lines, regex_extractor);
SMTPCODES_BENCHMARK("find codes in diagnostic texts", "smtpcodes find_codes (heuristic best)", library,
                    diagnostic_texts, [](std::string_view text) -> long {
                      const smtpcodes::FoundCodes found = smtpcodes::find_codes(text);
                      if (found.has_enhanced_status()) return static_cast<long>(found.enhanced_status.key());
                      return found.has_reply_code() ? static_cast<long>(found.reply_code.value()) : -1L;
                    });
SMTPCODES_BENCHMARK("find codes in diagnostic texts", "hand extractor", hand, diagnostic_texts, hand_extractor);
SMTPCODES_BENCHMARK("find codes in diagnostic texts", "std::regex", heavy, diagnostic_texts, regex_extractor);
