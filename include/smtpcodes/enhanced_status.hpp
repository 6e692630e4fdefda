#ifndef SMTPCODES_ENHANCED_STATUS_HPP
#define SMTPCODES_ENHANCED_STATUS_HPP

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

// The class of an enhanced status code (RFC 3463 §3.1); the value is the digit.
enum class StatusClass : std::uint8_t {
  success = 2,
  persistent_transient_failure = 4,
  permanent_failure = 5,
};

[[nodiscard]] constexpr std::string_view name(StatusClass status_class) noexcept {
  // Class 3 has no enumerator (a placeholder keeps the list indexed by the
  // digit); digits below 2 wrap around past the end.
  return detail::nth_name(static_cast<std::size_t>(status_class) - 2,
                          "success\0"
                          "undefined\0"
                          "persistent_transient_failure\0"
                          "permanent_failure\0");
}

// RFC 3463 §3.1's title, "Permanent Failure".
[[nodiscard]] constexpr std::string_view title(StatusClass status_class) noexcept {
  return detail::nth_name(static_cast<std::size_t>(status_class) - 2,
                          "Success\0"
                          "undefined\0"
                          "Persistent Transient Failure\0"
                          "Permanent Failure\0");
}

// The subject of an enhanced status code (RFC 3463 §3.2 to §3.9). The value
// is the number; subjects 8 to 999 are kept as numbers and are "undefined".
enum class Subject : std::uint16_t {
  other_or_undefined = 0,
  addressing = 1,
  mailbox = 2,
  mail_system = 3,
  network_and_routing = 4,
  mail_delivery_protocol = 5,
  message_content_or_media = 6,
  security_or_policy = 7,
};

// True for the class digits RFC 3463 §3.1 defines (2, 4 and 5).
[[nodiscard]] constexpr bool is_defined(StatusClass status_class) noexcept {
  const auto digit = static_cast<std::uint8_t>(status_class);
  return digit == 2 || digit == 4 || digit == 5;
}

[[nodiscard]] constexpr std::string_view name(Subject subject) noexcept {
  return detail::nth_name(static_cast<std::size_t>(subject),
                          "other_or_undefined\0"
                          "addressing\0"
                          "mailbox\0"
                          "mail_system\0"
                          "network_and_routing\0"
                          "mail_delivery_protocol\0"
                          "message_content_or_media\0"
                          "security_or_policy\0");
}

// RFC 3463's section title, "Addressing Status".
[[nodiscard]] constexpr std::string_view title(Subject subject) noexcept {
  return detail::nth_name(static_cast<std::size_t>(subject),
                          "Other or Undefined Status\0"
                          "Addressing Status\0"
                          "Mailbox Status\0"
                          "Mail System Status\0"
                          "Network and Routing Status\0"
                          "Mail Delivery Protocol Status\0"
                          "Message Content or Media Status\0"
                          "Security or Policy Status\0");
}

[[nodiscard]] constexpr bool is_defined(Subject subject) noexcept { return static_cast<std::uint16_t>(subject) <= 7; }

namespace detail {
struct EnhancedStatusAccess;
}

// An enhanced mail system status code, class.subject.detail (RFC 3463 §2,
// RFC 5248). The class is 2, 4 or 5; subject and detail are kept exactly,
// 0 to 999, registered or not. A default-constructed value is empty (class 0).
class EnhancedStatus {
 public:
  static constexpr std::size_t max_chars = 9;  // "5.999.999"

  constexpr EnhancedStatus() noexcept = default;

  // The code for the three numbers, or the error a parser would give for them.
  [[nodiscard]] static constexpr Result<EnhancedStatus> from_parts(unsigned status_class, unsigned subject,
                                                                   unsigned detail) noexcept {
    if (status_class != 2 && status_class != 4 && status_class != 5) {
      return ParseError{ParseErrorKind::invalid_class, 0};
    }
    if (subject > 999 || detail > 999) return ParseError{ParseErrorKind::value_out_of_range, 0};
    return EnhancedStatus{static_cast<std::uint8_t>(status_class), static_cast<std::uint16_t>(subject),
                          static_cast<std::uint16_t>(detail)};
  }

  [[nodiscard]] constexpr StatusClass status_class() const noexcept { return static_cast<StatusClass>(class_); }
  [[nodiscard]] constexpr std::uint8_t class_digit() const noexcept { return class_; }
  [[nodiscard]] constexpr Subject subject() const noexcept { return static_cast<Subject>(subject_); }
  [[nodiscard]] constexpr std::uint16_t subject_number() const noexcept { return subject_; }
  [[nodiscard]] constexpr std::uint16_t detail() const noexcept { return detail_; }

  // The reply severity with the same first digit (RFC 3463 §2: the class
  // matches the first digit of the reply code it accompanies).
  [[nodiscard]] constexpr Severity severity() const noexcept { return static_cast<Severity>(class_); }

  [[nodiscard]] constexpr bool is_success() const noexcept { return class_ == 2; }
  [[nodiscard]] constexpr bool is_transient_failure() const noexcept { return class_ == 4; }
  [[nodiscard]] constexpr bool is_permanent_failure() const noexcept { return class_ == 5; }
  [[nodiscard]] constexpr bool is_failure() const noexcept { return class_ == 4 || class_ == 5; }

  // Ordered by class, then subject, then detail, as numbers.
  friend constexpr bool operator==(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() == b.key(); }
  friend constexpr bool operator!=(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() != b.key(); }
  friend constexpr bool operator<(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() < b.key(); }
  friend constexpr bool operator>(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() > b.key(); }
  friend constexpr bool operator<=(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() <= b.key(); }
  friend constexpr bool operator>=(EnhancedStatus a, EnhancedStatus b) noexcept { return a.key() >= b.key(); }

  // class * 10^6 + subject * 10^3 + detail: unique, ordered, and readable
  // (5.7.26 is 5007026). Useful as a hash or a table key.
  [[nodiscard]] constexpr std::uint32_t key() const noexcept {
    return static_cast<std::uint32_t>(class_) * 1000000U + static_cast<std::uint32_t>(subject_) * 1000U +
           static_cast<std::uint32_t>(detail_);
  }

 private:
  constexpr EnhancedStatus(std::uint8_t status_class, std::uint16_t subject, std::uint16_t detail) noexcept
      : subject_(subject), detail_(detail), class_(status_class) {}
  friend struct detail::EnhancedStatusAccess;

  std::uint16_t subject_ = 0;
  std::uint16_t detail_ = 0;
  std::uint8_t class_ = 0;
};

namespace detail {
struct EnhancedStatusAccess {
  static constexpr EnhancedStatus make(std::uint8_t c, std::uint16_t s, std::uint16_t d) noexcept {
    return EnhancedStatus{c, s, d};
  }
};

// For code that has already validated the parts (parsers, literals, tables).
[[nodiscard]] constexpr EnhancedStatus make_enhanced_status(std::uint8_t status_class, std::uint16_t subject,
                                                            std::uint16_t detail) noexcept {
  return EnhancedStatusAccess::make(status_class, subject, detail);
}
}  // namespace detail

// Writes "c.s.d" at first. Returns one past the last character written, or
// nullptr (and writes nothing) if it does not fit or the status is empty.
constexpr char* to_chars(char* first, char* last, EnhancedStatus status) noexcept {
  const std::size_t needed =
      3 + detail::decimal_length(status.subject_number()) + detail::decimal_length(status.detail());
  if (status.class_digit() == 0 || last - first < static_cast<std::ptrdiff_t>(needed)) return nullptr;
  *first++ = static_cast<char>('0' + status.class_digit());
  *first++ = '.';
  first = detail::write_decimal(first, status.subject_number());
  *first++ = '.';
  return detail::write_decimal(first, status.detail());
}

[[nodiscard]] constexpr FixedString<EnhancedStatus::max_chars> to_string(EnhancedStatus status) noexcept {
  FixedString<EnhancedStatus::max_chars> text;
  char buffer[EnhancedStatus::max_chars]{};
  if (char* end = to_chars(buffer, buffer + EnhancedStatus::max_chars, status)) {
    text.append(std::string_view(buffer, static_cast<std::size_t>(end - buffer)));
  }
  return text;
}

namespace detail {

// Reads one subject or detail at text[pos...]: 1*3digit (RFC 3463 §2), no
// leading zero unless lenient. Advances pos past the digits. Written out
// digit by digit rather than as a loop: this is the parser's inner loop, and
// a part has at most three digits.
constexpr ParseErrorKind scan_status_part(std::string_view text, std::size_t& pos, ParseMode mode,
                                          std::uint16_t& value) noexcept {
  const std::size_t start = pos;
  if (pos == text.size()) return ParseErrorKind::too_short;
  if (!is_digit(text[pos])) return ParseErrorKind::not_a_digit;
  value = digit_value(text[pos++]);
  if (pos == text.size() || !is_digit(text[pos])) return ParseErrorKind{};
  // A second digit: a leading zero is now certain, and it comes before any
  // excess digit, so it is the error to report.
  if (mode == ParseMode::strict && text[start] == '0') {
    pos = start;
    return ParseErrorKind::leading_zero;
  }
  value = static_cast<std::uint16_t>(value * 10 + digit_value(text[pos++]));
  if (pos < text.size() && is_digit(text[pos])) {
    value = static_cast<std::uint16_t>(value * 10 + digit_value(text[pos++]));
    if (pos < text.size() && is_digit(text[pos])) return ParseErrorKind::too_many_digits;
  }
  return ParseErrorKind{};
}

// The scanner behind scan_enhanced_status and parse_enhanced_status: reads
// the code at the start of text into status and returns ParseErrorKind{}, or
// returns what is wrong. Either way pos ends at the offset to report: just
// past the code, or the offending byte. Errors travel as a kind and an offset
// so that each caller builds its Result once, at the end, which lets the
// compiler keep the whole parse in registers.
constexpr ParseErrorKind scan_enhanced_status_into(std::string_view text, ParseMode mode, std::size_t& pos,
                                                   EnhancedStatus& status) noexcept {
  pos = 0;
  if (text.empty()) return ParseErrorKind::empty_input;
  const char class_char = text[0];
  if (!is_digit(class_char)) return ParseErrorKind::not_a_digit;
  if (class_char != '2' && class_char != '4' && class_char != '5') return ParseErrorKind::invalid_class;
  pos = 1;
  std::uint16_t parts[2]{};
  for (std::uint16_t& part : parts) {
    if (pos == text.size()) return ParseErrorKind::too_short;
    if (text[pos] != '.') return is_digit(text[pos]) ? ParseErrorKind::too_many_digits : ParseErrorKind::missing_dot;
    ++pos;
    const ParseErrorKind kind = scan_status_part(text, pos, mode, part);
    if (kind != ParseErrorKind{}) return kind;
  }
  status = make_enhanced_status(static_cast<std::uint8_t>(class_char - '0'), parts[0], parts[1]);
  return ParseErrorKind{};
}

// Reads the enhanced status code at the start of text. On success `end` is
// the offset just past it; what follows is the caller's business.
[[nodiscard]] constexpr Result<EnhancedStatus> scan_enhanced_status(std::string_view text, ParseMode mode,
                                                                    std::size_t& end) noexcept {
  std::size_t pos = 0;
  EnhancedStatus status;
  const ParseErrorKind kind = scan_enhanced_status_into(text, mode, pos, status);
  if (kind != ParseErrorKind{}) return ParseError{kind, pos};
  end = pos;
  return status;
}

}  // namespace detail

// Parses a whole enhanced status code: "5.1.1", "4.7.606".
//
// Strict (RFC 3463 §2): class "." subject "." detail, the class 2, 4 or 5,
// subject and detail 1 to 3 digits without leading zeros, nothing after.
// Lenient: leading zeros are accepted ("5.01.001" is 5.1.1), since some
// systems zero-pad.
[[nodiscard]] constexpr Result<EnhancedStatus> parse_enhanced_status(std::string_view text,
                                                                     ParseMode mode = ParseMode::strict) noexcept {
  std::size_t pos = 0;
  EnhancedStatus status;
  ParseErrorKind kind = detail::scan_enhanced_status_into(text, mode, pos, status);
  if (kind == ParseErrorKind{} && pos != text.size()) kind = ParseErrorKind::trailing_characters;
  if (kind != ParseErrorKind{}) return ParseError{kind, pos};
  return status;
}

// Reads the enhanced status code at the start of a longer text ("5.1.1 User
// unknown"), with the rules of parse_enhanced_status except that anything may
// follow, and says where the code ends. Whether what follows is allowed
// (a space, the end of the line) is the caller's rule.
[[nodiscard]] constexpr Result<ParsedPrefix<EnhancedStatus>> parse_enhanced_status_prefix(
    std::string_view text, ParseMode mode = ParseMode::strict) noexcept {
  std::size_t pos = 0;
  EnhancedStatus status;
  const ParseErrorKind kind = detail::scan_enhanced_status_into(text, mode, pos, status);
  if (kind != ParseErrorKind{}) return ParseError{kind, pos};
  return ParsedPrefix<EnhancedStatus>{status, pos};
}

}  // namespace v0
}  // namespace smtpcodes

namespace std {
template <>
struct hash<smtpcodes::EnhancedStatus> {
  std::size_t operator()(smtpcodes::EnhancedStatus status) const noexcept { return status.key(); }
};
}  // namespace std

#endif  // SMTPCODES_ENHANCED_STATUS_HPP
