// Exhaustive sweeps and malformed neighbours, checked against small models of
// the grammars written straight from RFC 5321 §4.2 and RFC 3463 §2.
#include <doctest/doctest.h>

#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/reply_code.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

using smtpcodes::ParseError;
using smtpcodes::ParseErrorKind;
using smtpcodes::ParseMode;

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool in_range(char c, char low, char high) { return c >= low && c <= high; }

// The model of a reply line's start: the error the grammar implies at the
// first byte that breaks it, or nothing when the input is valid.
std::optional<ParseError> reply_model(std::string_view s, ParseMode mode) {
  const bool strict = mode == ParseMode::strict;
  if (s.empty()) return ParseError{ParseErrorKind::empty_input, 0};
  const char first_low = strict ? '2' : '1';
  const char first_high = strict ? '5' : '9';
  const char second_high = strict ? '5' : '9';
  for (std::size_t i = 0; i < 3; ++i) {
    if (i >= s.size()) return ParseError{ParseErrorKind::too_short, i};
    if (!digit(s[i])) return ParseError{ParseErrorKind::not_a_digit, i};
    if (i == 0 && !in_range(s[0], first_low, first_high)) return ParseError{ParseErrorKind::invalid_first_digit, 0};
    if (i == 1 && !in_range(s[1], '0', second_high)) return ParseError{ParseErrorKind::invalid_second_digit, 1};
  }
  if (s.size() == 3 || s[3] == ' ' || s[3] == '-') return std::nullopt;
  if (s.substr(3, 2) == "\r\n") return std::nullopt;
  if (!strict && (s[3] == '\t' || s[3] == '\n' || s[3] == '\r')) return std::nullopt;
  return ParseError{digit(s[3]) ? ParseErrorKind::too_many_digits : ParseErrorKind::invalid_separator, 3};
}

std::size_t digit_run(std::string_view s, std::size_t from) {
  std::size_t end = from;
  while (end < s.size() && digit(s[end])) ++end;
  return end - from;
}

// The model of RFC 3463's status-code = class "." subject "." detail.
std::optional<ParseError> status_model(std::string_view s, ParseMode mode) {
  if (s.empty()) return ParseError{ParseErrorKind::empty_input, 0};
  if (!digit(s[0])) return ParseError{ParseErrorKind::not_a_digit, 0};
  if (s[0] != '2' && s[0] != '4' && s[0] != '5') return ParseError{ParseErrorKind::invalid_class, 0};
  std::size_t pos = 1;
  for (int part = 0; part < 2; ++part) {
    if (pos == s.size()) return ParseError{ParseErrorKind::too_short, pos};
    if (s[pos] != '.')
      return ParseError{digit(s[pos]) ? ParseErrorKind::too_many_digits : ParseErrorKind::missing_dot, pos};
    ++pos;
    const std::size_t run = digit_run(s, pos);
    if (run == 0) return ParseError{pos == s.size() ? ParseErrorKind::too_short : ParseErrorKind::not_a_digit, pos};
    if (mode == ParseMode::strict && run > 1 && s[pos] == '0') return ParseError{ParseErrorKind::leading_zero, pos};
    if (run > 3) return ParseError{ParseErrorKind::too_many_digits, pos + 3};
    pos += run;
  }
  if (pos != s.size()) return ParseError{ParseErrorKind::trailing_characters, pos};
  return std::nullopt;
}

unsigned number(std::string_view digits) {
  unsigned value = 0;
  for (char c : digits) value = value * 10 + static_cast<unsigned>(c - '0');
  return value;
}

// Checks one input against the models; returns false (and reports) on disagreement.
bool reply_agrees(std::string_view input, ParseMode mode) {
  const auto expected = reply_model(input, mode);
  const auto actual = smtpcodes::parse_reply(input, mode);
  if (expected) {
    if (!actual && actual.error() == *expected) return true;
  } else if (actual && actual->value() == number(input.substr(0, 3))) {
    return true;
  }
  FAIL_CHECK("parse_reply disagrees with the grammar on \"" << std::string(input) << "\"");
  return false;
}

bool status_agrees(std::string_view input, ParseMode mode) {
  const auto expected = status_model(input, mode);
  const auto actual = smtpcodes::parse_enhanced_status(input, mode);
  if (expected) {
    if (!actual && actual.error() == *expected) return true;
  } else if (actual) {
    const std::size_t first_dot = input.find('.', 1) + 1;
    const std::size_t second_dot = input.find('.', first_dot);
    const unsigned subject = number(input.substr(first_dot, second_dot - first_dot));
    const unsigned detail = number(input.substr(second_dot + 1));
    if (actual->class_digit() == number(input.substr(0, 1)) && actual->subject_number() == subject &&
        actual->detail() == detail) {
      return true;
    }
  }
  FAIL_CHECK("parse_enhanced_status disagrees with the grammar on \"" << std::string(input) << "\"");
  return false;
}

// Every input one edit away from `valid`: each byte deleted, doubled, or
// replaced by every byte value.
template <class Check>
void for_each_neighbour(std::string_view valid, Check check) {
  for (std::size_t i = 0; i < valid.size(); ++i) {
    std::string deleted(valid);
    deleted.erase(i, 1);
    check(deleted);
    std::string doubled(valid);
    doubled.insert(i, 1, valid[i]);
    check(doubled);
    for (int byte = 0; byte < 256; ++byte) {
      std::string replaced(valid);
      replaced[i] = static_cast<char>(byte);
      check(replaced);
    }
  }
}

}  // namespace

TEST_CASE("every three-byte input parses as a reply code exactly when the grammar says") {
  for (ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
    std::size_t accepted = 0;
    std::size_t disagreements = 0;
    char input[3];
    for (int a = 0; a < 256; ++a) {
      for (int b = 0; b < 256; ++b) {
        for (int c = 0; c < 256; ++c) {
          input[0] = static_cast<char>(a);
          input[1] = static_cast<char>(b);
          input[2] = static_cast<char>(c);
          const std::string_view text(input, 3);
          const auto expected = reply_model(text, mode);
          const auto actual = smtpcodes::parse_reply(text, mode);
          if (actual) ++accepted;
          const bool same =
              expected ? (!actual && actual.error() == *expected) : (actual && smtpcodes::to_string(*actual) == text);
          if (!same && ++disagreements <= 5) reply_agrees(text, mode);
        }
      }
    }
    CHECK(disagreements == 0);
    // RFC 5321: 4 * 6 * 10 codes; lenient: every code from 100 to 999.
    CHECK(accepted == (mode == ParseMode::strict ? 240U : 900U));
  }
}

TEST_CASE("every byte after a reply code is a separator or an error as the grammar says") {
  for (ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
    for (int byte = 0; byte < 256; ++byte) {
      std::string line = "250";
      line += static_cast<char>(byte);
      reply_agrees(line, mode);
      line += '\n';
      reply_agrees(line, mode);
    }
  }
}

TEST_CASE("every class.subject.detail from 0.0.0 to 9.999.999 parses and round-trips as RFC 3463 says") {
  std::size_t accepted = 0;
  std::size_t disagreements = 0;
  char buffer[16];
  for (unsigned status_class = 0; status_class <= 9; ++status_class) {
    for (unsigned subject = 0; subject <= 999; ++subject) {
      for (unsigned detail = 0; detail <= 999; ++detail) {
        // Written by hand rather than with to_chars, which is under test.
        std::size_t size = 0;
        buffer[size++] = static_cast<char>('0' + status_class);
        buffer[size++] = '.';
        for (unsigned part : {subject, detail}) {
          if (part >= 100) buffer[size++] = static_cast<char>('0' + part / 100);
          if (part >= 10) buffer[size++] = static_cast<char>('0' + part / 10 % 10);
          buffer[size++] = static_cast<char>('0' + part % 10);
          buffer[size++] = '.';
        }
        const std::string_view text(buffer, size - 1);
        const auto status = smtpcodes::parse_enhanced_status(text);
        const bool valid_class = status_class == 2 || status_class == 4 || status_class == 5;
        bool same = false;
        if (valid_class) {
          same = status && status->class_digit() == status_class && status->subject_number() == subject &&
                 status->detail() == detail && smtpcodes::to_string(*status) == text;
          if (status) ++accepted;
        } else {
          same = !status && status.error() == ParseError{ParseErrorKind::invalid_class, 0};
        }
        if (!same && ++disagreements <= 5) status_agrees(text, ParseMode::strict);
      }
    }
  }
  CHECK(disagreements == 0);
  CHECK(accepted == 3U * 1000U * 1000U);
}

TEST_CASE("zero-padded parts are refused when strict and read as numbers when lenient") {
  for (unsigned value = 0; value <= 99; ++value) {
    for (std::string padded : {"0" + std::to_string(value), "00" + std::to_string(value)}) {
      if (padded.size() > 3) continue;
      CAPTURE(padded);
      const std::string as_subject = "5." + padded + ".1";
      const std::string as_detail = "4.1." + padded;
      CHECK(smtpcodes::parse_enhanced_status(as_subject).error() == ParseError{ParseErrorKind::leading_zero, 2});
      CHECK(smtpcodes::parse_enhanced_status(as_detail).error() == ParseError{ParseErrorKind::leading_zero, 4});
      CHECK(smtpcodes::parse_enhanced_status(as_subject, ParseMode::lenient)->subject_number() == value);
      CHECK(smtpcodes::parse_enhanced_status(as_detail, ParseMode::lenient)->detail() == value);
    }
  }
}

TEST_CASE("malformed neighbours of valid reply lines are rejected with the right error") {
  constexpr std::string_view samples[] = {"250", "550 5.1.1 User unknown", "421-Busy", "354\r\n", "221 "};
  for (ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
    for (std::string_view sample : samples) {
      REQUIRE(smtpcodes::parse_reply(sample, mode));
      std::size_t disagreements = 0;
      for_each_neighbour(sample, [&](const std::string& input) {
        if (!reply_agrees(input, mode)) ++disagreements;
      });
      CHECK(disagreements == 0);
    }
  }
}

TEST_CASE("malformed neighbours of valid enhanced status codes are rejected with the right error") {
  constexpr std::string_view samples[] = {"5.1.1", "2.0.0", "4.7.606", "5.999.999", "4.10.20", "5.7.26"};
  for (ParseMode mode : {ParseMode::strict, ParseMode::lenient}) {
    for (std::string_view sample : samples) {
      REQUIRE(smtpcodes::parse_enhanced_status(sample, mode));
      std::size_t disagreements = 0;
      for_each_neighbour(sample, [&](const std::string& input) {
        if (!status_agrees(input, mode)) ++disagreements;
      });
      CHECK(disagreements == 0);
    }
  }
}
