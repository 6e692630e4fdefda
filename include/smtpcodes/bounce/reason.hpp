#ifndef SMTPCODES_BOUNCE_REASON_HPP
#define SMTPCODES_BOUNCE_REASON_HPP

// Why a message was not delivered: the taxonomy of bounce reasons, their
// identifiers, and the name Sisimai gives each one, so that Sisimai users
// can compare verdicts (docs/bounces.md, "Sisimai names").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/registry/retry.hpp>

namespace smtpcodes {
inline namespace v0 {

// Why a message was not delivered (or what else the notice is): the
// registry's FailureReason, so that the classifier and the registry's retry
// rules speak of the same reasons (registry/retry.hpp has the enumerators
// and name()).
using BounceReason = FailureReason;

inline constexpr std::size_t bounce_reason_count = static_cast<std::size_t>(FailureReason::syntax_error) + 1;

// The reason's name in Sisimai 5 (lib/Sisimai/Reason/*.pm: one module per
// reason), one to one. Sisimai splits some of ours further (exceedlimit
// beside mesgtoobig, toomanyconn beside speeding, badreputation and
// policyviolation beside blocked, filtered and contenterror beside
// spamdetected); each of ours maps to the Sisimai reason closest to its own
// definition. The table is in docs/bounces.md.
[[nodiscard]] constexpr std::string_view sisimai_reason(BounceReason reason) noexcept {
  switch (reason) {
    case BounceReason::delivered: return "delivered";
    case BounceReason::auto_reply: return "vacation";
    case BounceReason::feedback_report: return "feedback";
    case BounceReason::unknown_recipient: return "userunknown";
    case BounceReason::unknown_domain: return "hostunknown";
    case BounceReason::no_mail_domain: return "notaccept";
    case BounceReason::mailbox_full: return "mailboxfull";
    case BounceReason::mailbox_disabled: return "suspend";
    case BounceReason::mailbox_moved: return "hasmoved";
    case BounceReason::message_too_large: return "mesgtoobig";
    case BounceReason::rate_limited: return "speeding";
    case BounceReason::spam_or_content: return "spamdetected";
    case BounceReason::virus: return "virusdetected";
    case BounceReason::blocked: return "blocked";
    case BounceReason::sender_rejected: return "rejected";
    case BounceReason::reverse_dns: return "requireptr";
    case BounceReason::authentication: return "authfailure";
    case BounceReason::relay_denied: return "norelaying";
    case BounceReason::tls: return "failedstarttls";
    case BounceReason::expired: return "expired";
    case BounceReason::network_error: return "networkerror";
    case BounceReason::system_error: return "systemerror";
    case BounceReason::syntax_error: return "syntaxerror";
    case BounceReason::unknown: break;
  }
  return "undefined";
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_REASON_HPP
