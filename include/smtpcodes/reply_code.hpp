#ifndef SMTPCODES_REPLY_CODE_HPP
#define SMTPCODES_REPLY_CODE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/digits.hpp>
#include <smtpcodes/detail/enum_names.hpp>
#include <smtpcodes/fixed_string.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/result.hpp>
#include <smtpcodes/severity.hpp>

namespace smtpcodes {
inline namespace v0 {

// The second digit of a reply code (RFC 5321 §4.2.1). The underlying value is
// the digit; 6 to 9 occur only in non-standard codes and are "undefined".
enum class Category : std::uint8_t {
  syntax = 0,         // x0z: syntax errors, unimplemented commands
  information = 1,    // x1z: replies to requests for information
  connections = 2,    // x2z: the transmission channel
  unspecified_3 = 3,  // x3z: left unspecified by RFC 5321
  unspecified_4 = 4,  // x4z: left unspecified by RFC 5321
  mail_system = 5,    // x5z: the state of the receiver mail system
};

[[nodiscard]] constexpr std::string_view name(Category category) noexcept {
  return detail::nth_name(static_cast<std::size_t>(category),
                          "syntax\0"
                          "information\0"
                          "connections\0"
                          "unspecified_3\0"
                          "unspecified_4\0"
                          "mail_system\0");
}

// RFC 5321 §4.2.1's heading for it, "Mail system".
[[nodiscard]] constexpr std::string_view title(Category category) noexcept {
  return detail::nth_name(static_cast<std::size_t>(category),
                          "Syntax\0"
                          "Information\0"
                          "Connections\0"
                          "Unspecified\0"
                          "Unspecified\0"
                          "Mail system\0");
}

[[nodiscard]] constexpr bool is_defined(Category category) noexcept { return static_cast<std::uint8_t>(category) <= 5; }

// A three-digit SMTP reply code (RFC 5321 §4.2). Any number from 100 to 999
// is kept exactly as received, whether RFC 5321's grammar allows it or not:
// is_standard() says which. A default-constructed ReplyCode is empty (value 0).
namespace detail {
struct ReplyCodeAccess;
}

class ReplyCode {
 public:
  static constexpr std::size_t max_chars = 3;

  constexpr ReplyCode() noexcept = default;

  // The code for a number, or value_out_of_range unless 100 <= value <= 999.
  [[nodiscard]] static constexpr Result<ReplyCode> from_value(unsigned value) noexcept {
    if (value < 100 || value > 999) return ParseError{ParseErrorKind::value_out_of_range, 0};
    return ReplyCode{static_cast<std::uint16_t>(value)};
  }

  [[nodiscard]] constexpr std::uint16_t value() const noexcept { return value_; }
  [[nodiscard]] constexpr std::uint8_t first_digit() const noexcept { return static_cast<std::uint8_t>(value_ / 100); }
  [[nodiscard]] constexpr std::uint8_t second_digit() const noexcept {
    return static_cast<std::uint8_t>(value_ / 10 % 10);
  }
  [[nodiscard]] constexpr std::uint8_t third_digit() const noexcept { return static_cast<std::uint8_t>(value_ % 10); }

  [[nodiscard]] constexpr Severity severity() const noexcept { return static_cast<Severity>(first_digit()); }
  [[nodiscard]] constexpr Category category() const noexcept { return static_cast<Category>(second_digit()); }

  [[nodiscard]] constexpr bool is_success() const noexcept { return first_digit() == 2; }
  [[nodiscard]] constexpr bool is_intermediate() const noexcept { return first_digit() == 3; }
  [[nodiscard]] constexpr bool is_transient_failure() const noexcept { return first_digit() == 4; }
  [[nodiscard]] constexpr bool is_permanent_failure() const noexcept { return first_digit() == 5; }
  [[nodiscard]] constexpr bool is_failure() const noexcept { return is_transient_failure() || is_permanent_failure(); }

  // RFC 5321 §4.2: Reply-code = %x32-35 %x30-35 %x30-39.
  [[nodiscard]] constexpr bool is_standard() const noexcept {
    return first_digit() >= 2 && first_digit() <= 5 && second_digit() <= 5;
  }

  friend constexpr bool operator==(ReplyCode a, ReplyCode b) noexcept { return a.value_ == b.value_; }
  friend constexpr bool operator!=(ReplyCode a, ReplyCode b) noexcept { return a.value_ != b.value_; }
  friend constexpr bool operator<(ReplyCode a, ReplyCode b) noexcept { return a.value_ < b.value_; }
  friend constexpr bool operator>(ReplyCode a, ReplyCode b) noexcept { return a.value_ > b.value_; }
  friend constexpr bool operator<=(ReplyCode a, ReplyCode b) noexcept { return a.value_ <= b.value_; }
  friend constexpr bool operator>=(ReplyCode a, ReplyCode b) noexcept { return a.value_ >= b.value_; }

 private:
  constexpr explicit ReplyCode(std::uint16_t value) noexcept : value_(value) {}
  friend struct detail::ReplyCodeAccess;

  std::uint16_t value_ = 0;
};

namespace detail {
struct ReplyCodeAccess {
  static constexpr ReplyCode make(std::uint16_t value) noexcept { return ReplyCode{value}; }
};

// For code that has already validated the number (parsers, literals, tables).
// Precondition: 100 <= value <= 999.
[[nodiscard]] constexpr ReplyCode make_reply_code(std::uint16_t value) noexcept { return ReplyCodeAccess::make(value); }
}  // namespace detail

// Writes the three digits at first. Returns one past the last character
// written, or nullptr (and writes nothing) if fewer than 3 chars fit, or the
// code is empty.
constexpr char* to_chars(char* first, char* last, ReplyCode code) noexcept {
  if (last - first < 3 || code.value() < 100) return nullptr;
  return detail::write_decimal(first, code.value());
}

[[nodiscard]] constexpr FixedString<ReplyCode::max_chars> to_string(ReplyCode code) noexcept {
  FixedString<ReplyCode::max_chars> text;
  char digits[ReplyCode::max_chars]{};
  if (char* end = to_chars(digits, digits + ReplyCode::max_chars, code)) {
    text.append(std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  return text;
}

namespace detail {

// Reads the reply code at the start of text and checks the character after
// it. On success `end` is the offset just past the code; the text after it
// (if any) starts at end + 1 for SP and "-".
[[nodiscard]] constexpr Result<ReplyCode> scan_reply_code(std::string_view text, ParseMode mode,
                                                          std::size_t& end) noexcept {
  if (text.empty()) return ParseError{ParseErrorKind::empty_input, 0};
  std::uint16_t value = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (i == text.size()) return ParseError{ParseErrorKind::too_short, i};
    const char c = text[i];
    if (!is_digit(c)) return ParseError{ParseErrorKind::not_a_digit, i};
    // Lenient mode still needs a three-digit number: no leading '0'.
    if (i == 0 && (mode == ParseMode::strict ? (c < '2' || c > '5') : c == '0')) {
      return ParseError{ParseErrorKind::invalid_first_digit, 0};
    }
    if (i == 1 && mode == ParseMode::strict && c > '5') {
      return ParseError{ParseErrorKind::invalid_second_digit, 1};
    }
    value = static_cast<std::uint16_t>(value * 10 + digit_value(c));
  }
  end = 3;
  if (text.size() == 3) return make_reply_code(value);
  // RFC 5321 §4.2: the code is followed by SP, "-" or the CRLF ending the line.
  const char next = text[3];
  if (next == ' ' || next == '-') return make_reply_code(value);
  if (next == '\r' && text.size() >= 5 && text[4] == '\n') return make_reply_code(value);
  if (mode == ParseMode::lenient && (next == '\t' || next == '\n' || next == '\r')) {
    return make_reply_code(value);
  }
  if (is_digit(next)) return ParseError{ParseErrorKind::too_many_digits, 3};
  return ParseError{ParseErrorKind::invalid_separator, 3};
}

}  // namespace detail

// Reads the reply code at the start of a reply line: "550", "550 text",
// "550-text", "550\r\n". Only the code and the character after it are
// checked; the text belongs to the reply parser.
//
// Strict (RFC 5321 §4.2): three digits %x32-35 %x30-35 %x30-39, then SP, "-",
// CRLF or the end of the input.
// Lenient, for real-world servers and bounce lists:
//  - any three-digit code 100 to 999 (101, 571, 650 ...): check is_standard();
//  - a TAB, a bare LF or a bare CR after the code.
[[nodiscard]] constexpr Result<ReplyCode> parse_reply(std::string_view line,
                                                      ParseMode mode = ParseMode::strict) noexcept {
  std::size_t end = 0;
  return detail::scan_reply_code(line, mode, end);
}

// Reads the reply code at the start of a longer text, with the same rules
// as parse_reply, and says where it ends: the text after "550 " or "550-"
// starts at end + 1.
[[nodiscard]] constexpr Result<ParsedPrefix<ReplyCode>> parse_reply_code_prefix(
    std::string_view text, ParseMode mode = ParseMode::strict) noexcept {
  std::size_t end = 0;
  const Result<ReplyCode> code = detail::scan_reply_code(text, mode, end);
  if (!code) return code.error();
  return ParsedPrefix<ReplyCode>{*code, end};
}

}  // namespace v0
}  // namespace smtpcodes

namespace std {
template <>
struct hash<smtpcodes::ReplyCode> {
  std::size_t operator()(smtpcodes::ReplyCode code) const noexcept { return code.value(); }
};
}  // namespace std

#endif  // SMTPCODES_REPLY_CODE_HPP
