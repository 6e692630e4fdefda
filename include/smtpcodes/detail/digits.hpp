#ifndef SMTPCODES_DETAIL_DIGITS_HPP
#define SMTPCODES_DETAIL_DIGITS_HPP

#include <cstddef>
#include <cstdint>

namespace smtpcodes {
inline namespace v0 {
namespace detail {

// <cctype> is locale-dependent and not constexpr; the RFC grammars are ASCII.
[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

[[nodiscard]] constexpr std::uint16_t digit_value(char c) noexcept { return static_cast<std::uint16_t>(c - '0'); }

// Writes the decimal digits of value (0 to 999) at out; returns one past them.
constexpr char* write_decimal(char* out, std::uint16_t value) noexcept {
  if (value >= 100) *out++ = static_cast<char>('0' + value / 100);
  if (value >= 10) *out++ = static_cast<char>('0' + value / 10 % 10);
  *out++ = static_cast<char>('0' + value % 10);
  return out;
}

[[nodiscard]] constexpr std::size_t decimal_length(std::uint16_t value) noexcept {
  return value >= 100 ? 3 : value >= 10 ? 2 : 1;
}

}  // namespace detail
}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_DETAIL_DIGITS_HPP
