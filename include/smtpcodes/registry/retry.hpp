#ifndef SMTPCODES_REGISTRY_RETRY_HPP
#define SMTPCODES_REGISTRY_RETRY_HPP

// Should the sender try again, when, and who must act? One rule table
// answers it from why delivery failed (FailureReason) and the class of the
// failure. The registry's remedies (describe(...).remedy) are derived from
// it, and the bounce classifier decides with it too, so the two cannot give
// different answers. retry_advice() for a whole reply is in
// <smtpcodes/registry/reply_advice.hpp>.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/enum_names.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

// Who has to do something about a reply.
enum class Actor : std::uint8_t {
  nobody = 0,           // success or progress: nothing to do
  sender = 1,           // whoever wrote or addressed the message
  sender_admin = 2,     // the admin of the sending side (your own server or client)
  recipient = 3,        // the recipient (e.g. a full mailbox)
  recipient_admin = 4,  // the admin of the receiving side
};

// Whether sending again makes sense, and when.
enum class Retry : std::uint8_t {
  not_needed = 0,    // it worked, or the dialogue simply goes on
  retry_later = 1,   // the same message may succeed later (queue it, back off)
  after_fix = 2,     // only after something named in the advice has changed
  do_not_retry = 3,  // this message will not be accepted for this recipient
};

// name() is each enumerator's stable identifier, for logs and JSON;
// title() is its prose for people (docs/api.md).
[[nodiscard]] constexpr std::string_view name(Actor actor) noexcept {
  return detail::nth_name(static_cast<std::size_t>(actor),
                          "nobody\0"
                          "sender\0"
                          "sender_admin\0"
                          "recipient\0"
                          "recipient_admin\0");
}

[[nodiscard]] constexpr std::string_view title(Actor actor) noexcept {
  return detail::nth_name(static_cast<std::size_t>(actor),
                          "nobody\0"
                          "sender\0"
                          "sender's admin\0"
                          "recipient\0"
                          "recipient's admin\0");
}

[[nodiscard]] constexpr std::string_view name(Retry retry) noexcept {
  return detail::nth_name(static_cast<std::size_t>(retry),
                          "not_needed\0"
                          "retry_later\0"
                          "after_fix\0"
                          "do_not_retry\0");
}

[[nodiscard]] constexpr std::string_view title(Retry retry) noexcept {
  return detail::nth_name(static_cast<std::size_t>(retry),
                          "no retry needed\0"
                          "retry later\0"
                          "retry after a fix\0"
                          "do not retry\0");
}

// Why a message was not delivered (or what else a notice is). The bounce
// classifier's BounceReason has the same enumerators in the same order.
enum class FailureReason : std::uint8_t {
  unknown,            // nothing decided it
  delivered,          // not a failure: delivered, or the dialogue goes on
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

[[nodiscard]] constexpr std::string_view name(FailureReason reason) noexcept {
  return detail::nth_name(static_cast<std::size_t>(reason),
                          "unknown\0"
                          "delivered\0"
                          "auto_reply\0"
                          "feedback_report\0"
                          "unknown_recipient\0"
                          "unknown_domain\0"
                          "no_mail_domain\0"
                          "mailbox_full\0"
                          "mailbox_disabled\0"
                          "mailbox_moved\0"
                          "message_too_large\0"
                          "rate_limited\0"
                          "spam_or_content\0"
                          "virus\0"
                          "blocked\0"
                          "sender_rejected\0"
                          "reverse_dns\0"
                          "authentication\0"
                          "relay_denied\0"
                          "tls\0"
                          "expired\0"
                          "network_error\0"
                          "system_error\0"
                          "syntax_error\0");
}

[[nodiscard]] constexpr std::string_view title(FailureReason reason) noexcept {
  return detail::nth_name(static_cast<std::size_t>(reason),
                          "unknown reason\0"
                          "delivered or no failure\0"
                          "automatic reply\0"
                          "feedback report\0"
                          "unknown recipient\0"
                          "unknown domain\0"
                          "domain accepts no mail\0"
                          "mailbox full\0"
                          "mailbox disabled\0"
                          "mailbox moved\0"
                          "message too large\0"
                          "rate limited\0"
                          "spam or content\0"
                          "virus\0"
                          "blocked by policy\0"
                          "sender rejected\0"
                          "reverse DNS\0"
                          "authentication failed\0"
                          "relaying denied\0"
                          "TLS required or failed\0"
                          "delivery time expired\0"
                          "network error\0"
                          "receiving system error\0"
                          "syntax error\0");
}

// The answer to "should I retry?".
struct RetryAdvice {
  Retry retry = Retry::not_needed;
  std::uint32_t retry_after_seconds = 0;  // a suggested wait when retry is retry_later
  Actor actor = Actor::nobody;

  friend constexpr bool operator==(const RetryAdvice& a, const RetryAdvice& b) noexcept {
    return a.retry == b.retry && a.retry_after_seconds == b.retry_after_seconds && a.actor == b.actor;
  }
  friend constexpr bool operator!=(const RetryAdvice& a, const RetryAdvice& b) noexcept { return !(a == b); }
};

// One row per FailureReason, in enumerator order.
struct RetryRule {
  FailureReason reason;
  Actor actor;                 // who must act
  Retry when_permanent;        // for a permanent failure (5yz, 5.x.x)
  std::uint32_t wait_seconds;  // before retrying, when retrying is the advice
};

namespace detail {
inline constexpr RetryRule retry_rules[] = {
    {FailureReason::unknown, Actor::sender, Retry::after_fix, 60 * 60},
    {FailureReason::delivered, Actor::nobody, Retry::not_needed, 0},
    {FailureReason::auto_reply, Actor::nobody, Retry::not_needed, 0},
    {FailureReason::feedback_report, Actor::nobody, Retry::not_needed, 0},
    {FailureReason::unknown_recipient, Actor::sender, Retry::do_not_retry, 60 * 60},
    {FailureReason::unknown_domain, Actor::sender, Retry::do_not_retry, 60 * 60},
    {FailureReason::no_mail_domain, Actor::sender, Retry::do_not_retry, 60 * 60},
    {FailureReason::mailbox_full, Actor::recipient, Retry::retry_later, 24 * 3600},
    {FailureReason::mailbox_disabled, Actor::recipient, Retry::retry_later, 24 * 3600},
    {FailureReason::mailbox_moved, Actor::sender, Retry::do_not_retry, 60 * 60},
    {FailureReason::message_too_large, Actor::sender, Retry::after_fix, 60 * 60},
    {FailureReason::rate_limited, Actor::sender_admin, Retry::retry_later, 15 * 60},
    {FailureReason::spam_or_content, Actor::sender, Retry::after_fix, 60 * 60},
    {FailureReason::virus, Actor::sender, Retry::after_fix, 60 * 60},
    {FailureReason::blocked, Actor::sender_admin, Retry::after_fix, 60 * 60},
    {FailureReason::sender_rejected, Actor::sender, Retry::after_fix, 60 * 60},
    {FailureReason::reverse_dns, Actor::sender_admin, Retry::after_fix, 60 * 60},
    {FailureReason::authentication, Actor::sender_admin, Retry::after_fix, 60 * 60},
    {FailureReason::relay_denied, Actor::sender_admin, Retry::after_fix, 60 * 60},
    {FailureReason::tls, Actor::sender_admin, Retry::after_fix, 60 * 60},
    {FailureReason::expired, Actor::sender_admin, Retry::after_fix, 24 * 3600},
    {FailureReason::network_error, Actor::sender_admin, Retry::retry_later, 10 * 60},
    {FailureReason::system_error, Actor::recipient_admin, Retry::retry_later, 30 * 60},
    {FailureReason::syntax_error, Actor::sender_admin, Retry::after_fix, 60 * 60},
};
}  // namespace detail

// The rule table itself, for iteration.
[[nodiscard]] constexpr const RetryRule& retry_rule(FailureReason reason) noexcept {
  const auto index = static_cast<std::size_t>(reason);
  return detail::retry_rules[index < sizeof(detail::retry_rules) / sizeof(detail::retry_rules[0]) ? index : 0];
}

// The advice for a failure of a given class (the first digit of the reply
// code or the class of the enhanced status code):
//  - 2 and 3: nothing failed (RFC 5321 §4.2.1), no retry;
//  - a reason that is no failure (delivered, auto_reply, feedback_report): no retry;
//  - 1 (a client-side socket error some lists number 101, 111) and 4: retry
//    later, after the reason's wait. The server said the failure is
//    temporary (RFC 5321 §4.2.1, RFC 3463 §3.1: "sending in the future may
//    be successful"), so even a policy refusal (454 4.7.1, greylisting)
//    is retried, not held for a fix;
//  - 5 and anything else: the reason's rule for permanent failures: an
//    address that does not exist is not retried; a full mailbox, a rate
//    limit or a broken receiving system is retried later; the rest only
//    after a fix (a message too large is never retried as is).
// A class of 0 (no code known) counts as 5 for reasons that condemn the
// address and as 4 for the other failures, as the bounce classifier does;
// with no reason either, nothing is known to have failed.
[[nodiscard]] constexpr RetryAdvice retry_advice_in_class(unsigned failure_class, FailureReason reason) noexcept {
  const RetryRule& rule = retry_rule(reason);
  if (failure_class == 2 || failure_class == 3 || rule.when_permanent == Retry::not_needed) return RetryAdvice{};
  if (failure_class == 0 && reason == FailureReason::unknown) return RetryAdvice{};  // nothing known to have failed
  if (failure_class == 0) failure_class = rule.when_permanent == Retry::do_not_retry ? 5 : 4;
  RetryAdvice advice;
  advice.actor = rule.actor;
  advice.retry = failure_class == 1 || failure_class == 4 ? Retry::retry_later : rule.when_permanent;
  if (advice.retry == Retry::retry_later) advice.retry_after_seconds = rule.wait_seconds;
  return advice;
}

// The advice for a failure whose reason is known (the bounce classifier's
// verdict, or a record of the registry): the class is the enhanced status
// code's, else the reply code's first digit; either may be empty.
[[nodiscard]] constexpr RetryAdvice retry_advice(EnhancedStatus status, ReplyCode reply,
                                                 FailureReason reason) noexcept {
  const unsigned failure_class = status.class_digit() != 0 ? status.class_digit() : reply.first_digit();
  return retry_advice_in_class(failure_class, reason);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_RETRY_HPP
