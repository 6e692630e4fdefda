#ifndef SMTPCODES_PARSE_ERROR_HPP
#define SMTPCODES_PARSE_ERROR_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/enum_names.hpp>

namespace smtpcodes {
inline namespace v0 {

// What a parser found wrong. Every kind has a short identifier (name) and a
// sentence for people (message); the offset in ParseError says where.
enum class ParseErrorKind : std::uint8_t {
  empty_input = 1,
  too_short,             // the input ended before the code was complete
  not_a_digit,           // a digit was required here
  too_many_digits,       // a reply code has 3 digits, a status part 1 to 3
  invalid_first_digit,   // RFC 5321 §4.2: the first digit must be 2 to 5
  invalid_second_digit,  // RFC 5321 §4.2: the second digit must be 0 to 5
  invalid_separator,     // after a reply code: SP, "-" or the end of the line
  invalid_class,         // RFC 3463 §2: the class must be 2, 4 or 5
  missing_dot,           // RFC 3463 §2: class "." subject "." detail
  leading_zero,          // RFC 3463 §2: sub-codes have no leading zeros
  trailing_characters,   // something follows a complete code
  value_out_of_range,    // a number that cannot be a code of this kind
};

// Parsers follow the RFC grammars exactly unless asked to be lenient. Each
// leniency is listed at the parser that grants it.
enum class ParseMode : std::uint8_t { strict, lenient };

[[nodiscard]] constexpr std::string_view name(ParseMode mode) noexcept {
  return detail::nth_name(static_cast<std::size_t>(mode),
                          "strict\0"
                          "lenient\0");
}

struct ParseError {
  ParseErrorKind kind{ParseErrorKind::empty_input};
  std::size_t offset{0};  // of the offending byte, or the input's size at its end

  friend constexpr bool operator==(const ParseError& a, const ParseError& b) noexcept {
    return a.kind == b.kind && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const ParseError& a, const ParseError& b) noexcept { return !(a == b); }
};

// The identifier of a kind, e.g. "too_many_digits"; stable, for logs and JSON.
[[nodiscard]] constexpr std::string_view name(ParseErrorKind kind) noexcept {
  switch (kind) {
    case ParseErrorKind::empty_input: return "empty_input";
    case ParseErrorKind::too_short: return "too_short";
    case ParseErrorKind::not_a_digit: return "not_a_digit";
    case ParseErrorKind::too_many_digits: return "too_many_digits";
    case ParseErrorKind::invalid_first_digit: return "invalid_first_digit";
    case ParseErrorKind::invalid_second_digit: return "invalid_second_digit";
    case ParseErrorKind::invalid_separator: return "invalid_separator";
    case ParseErrorKind::invalid_class: return "invalid_class";
    case ParseErrorKind::missing_dot: return "missing_dot";
    case ParseErrorKind::leading_zero: return "leading_zero";
    case ParseErrorKind::trailing_characters: return "trailing_characters";
    case ParseErrorKind::value_out_of_range: return "value_out_of_range";
  }
  return "unknown_error";
}

// A sentence that explains a kind to a person.
[[nodiscard]] constexpr std::string_view message(ParseErrorKind kind) noexcept {
  switch (kind) {
    case ParseErrorKind::empty_input: return "the input is empty";
    case ParseErrorKind::too_short: return "the input ends before the code is complete";
    case ParseErrorKind::not_a_digit: return "expected a digit";
    case ParseErrorKind::too_many_digits:
      return "too many digits: a reply code has three, each part of an enhanced status code one to three";
    case ParseErrorKind::invalid_first_digit:
      return "the first digit of a reply code must be 2, 3, 4 or 5 (RFC 5321 section 4.2)";
    case ParseErrorKind::invalid_second_digit:
      return "the second digit of a reply code must be 0 to 5 (RFC 5321 section 4.2)";
    case ParseErrorKind::invalid_separator:
      return "a reply code must be followed by a space, a hyphen or the end of the line";
    case ParseErrorKind::invalid_class:
      return "the class of an enhanced status code must be 2, 4 or 5 (RFC 3463 section 2)";
    case ParseErrorKind::missing_dot: return "expected '.' between the class, subject and detail (RFC 3463 section 2)";
    case ParseErrorKind::leading_zero: return "subject and detail must not have leading zeros (RFC 3463 section 2)";
    case ParseErrorKind::trailing_characters: return "unexpected characters after the code";
    case ParseErrorKind::value_out_of_range: return "the number is out of range for this kind of code";
  }
  return "unknown error";
}

[[nodiscard]] constexpr std::string_view message(const ParseError& error) noexcept { return message(error.kind); }

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_PARSE_ERROR_HPP
