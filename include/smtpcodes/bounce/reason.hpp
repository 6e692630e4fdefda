#ifndef SMTPCODES_BOUNCE_REASON_HPP
#define SMTPCODES_BOUNCE_REASON_HPP

// Why a message was not delivered: the taxonomy of bounce reasons, their
// identifiers, and the name Sisimai gives each one, so that Sisimai users
// can compare verdicts (docs/bounces.md, "Sisimai names").
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace smtpcodes {
inline namespace v0 {

// Why a message was not delivered (or what else the notice is).
enum class BounceReason : std::uint8_t {
  unknown,            // nothing decided it
  delivered,          // a success notice (Action: delivered, relayed, expanded)
  auto_reply,         // vacation or other automatic reply
  feedback_report,    // an abuse/complaint report (RFC 5965)
  unknown_recipient,  // no such user or mailbox
  unknown_domain,     // the domain or host does not exist or cannot be routed to
  no_mail_domain,     // the domain accepts no mail (null MX, RFC 7505; 521/556)
  mailbox_full,       // over quota (X.2.2: usually temporary in practice)
  mailbox_disabled,   // the mailbox exists but is disabled, suspended or inactive
  mailbox_moved,      // the user has moved (X.1.6, 551)
  message_too_large,  // the message, or its recipient count, exceeds a limit
  rate_limited,       // too many messages, connections or recipients for now
  spam_or_content,    // refused for its content: spam, bad attachment, filters
  virus,              // malware found
  blocked,            // policy or block: block lists, reputation, banned sender IP
  sender_rejected,    // the envelope sender address was refused
  reverse_dns,        // the sending host lacks reverse DNS (PTR) or it does not match
  authentication,     // SPF, DKIM, DMARC, ARC or SMTP credentials failed
  relay_denied,       // the server will not relay to that domain
  tls,                // TLS required, or the TLS negotiation failed
  expired,            // gave up after retrying for too long (X.4.7)
  network_error,      // connection refused, timed out, lost; routing loop
  system_error,       // the receiving system failed or is misconfigured
  syntax_error,       // a command, address or message that breaks the protocol
};

inline constexpr std::size_t bounce_reason_count = 24;

[[nodiscard]] constexpr std::string_view name(BounceReason reason) noexcept {
  switch (reason) {
    case BounceReason::delivered: return "delivered";
    case BounceReason::auto_reply: return "auto_reply";
    case BounceReason::feedback_report: return "feedback_report";
    case BounceReason::unknown_recipient: return "unknown_recipient";
    case BounceReason::unknown_domain: return "unknown_domain";
    case BounceReason::no_mail_domain: return "no_mail_domain";
    case BounceReason::mailbox_full: return "mailbox_full";
    case BounceReason::mailbox_disabled: return "mailbox_disabled";
    case BounceReason::mailbox_moved: return "mailbox_moved";
    case BounceReason::message_too_large: return "message_too_large";
    case BounceReason::rate_limited: return "rate_limited";
    case BounceReason::spam_or_content: return "spam_or_content";
    case BounceReason::virus: return "virus";
    case BounceReason::blocked: return "blocked";
    case BounceReason::sender_rejected: return "sender_rejected";
    case BounceReason::reverse_dns: return "reverse_dns";
    case BounceReason::authentication: return "authentication";
    case BounceReason::relay_denied: return "relay_denied";
    case BounceReason::tls: return "tls";
    case BounceReason::expired: return "expired";
    case BounceReason::network_error: return "network_error";
    case BounceReason::system_error: return "system_error";
    case BounceReason::syntax_error: return "syntax_error";
    case BounceReason::unknown: break;
  }
  return "unknown";
}

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
