#ifndef SMTPCODES_REGISTRY_DERIVED_REPLY_HPP
#define SMTPCODES_REGISTRY_DERIVED_REPLY_HPP

#include <cstddef>

#include <smtpcodes/registry/consistency.hpp>
#include <smtpcodes/wire/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

// Gives a reply that carries no enhanced status code the one the registry
// assumes for its reply code (derive_enhanced_status), marked
// EnhancedStatusSource::derived. A code the server sent is never replaced.
// Returns the rule that applied, or DerivationRule::none when nothing was
// derived (a code was given, or the reply code has no derivation: 1yz, 3yz).
template <std::size_t MaxLines>
constexpr DerivationRule add_derived_enhanced_status(BasicReply<MaxLines>& reply) noexcept {
  if (reply.has_enhanced_status()) return DerivationRule::none;
  const DerivedStatus derived = derive_enhanced_status(reply.code());
  if (derived.has_value()) reply.set_derived_enhanced_status(derived.status);
  return derived.rule;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_DERIVED_REPLY_HPP
