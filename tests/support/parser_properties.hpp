#ifndef SMTPCODES_TESTS_SUPPORT_PARSER_PROPERTIES_HPP
#define SMTPCODES_TESTS_SUPPORT_PARSER_PROPERTIES_HPP

// What must hold for every input of each parser, checked the same way by the
// differential tests (tests/robustness/differential.cpp) and the fuzzers (fuzz/targets).
// Each check returns nullptr when all is well, or the property that failed.

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

#include "rfc_oracle.hpp"

namespace smtpcodes_properties {

using smtpcodes::ParseError;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;
using smtpcodes_oracle::Verdict;

// Properties every error shares, whatever the parser.
inline const char* check_error(const ParseError& error, std::string_view input) {
  if (error.offset > input.size()) return "the error offset is past the end of the input";
  if (smtpcodes::name(error.kind) == "unknown_error") return "the error kind has no name";
  if ((error.kind == ParseErrorKind::empty_input) != input.empty()) {
    return "empty_input is reported exactly for an empty input";
  }
  if (error.kind == ParseErrorKind::too_short && error.offset != input.size()) {
    return "too_short points at the end of the input";
  }
  return nullptr;
}

// to_chars into an empty buffer, one a byte too small, and one just big
// enough: too small gets nullptr and no write; big enough gets the text. The
// bytes after what it reports are a canary that must stay untouched.
template <class T>
const char* check_to_chars(T value) {
  const auto text = smtpcodes::to_string(value);
  for (const std::size_t size : {std::size_t{0}, text.size() - 1, text.size()}) {
    char memory[T::max_chars + 8];
    std::fill(std::begin(memory), std::end(memory), '#');
    char* const end = smtpcodes::to_chars(memory, memory + size, value);
    const bool fits = size >= text.size();
    if (fits ? end != memory + text.size() || std::string_view(memory, text.size()) != text.view() : end != nullptr) {
      return "to_chars does not respect its buffer";
    }
    if (std::any_of(memory + (fits ? text.size() : 0), std::end(memory), [](char c) { return c != '#'; })) {
      return "to_chars writes outside what it reports";
    }
  }
  return nullptr;
}

template <class T>
bool same(const smtpcodes::Result<T>& a, const smtpcodes::Result<T>& b) {
  return a.has_value() == b.has_value() && (a.has_value() ? *a == *b : a.error() == b.error());
}

inline const char* check_reply_line(std::string_view input, ParseMode mode) {
  const bool lenient = mode == ParseMode::lenient;
  const auto parsed = smtpcodes::parse_reply(input, mode);
  std::size_t end = 0;
  const auto scanned = smtpcodes::detail::scan_reply_code(input, mode, end);
  if (!same(parsed, scanned)) return "parse_reply and scan_reply_code disagree";

  const smtpcodes_oracle::Outcome oracle = smtpcodes_oracle::reply_line_start(input, lenient);
  if (parsed.has_value() != (oracle.verdict == Verdict::accepted)) return "the RFC 5321 oracle disagrees on acceptance";
  if (!parsed) {
    if (parsed.error().offset > oracle.stop) return "the error is reported after the byte that made the input invalid";
    return check_error(parsed.error(), input);
  }

  const smtpcodes::ReplyCode code = *parsed;
  if (end != 3) return "scan_reply_code's end is not just past the three digits";
  if (code.value() != oracle.numbers[0]) return "the RFC 5321 oracle reads another number";
  if (code.value() < 100 || code.value() > 999) return "a reply code outside 100..999";
  if (smtpcodes::to_string(code).view() != input.substr(0, 3)) return "to_string does not give back the digits read";
  if (!(smtpcodes::ReplyCode::from_value(code.value()) == code)) return "from_value disagrees with the parser";
  if (!lenient && !code.is_standard()) return "strict parsing accepted a non-standard code";
  return check_to_chars(code);
}

inline const char* check_reply_line(std::string_view input) {
  if (const char* failure = check_reply_line(input, ParseMode::strict)) return failure;
  if (const char* failure = check_reply_line(input, ParseMode::lenient)) return failure;
  const auto strict = smtpcodes::parse_reply(input, ParseMode::strict);
  if (strict && !(smtpcodes::parse_reply(input, ParseMode::lenient) == *strict)) {
    return "strict acceptance without lenient acceptance of the same code";
  }
  return nullptr;
}

inline const char* check_enhanced_status(std::string_view input, ParseMode mode) {
  const bool lenient = mode == ParseMode::lenient;
  const auto parsed = smtpcodes::parse_enhanced_status(input, mode);
  std::size_t end = 0;
  const auto scanned = smtpcodes::detail::scan_enhanced_status(input, mode, end);

  // The whole-input parser is the scanner plus "nothing after the code".
  if (scanned) {
    if (end > input.size()) return "scan_enhanced_status's end is past the input";
    if (!same(smtpcodes::parse_enhanced_status(input.substr(0, end), mode), scanned)) {
      return "the scanned prefix does not parse to the scanned value";
    }
    if (end == input.size() ? !same(parsed, scanned)
                            : !(parsed == ParseError{ParseErrorKind::trailing_characters, end})) {
      return "parse_enhanced_status is not scan_enhanced_status plus the end check";
    }
  } else if (!same(parsed, scanned)) {
    return "parse_enhanced_status and scan_enhanced_status disagree on an error";
  }

  const smtpcodes_oracle::Outcome oracle = smtpcodes_oracle::enhanced_status(input, lenient);
  if (parsed.has_value() != (oracle.verdict == Verdict::accepted)) return "the RFC 3463 oracle disagrees on acceptance";
  if (!parsed) {
    if (parsed.error().offset > oracle.stop) return "the error is reported after the byte that made the input invalid";
    return check_error(parsed.error(), input);
  }

  const smtpcodes::EnhancedStatus status = *parsed;
  if (status.class_digit() != oracle.numbers[0] || status.subject_number() != oracle.numbers[1] ||
      status.detail() != oracle.numbers[2]) {
    return "the RFC 3463 oracle reads other numbers";
  }
  if (!(smtpcodes::EnhancedStatus::from_parts(status.class_digit(), status.subject_number(), status.detail()) ==
        status)) {
    return "from_parts disagrees with the parser";
  }
  const auto text = smtpcodes::to_string(status);
  if (!lenient && text.view() != input) return "a strictly parsed code does not print back as its input";
  if (!(smtpcodes::parse_enhanced_status(text.view()) == status)) return "the printed code does not parse strictly";
  return check_to_chars(status);
}

inline const char* check_enhanced_status(std::string_view input) {
  if (const char* failure = check_enhanced_status(input, ParseMode::strict)) return failure;
  if (const char* failure = check_enhanced_status(input, ParseMode::lenient)) return failure;
  const auto strict = smtpcodes::parse_enhanced_status(input, ParseMode::strict);
  if (strict && !(smtpcodes::parse_enhanced_status(input, ParseMode::lenient) == *strict)) {
    return "strict acceptance without lenient acceptance of the same code";
  }
  return nullptr;
}

}  // namespace smtpcodes_properties

#endif  // SMTPCODES_TESTS_SUPPORT_PARSER_PROPERTIES_HPP
