#ifndef SMTPCODES_REGISTRY_CONSISTENCY_HPP
#define SMTPCODES_REGISTRY_CONSISTENCY_HPP

// Whether a reply code and an enhanced status code belong together, and which
// enhanced code to assume when a server sent none.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/enum_names.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

// Whether the IANA registry lists a reply code with an enhanced code.
enum class Association : std::uint8_t {
  listed = 0,        // the code, its class ("5XX") or "Any" is listed
  not_listed = 1,    // the record lists other codes
  none_given = 2,    // the record lists no codes at all
  unregistered = 3,  // the enhanced code is not in the registry
};

[[nodiscard]] constexpr std::string_view name(Association association) noexcept {
  return detail::nth_name(static_cast<std::size_t>(association),
                          "listed\0"
                          "not_listed\0"
                          "none_given\0"
                          "unregistered\0");
}

[[nodiscard]] constexpr std::string_view title(Association association) noexcept {
  return detail::nth_name(static_cast<std::size_t>(association),
                          "listed by the registry\0"
                          "not listed by the registry\0"
                          "registry lists no reply codes\0"
                          "enhanced code not registered\0");
}

struct Consistency {
  // RFC 3463 §2: the class digit equals the reply code's first digit.
  bool class_agrees = false;
  Association association = Association::unregistered;

  // A class mismatch is an error; an unlisted pairing is not (the registry's
  // lists are examples, and RFC 5248 allows other codes of the same class).
  [[nodiscard]] constexpr bool consistent() const noexcept { return class_agrees; }
};

[[nodiscard]] constexpr Association association(ReplyCode reply, EnhancedStatus status) noexcept {
  const EnhancedStatusRecord* record = lookup_enhanced_status(status);
  if (record == nullptr) return Association::unregistered;
  if (record->associated().empty()) return Association::none_given;
  for (const AssociatedReply& associated : record->associated()) {
    if (associated.matches(reply)) return Association::listed;
  }
  return Association::not_listed;
}

[[nodiscard]] constexpr Consistency check_consistency(ReplyCode reply, EnhancedStatus status) noexcept {
  Consistency result;
  result.class_agrees = status.class_digit() != 0 && reply.first_digit() == status.class_digit();
  result.association = association(reply, status);
  return result;
}

// Which rule derive_enhanced_status() applied.
enum class DerivationRule : std::uint8_t {
  registered_pairing = 0,   // the defining RFC pairs the reply with one code (535 -> 5.7.8)
  dotless_vendor_code = 1,  // a vendor code that reads as a dotless enhanced code (571 -> 5.7.1)
  class_default = 2,        // X.0.0 of the reply's class (550 -> 5.0.0)
  none = 3,                 // 1yz and 3yz replies, codes outside 2 to 5: no class to use
};

[[nodiscard]] constexpr std::string_view name(DerivationRule rule) noexcept {
  return detail::nth_name(static_cast<std::size_t>(rule),
                          "registered_pairing\0"
                          "dotless_vendor_code\0"
                          "class_default\0"
                          "none\0");
}

[[nodiscard]] constexpr std::string_view title(DerivationRule rule) noexcept {
  return detail::nth_name(static_cast<std::size_t>(rule),
                          "registered pairing\0"
                          "dotless vendor code\0"
                          "class default\0"
                          "none\0");
}

// An enhanced code assumed, never received: always marked as derived.
struct DerivedStatus {
  EnhancedStatus status;  // empty when rule is none
  DerivationRule rule = DerivationRule::none;

  // Like std::optional's: false when no rule applied (and status is empty).
  [[nodiscard]] constexpr bool has_value() const noexcept { return rule != DerivationRule::none; }
  [[deprecated("always true: a DerivedStatus is derived by definition; use has_value()")]] [[nodiscard]] constexpr bool
  derived() const noexcept {
    return true;
  }
};

// The enhanced code to assume for a reply that carried none. The rules, in order:
// 1. a pairing the defining RFC states and no other meaning of the code
//    contradicts (derivation_pairings(): 235, 432, 521, 530, 534, 535, 538, 556);
// 2. a vendor code (no RFC defines it) whose dotless reading lines up with
//    what the vendor lists say (431 -> 4.3.1, 571 -> 5.7.1);
// 3. otherwise X.0.0 in the reply's class (RFC 3463 §3.1: the class follows
//    the reply's first digit), for 2yz, 4yz and 5yz replies;
// 4. no enhanced code for anything else.
[[nodiscard]] constexpr DerivedStatus derive_enhanced_status(ReplyCode reply) noexcept {
  if (const DerivationPairing* pairing = lookup_derivation_pairing(reply)) {
    return DerivedStatus{pairing->status(), DerivationRule::registered_pairing};
  }
  const ReplyCodeRecord* record = lookup_reply_code(reply);
  const DotlessReading* reading = lookup_dotless_reading(reply);
  if (record != nullptr && record->origin == Origin::vendor && reading != nullptr &&
      reading->fit == DotlessFit::lines_up) {
    return DerivedStatus{reading->status(), DerivationRule::dotless_vendor_code};
  }
  const std::uint8_t digit = reply.first_digit();
  if (digit == 2 || digit == 4 || digit == 5) {
    return DerivedStatus{detail::make_enhanced_status(digit, 0, 0), DerivationRule::class_default};
  }
  return DerivedStatus{};
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_CONSISTENCY_HPP
