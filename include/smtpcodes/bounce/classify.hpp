#ifndef SMTPCODES_BOUNCE_CLASSIFY_HPP
#define SMTPCODES_BOUNCE_CLASSIFY_HPP

// Bounce classification: from what a bounce says (DSN action, reply code,
// enhanced status code, diagnostic text) to what a sender should do about
// it. The result is a Verdict: is it a bounce at all, hard or soft; the
// reason, from the taxonomy below; when to retry; and the evidence that
// decided it. See docs/bounces.md for the rules and their order.
//
// The tables here (status -> reason, reply code -> reason, phrases ->
// reason) are this header's own. The registry of reply codes and status
// codes can refine them later through detail::reason_for_status, the one
// place a status becomes a reason.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <smtpcodes/bounce/dialect.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/bounce/phrases.hpp>
#include <smtpcodes/bounce/reason.hpp>
#include <smtpcodes/bounce/smtp_command.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/literals.hpp>
#include <smtpcodes/registry/retry.hpp>
#include <smtpcodes/registry/types.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

// Is it a bounce, and does it condemn the address?
enum class BounceType : std::uint8_t {
  none,  // not a failure: delivered, an auto-reply, a feedback report, nothing known
  soft,  // the address may work later or after the sender changes something
  hard,  // the address itself is bad: stop sending to it
};

[[nodiscard]] constexpr std::string_view name(BounceType type) noexcept {
  switch (type) {
    case BounceType::soft: return "soft";
    case BounceType::hard: return "hard";
    case BounceType::none: break;
  }
  return "none";
}

enum class EvidenceKind : std::uint8_t { none, action, enhanced_status, reply_code, text, message, smtp_command };

[[nodiscard]] constexpr std::string_view name(EvidenceKind kind) noexcept {
  switch (kind) {
    case EvidenceKind::action: return "action";
    case EvidenceKind::enhanced_status: return "enhanced_status";
    case EvidenceKind::reply_code: return "reply_code";
    case EvidenceKind::text: return "text";
    case EvidenceKind::message: return "message";
    case EvidenceKind::smtp_command: return "smtp_command";
    case EvidenceKind::none: break;
  }
  return "none";
}

// What decided the reason. For text, phrase is the rule's phrase (the
// table's or the caller's storage) and offset where it occurs in the text
// that was read (the diagnostic, or its charset-decoded copy); both absent
// for other evidence.
struct Evidence {
  EvidenceKind kind = EvidenceKind::none;
  std::string_view phrase;
  std::optional<std::size_t> offset;
};

// What is known about one recipient's outcome. Every field is optional.
struct BounceFacts {
  DsnAction action = DsnAction::unknown;
  ReplyCode reply_code;                // empty when unknown
  EnhancedStatus enhanced_status;      // empty when unknown
  std::string_view diagnostic;         // free text; codes in it are found when the fields above are empty
  Dialect dialect = Dialect::unknown;  // the MTA or service that wrote the notice, when known
  // The command the failure answered; found in the diagnostic when unknown.
  SmtpCommand smtp_command = SmtpCommand::unknown;
  // The MTA delivered to a program or local mailer that failed (a "|command"
  // recipient, Diagnostic-Code: X-Unix): without a better reason, a system error.
  bool local_program = false;
};

struct Verdict {
  BounceType bounce = BounceType::none;
  BounceReason reason = BounceReason::unknown;
  Retry retry = Retry::not_needed;        // the registry's retry advice (registry_types.hpp)
  std::uint32_t retry_after_seconds = 0;  // a suggested wait when retry is retry_later
  Evidence evidence;
  // The reason the diagnostic text gives on its own, when it differs: an
  // expiry (4.4.7) often wraps the last error, e.g. a refused connection.
  BounceReason text_reason = BounceReason::unknown;
  ReplyCode reply_code;  // the codes the verdict used
  // Under an expiry status (X.4.7), the last error's own status of the same
  // class when the diagnostic quotes one: the expiry is in gave_up.
  EnhancedStatus enhanced_status;
  Dialect dialect = Dialect::unknown;               // the dialect of the facts
  SmtpCommand smtp_command = SmtpCommand::unknown;  // the command the failure answered, when known
  // The MTA gave up retrying (X.4.7, a failed action with a transient
  // status, or its expiry wording), whatever the reason says.
  bool gave_up = false;
};

namespace detail {

using namespace ::smtpcodes::literals;  // "5.1.1"_status in the tables

// What an enhanced status says about the reason. A specific status (5.1.1,
// 5.2.2 ...) decides before any phrase; a generic one (X.0.0, 5.7.1 ...)
// only when neither a phrase nor the reply code says more.
struct StatusReason {
  BounceReason reason = BounceReason::unknown;
  bool specific = false;
};

// One row of the status table. The class digit of `status` is ignored:
// a rule written "5.1.1" also reads 4.1.1.
struct StatusRule {
  EnhancedStatus status;
  BounceReason reason;
  bool specific;
};

inline constexpr bool specific = true;
inline constexpr bool generic = false;

// Enhanced status -> reason: RFC 3463 §3.3-3.9, the IANA registry (RFC 5248)
// and the details that Microsoft adds (Microsoft Learn, "NDRs in Exchange
// Online": 4.4.316, 5.1.90, 5.4.310, 5.7.5xx-6xx). Some are generic on purpose:
// X.1.10 is null MX (RFC 7505) but Microsoft sends it for unknown users;
// X.2.1 is also sent for unknown users; X.4.4 ("unable to route") is sent
// for name-server failures as well as for missing domains; X.7.9 is sent
// by Yahoo for policy blocks.
inline constexpr StatusRule status_rules[] = {
    {"5.1.1"_status, BounceReason::unknown_recipient, specific},
    {"5.1.3"_status, BounceReason::unknown_recipient, specific},
    {"5.1.4"_status, BounceReason::unknown_recipient, specific},
    {"5.1.2"_status, BounceReason::unknown_domain, specific},
    {"5.1.6"_status, BounceReason::mailbox_moved, specific},
    {"5.1.7"_status, BounceReason::sender_rejected, specific},
    {"5.1.8"_status, BounceReason::sender_rejected, specific},
    {"5.1.10"_status, BounceReason::no_mail_domain, generic},
    {"5.1.90"_status, BounceReason::rate_limited, specific},
    {"5.2.1"_status, BounceReason::mailbox_disabled, generic},
    {"5.2.2"_status, BounceReason::mailbox_full, specific},
    {"5.2.3"_status, BounceReason::message_too_large, specific},
    {"5.2.4"_status, BounceReason::system_error, specific},
    {"5.3.1"_status, BounceReason::system_error, specific},
    {"5.3.4"_status, BounceReason::message_too_large, specific},
    {"5.3.5"_status, BounceReason::system_error, specific},
    {"5.4.4"_status, BounceReason::unknown_domain, generic},
    {"5.4.310"_status, BounceReason::unknown_domain, specific},
    {"5.4.7"_status, BounceReason::expired, specific},
    {"5.4.300"_status, BounceReason::expired, specific},
    {"5.4.2"_status, BounceReason::network_error, specific},
    {"5.4.6"_status, BounceReason::network_error, specific},
    {"5.4.14"_status, BounceReason::network_error, specific},
    {"5.4.316"_status, BounceReason::network_error, specific},
    {"5.4.317"_status, BounceReason::network_error, specific},
    {"5.4.318"_status, BounceReason::network_error, specific},
    {"5.5.3"_status, BounceReason::rate_limited, specific},
    {"5.6.0"_status, BounceReason::spam_or_content, generic},
    {"5.7.5"_status, BounceReason::authentication, specific},
    {"5.7.6"_status, BounceReason::authentication, specific},
    {"5.7.8"_status, BounceReason::authentication, specific},
    {"5.7.9"_status, BounceReason::authentication, generic},
    {"5.7.12"_status, BounceReason::authentication, specific},
    {"5.7.20"_status, BounceReason::authentication, specific},
    {"5.7.21"_status, BounceReason::authentication, specific},
    {"5.7.22"_status, BounceReason::authentication, specific},
    {"5.7.23"_status, BounceReason::authentication, specific},
    {"5.7.24"_status, BounceReason::authentication, specific},
    {"5.7.26"_status, BounceReason::authentication, specific},
    {"5.7.29"_status, BounceReason::authentication, specific},
    {"5.7.57"_status, BounceReason::authentication, specific},
    {"5.7.509"_status, BounceReason::authentication, specific},
    {"5.7.515"_status, BounceReason::authentication, specific},
    {"5.7.10"_status, BounceReason::tls, specific},
    {"5.7.11"_status, BounceReason::tls, specific},
    {"5.7.30"_status, BounceReason::tls, specific},
    {"5.7.13"_status, BounceReason::mailbox_disabled, specific},
    {"5.7.17"_status, BounceReason::mailbox_moved, specific},
    {"5.7.18"_status, BounceReason::mailbox_moved, specific},
    {"5.7.25"_status, BounceReason::reverse_dns, specific},
    {"5.7.27"_status, BounceReason::sender_rejected, specific},
    {"5.7.28"_status, BounceReason::spam_or_content, specific},
    {"5.7.7"_status, BounceReason::spam_or_content, generic},
};

// The reason of a status whose detail has no row: by subject (RFC 3463 §3).
[[nodiscard]] constexpr StatusReason reason_for_subject(EnhancedStatus status) noexcept {
  switch (status.subject_number()) {
    case 1: return {BounceReason::unknown_recipient, generic};             // addressing
    case 2: return {BounceReason::mailbox_disabled, generic};              // mailbox
    case 3: return {BounceReason::system_error, generic};                  // mail system
    case 4: return {BounceReason::network_error, generic};                 // network and routing
    case 5: return {BounceReason::syntax_error, generic};                  // mail delivery protocol
    case 6: return {BounceReason::spam_or_content, status.detail() != 0};  // message content
    case 7: return {BounceReason::blocked, generic};                       // security or policy
    default: return {};
  }
}

// Microsoft's 5.7.500-5.7.699 name banned senders and IPs (Exchange Online).
inline constexpr std::uint16_t microsoft_block_details_first = 500;
inline constexpr std::uint16_t microsoft_block_details_last = 699;

// Enhanced status -> reason: a success, a row of the table, Microsoft's
// block range, or the subject. The hook for the registry: extend the table.
[[nodiscard]] constexpr StatusReason reason_for_status(EnhancedStatus status) noexcept {
  if (status.is_success()) return {BounceReason::delivered, specific};
  for (const StatusRule& rule : status_rules) {
    if (rule.status.subject_number() == status.subject_number() && rule.status.detail() == status.detail()) {
      return {rule.reason, rule.specific};
    }
  }
  if (status.subject_number() == 7 && status.detail() >= microsoft_block_details_first &&
      status.detail() <= microsoft_block_details_last) {
    return {BounceReason::blocked, specific};
  }
  return reason_for_subject(status);
}

// The status a reporting MTA makes up from a reply code that came without
// one: Sendmail's smtptodsn() (sendmail/deliver.c) writes these into the
// DSN's Status field, and other codes as X.0.0 of their class; its replies
// to RCPT and MAIL (sendmail/usersmtp.c, smtprcptstat and smtpmailfrom) have
// their own guesses, so 550 at RCPT TO becomes 5.1.1 whatever the server
// said. Such a status says no more than the reply code, so it does not
// outrank the server's text. A reply code may have more than one.
struct DerivedStatusRule {
  unsigned reply;
  EnhancedStatus status;
};

// smtptodsn() first, then the guesses of smtprcptstat() and smtpmailfrom().
inline constexpr DerivedStatusRule reporter_derived_statuses[] = {
    {450, "4.2.0"_status}, {451, "4.3.0"_status}, {452, "4.3.1"_status}, {500, "5.5.2"_status}, {501, "5.5.4"_status},
    {502, "5.5.1"_status}, {503, "5.5.1"_status}, {504, "5.5.4"_status}, {550, "5.2.0"_status}, {551, "5.1.6"_status},
    {552, "5.2.2"_status}, {553, "5.1.0"_status}, {554, "5.0.0"_status}, {550, "5.1.1"_status}, {553, "5.1.3"_status},
    {501, "5.5.2"_status}, {552, "5.3.4"_status},
};

[[nodiscard]] constexpr bool is_reporter_derived(ReplyCode reply, EnhancedStatus status) noexcept {
  for (const DerivedStatusRule& rule : reporter_derived_statuses) {
    if (rule.reply == reply.value() && rule.status == status) return true;
  }
  return false;
}

// Same subject and detail, whatever the class: "4.4.7" and "5.4.7".
[[nodiscard]] constexpr bool same_condition(EnhancedStatus a, EnhancedStatus b) noexcept {
  return a.subject_number() == b.subject_number() && a.detail() == b.detail();
}

// X.4.7, "delivery time expired" (RFC 3463 §3.5): the MTA gave up.
inline constexpr EnhancedStatus expiry_status_code = "4.4.7"_status;
// X.4.6, "routing loop detected" (RFC 3463 §3.5).
inline constexpr EnhancedStatus routing_loop_status_code = "4.4.6"_status;

// Reply code -> reason, for replies without an enhanced status. Only codes
// whose meaning is narrow enough decide (RFC 5321 §4.2.2-4.2.3, RFC 7504);
// 450, 550, 554 ... leave it to the text.
[[nodiscard]] constexpr BounceReason reason_for_reply(ReplyCode code) noexcept {
  using R = BounceReason;
  switch (code.value()) {
    case 500:
    case 501:
    case 502:
    case 503:
    case 504:
    case 555: return R::syntax_error;
    case 521:
    case 556: return R::no_mail_domain;  // RFC 7504
    case 551: return R::mailbox_moved;
    case 552:
    case 452: return R::mailbox_full;
    case 553: return R::unknown_recipient;
    case 530:
    case 535:
    case 534:
    case 454: return R::authentication;
    case 538: return R::tls;
    case 421: return R::system_error;
    case 571: return R::blocked;
    default: return code.first_digit() == 2 ? R::delivered : R::unknown;
  }
}

// Reasons that condemn the address when the failure is permanent.
[[nodiscard]] constexpr bool is_address_failure(BounceReason reason) noexcept {
  return reason == BounceReason::unknown_recipient || reason == BounceReason::unknown_domain ||
         reason == BounceReason::no_mail_domain || reason == BounceReason::mailbox_moved;
}

// The codes a verdict uses: those of the facts, and those found in the
// diagnostic where the facts have none. Under an expiry status (X.4.7),
// the last error's own status of the same class, when the text quotes one.
struct VerdictCodes {
  ReplyCode reply_code;
  EnhancedStatus enhanced_status;
  // The status came from the notice's Status field while the server's reply
  // in the diagnostic carried none, and it is what the reporter derives
  // from that reply code (reporter_derived_statuses).
  bool status_derived = false;
  // The Status field, or the text without one, said the MTA gave up
  // (X.4.7); enhanced_status is then the last error's own, when the
  // diagnostic quotes one. Set by codes_of.
  bool expiry_status = false;

  [[nodiscard]] constexpr bool has_reply() const noexcept { return reply_code.value() != 0; }
  [[nodiscard]] constexpr bool has_status() const noexcept { return enhanced_status.class_digit() != 0; }
};

[[nodiscard]] constexpr VerdictCodes codes_of(const BounceFacts& facts) noexcept {
  VerdictCodes codes{facts.reply_code, facts.enhanced_status};
  codes.expiry_status = codes.has_status() && same_condition(codes.enhanced_status, expiry_status_code);
  const bool complete = codes.has_reply() && codes.has_status();
  // With both codes given, the text is read only for an expiry's status, or
  // for one the reporter may have derived from that reply code and the text
  // does not quote (a quoted one is most likely the server's own).
  if (complete && !codes.expiry_status &&
      (!is_reporter_derived(codes.reply_code, codes.enhanced_status) ||
       facts.diagnostic.find(to_string(codes.enhanced_status).view()) != std::string_view::npos)) {
    return codes;
  }
  const FoundCodes found = find_codes(facts.diagnostic);
  // A status whose subject RFC 3463 leaves undefined is a reference that
  // only looks like one (Yahoo's "temporarily deferred - 4.16.50").
  const bool found_status = found.enhanced_status && is_defined(found.enhanced_status->code.subject());
  if (codes.expiry_status && found_status &&
      found.enhanced_status->code.class_digit() == codes.enhanced_status.class_digit() &&
      !same_condition(found.enhanced_status->code, expiry_status_code)) {
    codes.enhanced_status = found.enhanced_status->code;
  }
  if (codes.has_status() && !found_status && found.reply_code) {
    codes.status_derived = is_reporter_derived(found.reply_code->code, codes.enhanced_status);
  }
  if (complete) return codes;
  if (!codes.has_reply() && found.reply_code) codes.reply_code = found.reply_code->code;
  if (!codes.has_status() && found_status) {
    codes.enhanced_status = found.enhanced_status->code;
    for_each_code(facts.diagnostic, [&codes](const CodeMatch& match) noexcept {
      if (match.kind != CodeKind::enhanced_status || !same_condition(match.enhanced_status, expiry_status_code)) {
        return true;
      }
      codes.expiry_status = true;
      if (codes.enhanced_status.class_digit() != match.enhanced_status.class_digit()) {
        codes.enhanced_status = match.enhanced_status;
      }
      return false;
    });
  }
  return codes;
}

// How permanent is it? The status class, else the reply code's first
// digit, else the action (RFC 3464 §2.3.3: failed is final, delayed is not).
// 0 when nothing says.
[[nodiscard]] constexpr unsigned failure_class_of(const VerdictCodes& codes, DsnAction action) noexcept {
  unsigned failure_class = 0;
  if (codes.has_status())
    failure_class = codes.enhanced_status.class_digit();
  else if (codes.has_reply())
    failure_class = codes.reply_code.first_digit();
  if (action == DsnAction::failed && failure_class != 4 && failure_class != 5) failure_class = 5;
  if (action == DsnAction::delayed) failure_class = 4;
  return failure_class;
}

[[nodiscard]] constexpr bool is_success_action(DsnAction action) noexcept {
  return action == DsnAction::delivered || action == DsnAction::relayed || action == DsnAction::expanded;
}

// Everything the decision reads, found once.
struct ReasonInputs {
  const BounceFacts& facts;
  const VerdictCodes& codes;
  const PhraseFinding& text;
  StatusReason status;
  SmtpCommand command = SmtpCommand::unknown;  // what the failure answered
};

struct Decision {
  BounceReason reason = BounceReason::unknown;
  Evidence evidence;
};

// Evidence that is not a phrase: only its kind.
[[nodiscard]] constexpr Evidence evidence_of(EvidenceKind kind) noexcept {
  Evidence evidence;
  evidence.kind = kind;
  return evidence;
}

[[nodiscard]] constexpr Decision by_text(const PhraseFinding& text) noexcept {
  return {text.reason(), Evidence{EvidenceKind::text, text.phrase->text, text.offset}};
}

// Did the MTA give up after retrying? An expiry status (X.4.7) says so; so
// do a failed action with a transient status (or, without one, a transient
// reply code), and the expiry wording of
// MTAs, unless the last error it reports is itself permanent. A delay
// notice never gave up.
[[nodiscard]] constexpr bool gave_up(const ReasonInputs& in) noexcept {
  if (in.facts.action == DsnAction::delayed) return false;
  if (in.codes.expiry_status) return true;
  // Without a status, a transient reply code says as much ("This is a
  // permanent error" over "ERROR_CODE :421, Host not reachable").
  const bool transient_code = in.codes.has_status() ? in.codes.enhanced_status.class_digit() == 4
                                                    : in.codes.has_reply() && in.codes.reply_code.first_digit() == 4;
  // A looping message is returned when the loop is found (RFC 5321 §6.3),
  // not retried until the MTA gives up, whatever the class of its status.
  const bool loop = in.codes.has_status() && same_condition(in.codes.enhanced_status, routing_loop_status_code);
  const bool failed_transient = in.facts.action == DsnAction::failed && transient_code && !loop;
  if (!failed_transient && in.text.expiry == nullptr) return false;
  const bool permanent_status = in.codes.has_status() && in.codes.enhanced_status.class_digit() == 5;
  const bool permanent_reply = in.codes.has_reply() && in.codes.reply_code.first_digit() == 5;
  return !(permanent_status && in.status.specific) && !permanent_reply;
}

// RFC 7504: 521 and 556 say the domain accepts no mail. Some providers send
// 521 for blocks with a status of their own; only a status that agrees
// (X.1.10, X.3.2) or says nothing (X.0.0) lets the reply decide.
[[nodiscard]] constexpr bool says_no_mail_domain(const VerdictCodes& codes) noexcept {
  const unsigned reply = codes.reply_code.value();
  if (reply != 521 && reply != 556) return false;
  if (!codes.has_status()) return true;
  const EnhancedStatus status = codes.enhanced_status;
  return same_condition(status, "5.0.0"_status) || same_condition(status, "5.1.10"_status) ||
         same_condition(status, "5.3.2"_status);
}

// RFC 7505 null MX: the status says so (X.1.10 for the recipient's domain;
// X.7.27, which RFC 7505 §4.2 gives the sender's, Sendmail also sends for
// the recipient's, so only when the text does not speak of the sender) and
// the text agrees, in RFC 7504's words for 521 ("Host
// does not accept mail") or the like (the no_mail_domain phrases).
[[nodiscard]] constexpr bool says_null_mx(const ReasonInputs& in) noexcept {
  if (!in.codes.has_status() || in.text.reason() != BounceReason::no_mail_domain) return false;
  if (same_condition(in.codes.enhanced_status, "5.1.10"_status)) return true;
  // X.7.27 in RFC 7505's own words is the sender's domain ("Sender address has null MX").
  return same_condition(in.codes.enhanced_status, "5.7.27"_status) &&
         ifind(in.facts.diagnostic, "sender") == std::string_view::npos;
}

// Causes an expiry outranks when the MTA gave up: none, or a network
// failure. When the MTA says in words or a field of its own that it gave up
// (qmail's "this message has been in the queue too long" after "Resources
// temporarily unavailable"), the receiving system's passing trouble is the
// cause too; a failed action over its transient error alone leaves it the
// reason, as Postfix's "451 4.3.0" returned at the queue lifetime.
[[nodiscard]] constexpr bool expiry_outranks(BounceReason cause, bool said_expired) noexcept {
  return cause == BounceReason::unknown || cause == BounceReason::network_error ||
         (said_expired && cause == BounceReason::system_error);
}

// The documented order of decisions (docs/bounces.md, "Order of decisions").
[[nodiscard]] constexpr Decision decide_reason(const ReasonInputs& in) noexcept {
  // 1. A user's phrase, before anything the library knows.
  if (in.text.phrase != nullptr && in.text.phrase->origin == PhraseOrigin::user) return by_text(in.text);
  // 2. The MTA gave up after a connection failure or an unexplained error:
  //    expired (the cause stays in text_reason). A named cause (a full
  //    mailbox, a block, a rate limit) is the reason instead; the verdict
  //    still says the MTA gave up (Verdict::gave_up).
  const bool said_expired = in.codes.expiry_status || in.text.expiry != nullptr;
  if (gave_up(in) && (in.codes.expiry_status || expiry_outranks(in.text.reason(), said_expired))) {
    const bool by_status = in.codes.expiry_status || in.status.reason == BounceReason::expired;
    return {BounceReason::expired, evidence_of(by_status ? EvidenceKind::enhanced_status : EvidenceKind::action)};
  }
  // 3. A reply that says the domain accepts no mail.
  if (says_no_mail_domain(in.codes)) return {BounceReason::no_mail_domain, evidence_of(EvidenceKind::reply_code)};
  if (says_null_mx(in)) return by_text(in.text);
  // 4. A specific enhanced status, unless it would condemn the address
  //    while the text says the sender is over a rate limit. Providers send
  //    addressing statuses (X.1.x) for sending limits: Microsoft documents
  //    550 5.1.90 "reached your daily limit for message recipients"
  //    (Exchange Online NDRs); a hard bounce would drop a good address, the
  //    costly mistake. For the same reason the status loses when the reply
  //    code's own meaning (RFC 5321 §4.2.3) and the text agree on a reason
  //    that spares the address: "552 mailbox is over quota (#5.1.1)", as
  //    qmail servers with quota patches answer.
  const BounceReason text_reason = in.text.reason();
  const bool reply_agrees_with_text = in.codes.has_reply() && text_reason != BounceReason::unknown &&
                                      reason_for_reply(in.codes.reply_code) == text_reason;
  // A size refusal concerns the message, never the address ("550 5.1.1 max
  // message size exceeded": a reporter put 5.1.1 on a bare 550 at RCPT).
  // A receiving service's own documented words outvote it too: Facebook
  // answers "550 5.1.1 RCP-P2" when the recipient's preferences refuse mail.
  const bool by_service = in.text.phrase != nullptr && in.text.phrase->origin == PhraseOrigin::provider;
  const bool outvoted = is_address_failure(in.status.reason) && text_reason != BounceReason::unknown &&
                        !is_address_failure(text_reason) &&
                        (text_reason == BounceReason::rate_limited || text_reason == BounceReason::message_too_large ||
                         reply_agrees_with_text || by_service);
  if (in.status.specific && in.status.reason != BounceReason::unknown && !outvoted) {
    return {in.status.reason, evidence_of(EvidenceKind::enhanced_status)};
  }
  // 5. A phrase family.
  if (in.text.phrase != nullptr) return by_text(in.text);
  // 6. A reply code narrow enough to name a reason.
  if (in.codes.has_reply()) {
    const BounceReason from_reply = reason_for_reply(in.codes.reply_code);
    if (from_reply != BounceReason::unknown) return {from_reply, evidence_of(EvidenceKind::reply_code)};
  }
  // 7. A permanent refusal of the session itself, at the greeting or at
  //    EHLO/HELO, before any address or message was sent, speaks of the
  //    sending host (RFC 5321 §3.1: a server that will not serve a client
  //    answers 554 to the connection).
  const bool session = in.command == SmtpCommand::connect || in.command == SmtpCommand::hello;
  if (session && failure_class_of(in.codes, DsnAction::unknown) == 5) {
    return {BounceReason::blocked, evidence_of(EvidenceKind::smtp_command)};
  }
  // 8. A local program or mailer that failed: the receiving system's own fault.
  if (in.facts.local_program) return {BounceReason::system_error, evidence_of(EvidenceKind::message)};
  // 9. A generic status, by its subject.
  if (in.status.reason != BounceReason::unknown) {
    return {in.status.reason, evidence_of(EvidenceKind::enhanced_status)};
  }
  if (in.facts.action == DsnAction::failed || in.facts.action == DsnAction::delayed) {
    return {BounceReason::unknown, evidence_of(EvidenceKind::action)};
  }
  return {};
}

// Retry advice for a failed recipient: the one place the classifier decides
// it, from the rule table it shares with the registry (registry/retry.hpp),
// so that the two cannot drift apart. The class is the one the verdict
// used (the codes', else the action's). A hard bounce is never retried.
constexpr void advise_retry(Verdict& verdict, unsigned failure_class) noexcept {
  if (verdict.bounce == BounceType::hard) {
    verdict.retry = Retry::do_not_retry;
    return;
  }
  const RetryAdvice advice = retry_advice_in_class(failure_class, static_cast<FailureReason>(verdict.reason));
  verdict.retry = advice.retry;
  verdict.retry_after_seconds = advice.retry_after_seconds;
}

}  // namespace detail

namespace detail {

// The reporter says in a field of its own that it gave up (SendGrid's
// "Action: expired"): as step 2 of decide_reason would for an X.4.7 status,
// the reason is expired unless the text names a cause other than a network
// failure, and the network failure stays the text's reason.
constexpr void note_gave_up(Verdict& verdict) noexcept {
  verdict.gave_up = true;
  if (!expiry_outranks(verdict.reason, true)) return;
  if (verdict.reason != BounceReason::unknown) verdict.text_reason = verdict.reason;
  verdict.reason = BounceReason::expired;
  verdict.evidence = evidence_of(EvidenceKind::action);
  if (verdict.bounce == BounceType::none) verdict.bounce = BounceType::soft;
  advise_retry(verdict, failure_class_of(VerdictCodes{verdict.reply_code, verdict.enhanced_status}, DsnAction::failed));
}

// What classify reads in the diagnostic's words: its phrases and the command
// the failure answered. A caller that classifies the same facts again with
// another action or command reads them once.
struct TextReading {
  PhraseFinding phrases;
  SmtpCommand command = SmtpCommand::unknown;
};

// The row that names an unknown domain in the words "does not exist".
[[nodiscard]] constexpr std::size_t domain_does_not_exist_row() noexcept {
  constexpr std::size_t rows = sizeof(phrase_families) / sizeof(phrase_families[0]);
  for (std::size_t row = 0; row < rows; ++row) {
    if (phrase_families[row].text == "domain does not exist") return row;
  }
  return rows;
}

// "does not exist" after a host name ("553 mx.example.com does not exist",
// as Exim and Sendmail report a domain the server does not know) speaks of
// the domain, not of a mailbox: a name with a dot and no '@' before it,
// in angle brackets or quotes or not.
[[nodiscard]] constexpr PhraseFinding with_host_subject(std::string_view text, PhraseFinding found) noexcept {
  if (found.phrase == nullptr || found.phrase->origin == PhraseOrigin::user || found.phrase->text != "does not exist") {
    return found;
  }
  std::size_t end = found.offset;
  while (end > 0 && is_space_or_tab(text[end - 1])) --end;
  std::size_t start = end;
  while (start > 0 && !is_space_or_tab(text[start - 1]) && text[start - 1] != '\n') --start;
  std::string_view word = text.substr(start, end - start);
  while (!word.empty() && (word.front() == '<' || word.front() == '"' || word.front() == '\'')) word.remove_prefix(1);
  while (!word.empty() && (word.back() == '>' || word.back() == '"' || word.back() == '\'')) word.remove_suffix(1);
  const bool host = word.size() > 2 && word.find('.') != std::string_view::npos &&
                    word.find('@') == std::string_view::npos && is_alnum(word.front()) && is_alnum(word.back());
  if (!host) return found;
  constexpr std::size_t domain_row = domain_does_not_exist_row();
  static_assert(domain_row < sizeof(phrase_families) / sizeof(phrase_families[0]),
                "the phrase table names an unknown domain in these words");
  found.phrase = &phrase_families[domain_row];
  return found;
}

// Exchange 2000/2003 write a Diagnostic-Code as "<status> - <the status's
// name> <the server's reply> (delivery attempts: N)", and Amazon SES kept
// the form: "5.1.0 - Unknown address error 550-'5.7.1 ... Access denied'".
// The name only glosses the reporter's status; the server's reply, quoted
// after its code, says what happened. Returns where that reply's code
// starts, or npos when the text is not of this form.
[[nodiscard]] constexpr std::size_t reply_after_status_name(std::string_view text) noexcept {
  std::size_t pos = 0;
  while (pos < text.size() && is_space_or_tab(text[pos])) ++pos;
  std::size_t status_length = 0;
  if (!scan_enhanced_status(text.substr(pos), ParseMode::strict, status_length)) return std::string_view::npos;
  pos += status_length;
  if (text.substr(pos, 3) != " - ") return std::string_view::npos;
  pos += 3;
  const std::size_t name_start = pos;
  while (pos < text.size() && (is_alpha(text[pos]) || text[pos] == ' ')) ++pos;
  constexpr std::size_t reply_form_length = 5;  // "550-'"
  if (pos == name_start || pos + reply_form_length > text.size() || !is_digit(text[pos]) || !is_digit(text[pos + 1]) ||
      !is_digit(text[pos + 2]) || (text[pos + 3] != '-' && text[pos + 3] != ' ') ||
      (text[pos + 4] != '\'' && text[pos + 4] != '"')) {
    return std::string_view::npos;
  }
  return pos;
}

// The phrases of the diagnostic; in the glossed form above, those of the
// server's reply first, and the gloss's only when the reply names nothing.
[[nodiscard]] constexpr PhraseFinding find_diagnostic_phrases(std::string_view diagnostic, PhraseRules user) noexcept {
  PhraseFinding whole = find_phrases(diagnostic, user);
  const std::size_t reply = reply_after_status_name(diagnostic);
  if (reply == std::string_view::npos || whole.phrase == nullptr || whole.offset >= reply) return whole;
  const PhraseFinding server = find_phrases(diagnostic.substr(reply), user);
  if (server.phrase == nullptr) return whole;
  whole.phrase = server.phrase;
  whole.offset = reply + server.offset;
  return whole;
}

[[nodiscard]] constexpr TextReading read_text(const BounceFacts& facts, PhraseRules user) noexcept {
  return {with_host_subject(facts.diagnostic, find_diagnostic_phrases(facts.diagnostic, user)),
          facts.smtp_command != SmtpCommand::unknown ? facts.smtp_command : find_smtp_command(facts.diagnostic)};
}

// classify, with the diagnostic's words already read when known is given
// (read_text); they are read only for a failure.
[[nodiscard]] constexpr Verdict classify_read(const BounceFacts& facts, PhraseRules user,
                                              const TextReading* known) noexcept {
  Verdict verdict;
  verdict.dialect = facts.dialect;
  const VerdictCodes codes = codes_of(facts);
  verdict.reply_code = codes.reply_code;
  verdict.enhanced_status = codes.enhanced_status;
  unsigned failure_class = failure_class_of(codes, facts.action);

  if (is_success_action(facts.action) || (failure_class == 2 && facts.action == DsnAction::unknown)) {
    verdict.reason = BounceReason::delivered;
    verdict.evidence.kind = is_success_action(facts.action) ? EvidenceKind::action
                            : codes.has_status()            ? EvidenceKind::enhanced_status
                                                            : EvidenceKind::reply_code;
    return verdict;
  }

  const TextReading reading = known != nullptr ? *known : read_text(facts, user);
  const PhraseFinding& text = reading.phrases;
  StatusReason status = codes.has_status() ? reason_for_status(codes.enhanced_status) : StatusReason{};
  if (codes.status_derived) status.specific = false;
  verdict.smtp_command = reading.command;
  Decision decision = decide_reason(ReasonInputs{facts, codes, text, status, reading.command});
  // The reply to MAIL FROM speaks of the reverse-path (RFC 5321 §3.3): an
  // address that does not exist there is the sender's ("after MAIL FROM:<...>:
  // 553 5.1.0 example.com does not exist"), and the recipient is not to blame.
  if (reading.command == SmtpCommand::mail_from && is_address_failure(decision.reason) &&
      decision.reason != BounceReason::mailbox_moved) {
    decision = {BounceReason::sender_rejected, evidence_of(EvidenceKind::smtp_command)};
  }
  verdict.reason = decision.reason == BounceReason::delivered ? BounceReason::unknown : decision.reason;
  verdict.evidence = decision.evidence;
  verdict.gave_up = gave_up(ReasonInputs{facts, codes, text, status, reading.command});
  if (text.reason() != verdict.reason) verdict.text_reason = text.reason();

  if (failure_class != 4 && failure_class != 5) {
    // No code and no action: the text alone says it failed, if it names a reason.
    if (verdict.reason == BounceReason::unknown) return verdict;
    failure_class = is_address_failure(verdict.reason) ? 5 : 4;
  }
  // An address refused after the server accepted it at RCPT TO is not proof
  // that the address is bad: a filter answered for it (Sisimai's "filtered"),
  // unless the receiving service documents those words as a missing account
  // (Yahoo's "554 delivery error: dd This user doesn't have a ... account").
  const bool documented = text.phrase != nullptr && text.phrase->origin == PhraseOrigin::provider &&
                          text.reason() == BounceReason::unknown_recipient;
  const bool filtered =
      verdict.reason == BounceReason::unknown_recipient && is_after_recipients(verdict.smtp_command) && !documented;
  const bool condemns_address = is_address_failure(verdict.reason) && !filtered;
  verdict.bounce = failure_class == 5 && condemns_address ? BounceType::hard : BounceType::soft;
  advise_retry(verdict, failure_class);
  return verdict;
}

}  // namespace detail

// Classifies what is known about one recipient. The order of decisions:
//  0. Action delivered, relayed or expanded, or a 2xx / 2.x.x alone: delivered.
//  1. A user's phrase (PhraseRules) found in the diagnostic.
//  2. The MTA gave up retrying (X.4.7, a failed action with a 4.x.x status
//     other than a routing loop's X.4.6,
//     an MTA's expiry wording) and the last error is not permanent and
//     specific: expired; the cause stays in text_reason.
//  3. A 521 or 556 reply (RFC 7504), or a null-MX status (X.1.10, X.7.27)
//     with text that agrees: no_mail_domain.
//  4. A specific enhanced status (5.1.1 unknown_recipient, 5.2.2 mailbox_full ...),
//     unless the reporting MTA derived it from the reply code (Sendmail's
//     551 -> 5.1.6 ...): then it is generic.
//  5. The first phrase family found in the diagnostic (phrases.hpp).
//  6. A narrow reply code (552 mailbox_full, 535 authentication ...).
//  7. A permanent refusal at the greeting or at EHLO/HELO (smtp_command): blocked.
//  8. A local program or mailer that failed (BounceFacts::local_program): system_error.
//  9. A generic status (X.0.0, 5.7.1 ...), by its subject.
// Codes missing from the facts are taken from the diagnostic (find_codes).
// The bounce is hard when the failure is permanent (class 5, 5xx, or Action
// failed without a code) and the reason condemns the address, unless the
// server refused it only after DATA (smtp_command); any other failure is
// soft; anything else is none. docs/bounces.md has the details.
[[nodiscard]] constexpr Verdict classify(const BounceFacts& facts, PhraseRules user = {}) noexcept {
  return detail::classify_read(facts, user, nullptr);
}

// Classifies a diagnostic text or log line on its own.
[[nodiscard]] constexpr Verdict classify_text(std::string_view diagnostic, PhraseRules user = {}) noexcept {
  BounceFacts facts;
  facts.diagnostic = diagnostic;
  return classify(facts, user);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_CLASSIFY_HPP
