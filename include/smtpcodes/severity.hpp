#ifndef SMTPCODES_SEVERITY_HPP
#define SMTPCODES_SEVERITY_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/enum_names.hpp>

namespace smtpcodes {
inline namespace v0 {

// The first digit of a reply code (RFC 5321 §4.2.1). The underlying value is
// the digit itself; a non-standard code keeps its digit (0, 6 to 9), which
// has no enumerator and is named "undefined".
enum class Severity : std::uint8_t {
  positive_preliminary = 1,   // 1yz: defined by RFC 5321, used by no SMTP command
  positive_completion = 2,    // 2yz
  positive_intermediate = 3,  // 3yz
  transient_negative = 4,     // 4yz: the same command may succeed later
  permanent_negative = 5,     // 5yz: do not repeat the same command unchanged
};

// The identifier of a severity, "permanent_negative"; "undefined" for a digit
// without an enumerator.
[[nodiscard]] constexpr std::string_view name(Severity severity) noexcept {
  // Severity{0} wraps around past the end: "undefined".
  return detail::nth_name(static_cast<std::size_t>(severity) - 1,
                          "positive_preliminary\0"
                          "positive_completion\0"
                          "positive_intermediate\0"
                          "transient_negative\0"
                          "permanent_negative\0");
}

// RFC 5321's words for it, "Permanent Negative Completion reply".
[[nodiscard]] constexpr std::string_view title(Severity severity) noexcept {
  // Severity{0} wraps around past the end: "undefined".
  return detail::nth_name(static_cast<std::size_t>(severity) - 1,
                          "Positive Preliminary reply\0"
                          "Positive Completion reply\0"
                          "Positive Intermediate reply\0"
                          "Transient Negative Completion reply\0"
                          "Permanent Negative Completion reply\0");
}

// True for the digits RFC 5321 §4.2.1 names (1 to 5).
[[nodiscard]] constexpr bool is_defined(Severity severity) noexcept {
  const auto digit = static_cast<std::uint8_t>(severity);
  return digit >= 1 && digit <= 5;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_SEVERITY_HPP
