#ifndef SMTPCODES_LITERALS_HPP
#define SMTPCODES_LITERALS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/config.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

template <char... Chars>
constexpr bool is_reply_code_literal() noexcept {
  constexpr char chars[] = {Chars...};
  if (sizeof...(Chars) != 3 || chars[0] == '0') return false;
  for (char c : chars) {
    if (!is_digit(c)) return false;
  }
  return true;
}

template <char... Chars>
constexpr std::uint16_t literal_value() noexcept {
  std::uint16_t value = 0;
  for (char c : {Chars...}) value = static_cast<std::uint16_t>(value * 10 + digit_value(c));
  return value;
}

// Not constexpr on purpose: reaching it in a constant evaluation is the
// compile error for a bad literal, and its name says why. At run time (only
// possible before C++20) it throws BadResultAccess like Result::value().
[[noreturn]] inline void invalid_enhanced_status_literal() { throw_bad_result_access(); }

}  // namespace detail

inline namespace literals {

// 550_reply. Any three-digit code 100 to 999 is accepted, since vendor codes
// such as 571 are compared against in practice; is_standard() tells them
// apart. Anything else (55_reply, 5500_reply, 0x226_reply) does not compile,
// in every language version.
template <char... Chars>
constexpr ReplyCode operator""_reply() noexcept {
  static_assert(detail::is_reply_code_literal<Chars...>(),
                "a reply code literal is a three-digit decimal number from 100 to 999");
  return detail::make_reply_code(detail::literal_value<Chars...>());
}

// "5.1.1"_status, parsed strictly (RFC 3463). Under C++20 a bad code is a
// compile error; under C++17 it is one wherever the literal is used in a
// constant expression.
SMTPCODES_CONSTEVAL EnhancedStatus operator""_status(const char* text, std::size_t size) {
  const Result<EnhancedStatus> status = parse_enhanced_status(std::string_view(text, size));
  if (!status) detail::invalid_enhanced_status_literal();
  return *status;
}

}  // namespace literals
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_LITERALS_HPP
