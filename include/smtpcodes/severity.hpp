#ifndef SMTPCODES_SEVERITY_HPP
#define SMTPCODES_SEVERITY_HPP

#include <cstdint>
#include <string_view>

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
  switch (severity) {
    case Severity::positive_preliminary: return "positive_preliminary";
    case Severity::positive_completion: return "positive_completion";
    case Severity::positive_intermediate: return "positive_intermediate";
    case Severity::transient_negative: return "transient_negative";
    case Severity::permanent_negative: return "permanent_negative";
  }
  return "undefined";
}

// RFC 5321's words for it, "Permanent Negative Completion reply".
[[nodiscard]] constexpr std::string_view title(Severity severity) noexcept {
  switch (severity) {
    case Severity::positive_preliminary: return "Positive Preliminary reply";
    case Severity::positive_completion: return "Positive Completion reply";
    case Severity::positive_intermediate: return "Positive Intermediate reply";
    case Severity::transient_negative: return "Transient Negative Completion reply";
    case Severity::permanent_negative: return "Permanent Negative Completion reply";
  }
  return "undefined";
}

// True for the digits RFC 5321 §4.2.1 names (1 to 5).
[[nodiscard]] constexpr bool is_defined(Severity severity) noexcept {
  const auto digit = static_cast<std::uint8_t>(severity);
  return digit >= 1 && digit <= 5;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_SEVERITY_HPP
