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
  // ParseErrorKind{0} wraps around past the end.
  return detail::nth_name(static_cast<std::size_t>(kind) - 1,
                          "empty_input\0"
                          "too_short\0"
                          "not_a_digit\0"
                          "too_many_digits\0"
                          "invalid_first_digit\0"
                          "invalid_second_digit\0"
                          "invalid_separator\0"
                          "invalid_class\0"
                          "missing_dot\0"
                          "leading_zero\0"
                          "trailing_characters\0"
                          "value_out_of_range\0",
                          "unknown_error");
}

// A sentence that explains a kind to a person.
[[nodiscard]] constexpr std::string_view message(ParseErrorKind kind) noexcept {
  // ParseErrorKind{0} wraps around past the end.
  return detail::nth_name(static_cast<std::size_t>(kind) - 1,
                          "the input is empty\0"
                          "the input ends before the code is complete\0"
                          "expected a digit\0"
                          "too many digits: a reply code has three, each part of an enhanced status code one to three\0"
                          "the first digit of a reply code must be 2, 3, 4 or 5 (RFC 5321 section 4.2)\0"
                          "the second digit of a reply code must be 0 to 5 (RFC 5321 section 4.2)\0"
                          "a reply code must be followed by a space, a hyphen or the end of the line\0"
                          "the class of an enhanced status code must be 2, 4 or 5 (RFC 3463 section 2)\0"
                          "expected '.' between the class, subject and detail (RFC 3463 section 2)\0"
                          "subject and detail must not have leading zeros (RFC 3463 section 2)\0"
                          "unexpected characters after the code\0"
                          "the number is out of range for this kind of code\0",
                          "unknown error");
}

[[nodiscard]] constexpr std::string_view message(const ParseError& error) noexcept { return message(error.kind); }

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_PARSE_ERROR_HPP
