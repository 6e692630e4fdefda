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
#include <string_view>

#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/bounce/find.hpp>
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

enum class EvidenceKind : std::uint8_t { none, action, enhanced_status, reply_code, text, message };

[[nodiscard]] constexpr std::string_view name(EvidenceKind kind) noexcept {
  switch (kind) {
    case EvidenceKind::action: return "action";
    case EvidenceKind::enhanced_status: return "enhanced_status";
    case EvidenceKind::reply_code: return "reply_code";
    case EvidenceKind::text: return "text";
    case EvidenceKind::message: return "message";
    case EvidenceKind::none: break;
  }
  return "none";
}

// What decided the reason. For text, phrase is the rule's phrase (static
// storage) and offset where it occurs in the diagnostic.
struct Evidence {
  EvidenceKind kind = EvidenceKind::none;
  std::string_view phrase;
  std::size_t offset = std::string_view::npos;
};

// What is known about one recipient's outcome. Every field is optional.
struct BounceFacts {
  DsnAction action = DsnAction::unknown;
  ReplyCode reply_code;            // empty when unknown
  EnhancedStatus enhanced_status;  // empty when unknown
  std::string_view diagnostic;     // free text; codes in it are found when the fields above are empty
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
  EnhancedStatus enhanced_status;
};

namespace detail {

struct StatusReason {
  BounceReason reason = BounceReason::unknown;
  bool generic = true;  // text may refine it (X.0.0, 5.7.1 ...)
};

// Enhanced status -> reason, after RFC 3463 and the IANA registry (RFC 5248)
// with the details that large providers add (Microsoft 4.4.316, 5.7.5xx,
// 5.7.6xx). The hook for the registry: replace or extend this function.
[[nodiscard]] constexpr StatusReason reason_for_status(EnhancedStatus status) noexcept {
  using R = BounceReason;
  const unsigned subject = status.subject_number();
  const unsigned d = status.detail();
  if (status.class_digit() == 2) return {R::delivered, false};
  switch (subject) {
    case 1:
      switch (d) {
        case 1:
        case 3:
        case 4: return {R::unknown_recipient, false};
        case 2: return {R::unknown_domain, false};
        case 6: return {R::mailbox_moved, false};
        case 7:
        case 8: return {R::sender_rejected, false};
        // RFC 7505 null MX; Microsoft also sends 5.1.10 for unknown recipients.
        case 10: return {R::no_mail_domain, true};
        default: return {R::unknown_recipient, true};
      }
    case 2:
      switch (d) {
        case 1: return {R::mailbox_disabled, true};  // also sent for unknown users
        case 2: return {R::mailbox_full, false};
        case 3: return {R::message_too_large, false};
        case 4: return {R::system_error, false};
        default: return {R::mailbox_disabled, true};
      }
    case 3:
      switch (d) {
        case 4: return {R::message_too_large, false};
        case 1:
        case 5: return {R::system_error, false};
        default: return {R::system_error, true};
      }
    case 4:
      switch (d) {
        case 4:
        case 310: return {R::unknown_domain, false};
        case 7:
        case 300: return {R::expired, false};
        case 2:
        case 6:
        case 14:
        case 316:
        case 317:
        case 318: return {R::network_error, false};
        default: return {R::network_error, true};
      }
    case 5:
      switch (d) {
        case 3: return {R::rate_limited, false};
        default: return {R::syntax_error, true};
      }
    case 6: return {R::spam_or_content, d == 0};
    case 7:
      switch (d) {
        case 5:
        case 6:
        case 8:
        case 9:
        case 12:
        case 20:
        case 21:
        case 22:
        case 23:
        case 24:
        case 26:
        case 29:
        case 57:
        case 509:
        case 515: return {R::authentication, false};
        case 10:
        case 11:
        case 30: return {R::tls, false};
        case 13: return {R::mailbox_disabled, false};
        case 17:
        case 18: return {R::mailbox_moved, false};
        case 25: return {R::reverse_dns, false};
        case 27: return {R::sender_rejected, false};
        case 28: return {R::spam_or_content, false};
        case 7: return {R::spam_or_content, true};
        default:
          if (d >= 500 && d <= 699) return {R::blocked, false};  // Microsoft: banned senders and IPs
          return {R::blocked, true};
      }
    default: return {R::unknown, true};
  }
}

// Reply code -> reason, for replies without an enhanced status. Only codes
// whose meaning is narrow enough decide; 450, 550, 554 ... leave it to text.
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

struct Phrase {
  std::string_view text;  // lower case
  BounceReason reason;
};

// Phrases that MTAs and mailbox providers use, in priority order: the first
// that occurs in the diagnostic decides. Block-list names come before
// "spam" (so "blocked using spamhaus" is a block), specific reasons before
// the generic policy words at the end.
inline constexpr Phrase phrases[] = {
    // Rate limits. Some providers send 5.1.1 with these.
    {"rate limit"sv, BounceReason::rate_limited},
    {"ratelimit"sv, BounceReason::rate_limited},
    {"rate that prevents"sv, BounceReason::rate_limited},
    {"unusual rate"sv, BounceReason::rate_limited},
    {"sending rate"sv, BounceReason::rate_limited},
    {"too many connections"sv, BounceReason::rate_limited},
    {"too many concurrent"sv, BounceReason::rate_limited},
    {"too many simultaneous"sv, BounceReason::rate_limited},
    {"too many messages"sv, BounceReason::rate_limited},
    {"too many recipients"sv, BounceReason::rate_limited},
    {"too many emails"sv, BounceReason::rate_limited},
    {"too many sessions"sv, BounceReason::rate_limited},
    {"too many errors"sv, BounceReason::rate_limited},
    {"connection limit"sv, BounceReason::rate_limited},
    {"throttl"sv, BounceReason::rate_limited},
    {"frequency limit"sv, BounceReason::rate_limited},
    {"greylist"sv, BounceReason::rate_limited},
    {"graylist"sv, BounceReason::rate_limited},
    {"try again later, closing connection"sv, BounceReason::rate_limited},
    {"receiving mail at a rate"sv, BounceReason::rate_limited},
    {"exceeded the maximum number of"sv, BounceReason::rate_limited},
    {"temporarily deferred due to"sv, BounceReason::rate_limited},
    // Malware.
    {"virus"sv, BounceReason::virus},
    {"malware"sv, BounceReason::virus},
    {"infected"sv, BounceReason::virus},
    {"trojan"sv, BounceReason::virus},
    // Message format problems, before the words about spam and authentication they mention.
    {"duplicate header"sv, BounceReason::syntax_error},
    {"rfc 5322 compliant"sv, BounceReason::syntax_error},
    {"rfc5322 compliant"sv, BounceReason::syntax_error},
    {"multiple addresses in from"sv, BounceReason::syntax_error},
    // Authentication of the sender.
    {"dmarc"sv, BounceReason::authentication},
    {"dkim"sv, BounceReason::authentication},
    {"spf check"sv, BounceReason::authentication},
    {"spf fail"sv, BounceReason::authentication},
    {"spf validation"sv, BounceReason::authentication},
    {"sender policy framework"sv, BounceReason::authentication},
    {"spf record"sv, BounceReason::authentication},
    {"spf)"sv, BounceReason::authentication},
    {"(spf"sv, BounceReason::authentication},
    {"spf=fail"sv, BounceReason::authentication},
    {"spf: "sv, BounceReason::authentication},
    {"arc validation"sv, BounceReason::authentication},
    {"not authenticated"sv, BounceReason::authentication},
    {"smtp authentication"sv, BounceReason::authentication},
    {"unauthenticated"sv, BounceReason::authentication},
    {"authentication failed"sv, BounceReason::authentication},
    {"authentication required"sv, BounceReason::authentication},
    {"authentication is required"sv, BounceReason::authentication},
    {"failed authentication"sv, BounceReason::authentication},
    {"sender authentication"sv, BounceReason::authentication},
    {"does not pass"sv, BounceReason::authentication},
    {"could not be authenticated"sv, BounceReason::authentication},
    // Reverse DNS of the sending host.
    {"reverse dns"sv, BounceReason::reverse_dns},
    {"reverse lookup"sv, BounceReason::reverse_dns},
    {"reverse hostname"sv, BounceReason::reverse_dns},
    {"reverse mapping"sv, BounceReason::reverse_dns},
    {"reverse address"sv, BounceReason::reverse_dns},
    {"ptr record"sv, BounceReason::reverse_dns},
    {"no ptr"sv, BounceReason::reverse_dns},
    {"rdns"sv, BounceReason::reverse_dns},
    {"cannot find your hostname"sv, BounceReason::reverse_dns},
    {"cannot resolve your"sv, BounceReason::reverse_dns},
    {"hostname does not resolve"sv, BounceReason::reverse_dns},
    {"hostname is not resolvable"sv, BounceReason::reverse_dns},
    {"not resolve your"sv, BounceReason::reverse_dns},
    {"dns lookup of your"sv, BounceReason::reverse_dns},
    {"unresolvable hostname"sv, BounceReason::reverse_dns},
    {"no dns"sv, BounceReason::reverse_dns},
    {"ip name lookup failed"sv, BounceReason::reverse_dns},
    {"connecting ip"sv, BounceReason::reverse_dns},
    // TLS.
    {"starttls"sv, BounceReason::tls},
    {"not support tls"sv, BounceReason::tls},
    {"tls required"sv, BounceReason::tls},
    {"tls is required"sv, BounceReason::tls},
    {"requiretls"sv, BounceReason::tls},
    {"encryption required"sv, BounceReason::tls},
    {"tls negotiation"sv, BounceReason::tls},
    {"tls handshake"sv, BounceReason::tls},
    {"ssl handshake"sv, BounceReason::tls},
    {"certificate"sv, BounceReason::tls},
    // Relaying.
    {"relay access denied"sv, BounceReason::relay_denied},
    {"relaying denied"sv, BounceReason::relay_denied},
    {"relay denied"sv, BounceReason::relay_denied},
    {"relay not permitted"sv, BounceReason::relay_denied},
    {"relaying not permitted"sv, BounceReason::relay_denied},
    {"relaying not allowed"sv, BounceReason::relay_denied},
    {"not permitted to relay"sv, BounceReason::relay_denied},
    {"unable to relay"sv, BounceReason::relay_denied},
    {"we do not relay"sv, BounceReason::relay_denied},
    {"no relaying"sv, BounceReason::relay_denied},
    {"relaying disallowed"sv, BounceReason::relay_denied},
    {"relaying to"sv, BounceReason::relay_denied},
    {"rcpthosts"sv, BounceReason::relay_denied},
    {"not a gateway"sv, BounceReason::relay_denied},
    {"open relay"sv, BounceReason::relay_denied},
    // The sender.
    {"sender address rejected"sv, BounceReason::sender_rejected},
    {"purported responsible address"sv, BounceReason::sender_rejected},
    {"permission to post"sv, BounceReason::sender_rejected},
    {"sender rejected"sv, BounceReason::sender_rejected},
    {"sender denied"sv, BounceReason::sender_rejected},
    {"sender verify failed"sv, BounceReason::sender_rejected},
    {"invalid sender"sv, BounceReason::sender_rejected},
    {"unknown sender"sv, BounceReason::sender_rejected},
    {"sender unknown"sv, BounceReason::sender_rejected},
    {"sender domain"sv, BounceReason::sender_rejected},
    {"domain of sender"sv, BounceReason::sender_rejected},
    {"bad sender"sv, BounceReason::sender_rejected},
    {"sender is not allowed"sv, BounceReason::sender_rejected},
    // "not listed in the directory"sv names an unknown user, before "listed in"sv names a block list.
    {"not listed in"sv, BounceReason::unknown_recipient},
    // Block lists and reputation, before "spam"sv (spamhaus, spamcop).
    {"spamhaus"sv, BounceReason::blocked},
    {"spamcop"sv, BounceReason::blocked},
    {"blocked using"sv, BounceReason::blocked},
    {"blacklist"sv, BounceReason::blocked},
    {"black list"sv, BounceReason::blocked},
    {"blocklist"sv, BounceReason::blocked},
    {"block list"sv, BounceReason::blocked},
    {"denylist"sv, BounceReason::blocked},
    {"dnsbl"sv, BounceReason::blocked},
    {"rbl"sv, BounceReason::blocked},
    {"sorbs"sv, BounceReason::blocked},
    {"listed at"sv, BounceReason::blocked},
    {"listed in"sv, BounceReason::blocked},
    {"listed on"sv, BounceReason::blocked},
    {"reputation"sv, BounceReason::blocked},
    {"banned sending ip"sv, BounceReason::blocked},
    {"poor sending"sv, BounceReason::blocked},
    {"your ip"sv, BounceReason::blocked},
    {"sending ip"sv, BounceReason::blocked},
    {"client host"sv, BounceReason::blocked},
    {"helo command rejected"sv, BounceReason::blocked},
    {"will not accept delivery"sv, BounceReason::blocked},
    {"dynamic ip"sv, BounceReason::blocked},
    {"dial-up"sv, BounceReason::blocked},
    {"dialup"sv, BounceReason::blocked},
    {"residential"sv, BounceReason::blocked},
    // Content.
    {"spam"sv, BounceReason::spam_or_content},
    {"unsolicited"sv, BounceReason::spam_or_content},
    {"junk mail"sv, BounceReason::spam_or_content},
    {"bulk mail"sv, BounceReason::spam_or_content},
    {"phishing"sv, BounceReason::spam_or_content},
    {"content rejected"sv, BounceReason::spam_or_content},
    {"message filtered"sv, BounceReason::spam_or_content},
    {"rejected by the domain filter"sv, BounceReason::spam_or_content},
    {"message content"sv, BounceReason::spam_or_content},
    {"content filter"sv, BounceReason::spam_or_content},
    {"content policy"sv, BounceReason::spam_or_content},
    {"content restriction"sv, BounceReason::spam_or_content},
    {"objectionable"sv, BounceReason::spam_or_content},
    {"attachment"sv, BounceReason::spam_or_content},
    {"url in"sv, BounceReason::spam_or_content},
    {"suspicious"sv, BounceReason::spam_or_content},
    {"mail flood"sv, BounceReason::spam_or_content},
    // The recipient.
    {"user unknown"sv, BounceReason::unknown_recipient},
    {"unknown user"sv, BounceReason::unknown_recipient},
    {"unknown recipient"sv, BounceReason::unknown_recipient},
    {"recipient unknown"sv, BounceReason::unknown_recipient},
    {"unknown address"sv, BounceReason::unknown_recipient},
    {"unknown local part"sv, BounceReason::unknown_recipient},
    {"unknown or illegal alias"sv, BounceReason::unknown_recipient},
    {"no such user"sv, BounceReason::unknown_recipient},
    {"no such mailbox"sv, BounceReason::unknown_recipient},
    {"no such recipient"sv, BounceReason::unknown_recipient},
    {"no such account"sv, BounceReason::unknown_recipient},
    {"no such person"sv, BounceReason::unknown_recipient},
    {"no such address"sv, BounceReason::unknown_recipient},
    {"no mailbox"sv, BounceReason::unknown_recipient},
    {"user not found"sv, BounceReason::unknown_recipient},
    {"recipient not found"sv, BounceReason::unknown_recipient},
    {"address not found"sv, BounceReason::unknown_recipient},
    {"mailbox not found"sv, BounceReason::unknown_recipient},
    {"account not found"sv, BounceReason::unknown_recipient},
    {"recipnotfound"sv, BounceReason::unknown_recipient},
    {"recipientnotfound"sv, BounceReason::unknown_recipient},
    {"not found by smtp address lookup"sv, BounceReason::unknown_recipient},
    {"wasn't found at"sv, BounceReason::unknown_recipient},
    {"couldn't be found"sv, BounceReason::unknown_recipient},
    {"does not exist"sv, BounceReason::unknown_recipient},
    {"doesn't exist"sv, BounceReason::unknown_recipient},
    {"does not have an account"sv, BounceReason::unknown_recipient},
    {"doesn't have a"sv, BounceReason::unknown_recipient},
    {"not a valid mailbox"sv, BounceReason::unknown_recipient},
    {"not a valid user"sv, BounceReason::unknown_recipient},
    {"not a valid recipient"sv, BounceReason::unknown_recipient},
    {"invalid mailbox"sv, BounceReason::unknown_recipient},
    {"invalid recipient"sv, BounceReason::unknown_recipient},
    {"invalid address"sv, BounceReason::unknown_recipient},
    {"invalid user"sv, BounceReason::unknown_recipient},
    {"name is not recognized"sv, BounceReason::unknown_recipient},
    {"user not known"sv, BounceReason::unknown_recipient},
    {"address not known"sv, BounceReason::unknown_recipient},
    {"delivery userid"sv, BounceReason::unknown_recipient},
    {"bad recipient"sv, BounceReason::unknown_recipient},
    {"badrcptto"sv, BounceReason::unknown_recipient},
    {"addressee unknown"sv, BounceReason::unknown_recipient},
    {"address unknown"sv, BounceReason::unknown_recipient},
    {"not our customer"sv, BounceReason::unknown_recipient},
    {"no valid recipients"sv, BounceReason::unknown_recipient},
    {"unrouteable address"sv, BounceReason::unknown_recipient},
    {"is not a known user"sv, BounceReason::unknown_recipient},
    {"no longer in use"sv, BounceReason::unknown_recipient},
    // The mailbox.
    {"account disabled"sv, BounceReason::mailbox_disabled},
    {"mailbox disabled"sv, BounceReason::mailbox_disabled},
    {"is disabled"sv, BounceReason::mailbox_disabled},
    {"been disabled"sv, BounceReason::mailbox_disabled},
    {"temporarily disabled"sv, BounceReason::mailbox_disabled},
    {"account suspended"sv, BounceReason::mailbox_disabled},
    {"mailbox suspended"sv, BounceReason::mailbox_disabled},
    {"is suspended"sv, BounceReason::mailbox_disabled},
    {"been suspended"sv, BounceReason::mailbox_disabled},
    {"deactivated"sv, BounceReason::mailbox_disabled},
    {"inactive"sv, BounceReason::mailbox_disabled},
    {"not active"sv, BounceReason::mailbox_disabled},
    {"no longer active"sv, BounceReason::mailbox_disabled},
    {"account expired"sv, BounceReason::mailbox_disabled},
    {"account has expired"sv, BounceReason::mailbox_disabled},
    {"account locked"sv, BounceReason::mailbox_disabled},
    {"mailbox locked"sv, BounceReason::mailbox_disabled},
    {"is locked"sv, BounceReason::mailbox_disabled},
    {"frozen"sv, BounceReason::mailbox_disabled},
    {"mailbox full"sv, BounceReason::mailbox_full},
    {"mailbox is full"sv, BounceReason::mailbox_full},
    {"folder is full"sv, BounceReason::mailbox_full},
    {"mailbox has exceeded"sv, BounceReason::mailbox_full},
    {"full mailbox"sv, BounceReason::mailbox_full},
    {"over quota"sv, BounceReason::mailbox_full},
    {"overquota"sv, BounceReason::mailbox_full},
    {"quota exceeded"sv, BounceReason::mailbox_full},
    {"exceeded quota"sv, BounceReason::mailbox_full},
    {"exceeds quota"sv, BounceReason::mailbox_full},
    {"quota"sv, BounceReason::mailbox_full},
    {"storage allocation"sv, BounceReason::mailbox_full},
    {"out of storage"sv, BounceReason::mailbox_full},
    {"not enough storage"sv, BounceReason::mailbox_full},
    {"storage space"sv, BounceReason::mailbox_full},
    {"too much mail"sv, BounceReason::mailbox_full},
    {"mailbox size"sv, BounceReason::mailbox_full},
    {"has moved"sv, BounceReason::mailbox_moved},
    {"has been moved"sv, BounceReason::mailbox_moved},
    {"changed address"sv, BounceReason::mailbox_moved},
    {"user not local"sv, BounceReason::mailbox_moved},
    // The message.
    {"message too large"sv, BounceReason::message_too_large},
    {"message is too large"sv, BounceReason::message_too_large},
    {"message too big"sv, BounceReason::message_too_large},
    {"message is too big"sv, BounceReason::message_too_large},
    {"message size"sv, BounceReason::message_too_large},
    {"message length exceeds"sv, BounceReason::message_too_large},
    {"size limit"sv, BounceReason::message_too_large},
    {"maximum message size"sv, BounceReason::message_too_large},
    {"too large"sv, BounceReason::message_too_large},
    {"file too big"sv, BounceReason::message_too_large},
    // The domain.
    {"does not accept mail"sv, BounceReason::no_mail_domain},
    {"doesn't receive email"sv, BounceReason::no_mail_domain},
    {"does not receive email"sv, BounceReason::no_mail_domain},
    {"no smtp service"sv, BounceReason::no_mail_domain},
    {"doesn't accept mail"sv, BounceReason::no_mail_domain},
    {"accepts no mail"sv, BounceReason::no_mail_domain},
    {"null mx"sv, BounceReason::no_mail_domain},
    {"not accept mail"sv, BounceReason::no_mail_domain},
    {"host not found"sv, BounceReason::unknown_domain},
    {"host unknown"sv, BounceReason::unknown_domain},
    {"unknown host"sv, BounceReason::unknown_domain},
    {"domain not found"sv, BounceReason::unknown_domain},
    {"unknown domain"sv, BounceReason::unknown_domain},
    {"domain unknown"sv, BounceReason::unknown_domain},
    {"no such domain"sv, BounceReason::unknown_domain},
    {"domain does not exist"sv, BounceReason::unknown_domain},
    {"non-existent domain"sv, BounceReason::unknown_domain},
    {"non-existent host"sv, BounceReason::unknown_domain},
    {"nonexistent domain"sv, BounceReason::unknown_domain},
    {"name or service not known"sv, BounceReason::unknown_domain},
    {"host or domain name not found"sv, BounceReason::unknown_domain},
    {"no mx"sv, BounceReason::unknown_domain},
    {"mx record"sv, BounceReason::unknown_domain},
    {"nxdomain"sv, BounceReason::unknown_domain},
    {"unroutable"sv, BounceReason::unknown_domain},
    {"unrouteable"sv, BounceReason::unknown_domain},
    {"no route to domain"sv, BounceReason::unknown_domain},
    {"dns error"sv, BounceReason::unknown_domain},
    {"dns lookup failure"sv, BounceReason::unknown_domain},
    {"domain name not found"sv, BounceReason::unknown_domain},
    // Generic words about the recipient, after the domain's.
    {"mailbox unavailable"sv, BounceReason::unknown_recipient},
    {"mailbox is unavailable"sv, BounceReason::unknown_recipient},
    {"address rejected"sv, BounceReason::unknown_recipient},
    {"recipient rejected"sv, BounceReason::unknown_recipient},
    {"not exist"sv, BounceReason::unknown_recipient},
    // Protocol and message format.
    {"syntax error"sv, BounceReason::syntax_error},
    {"command unrecognized"sv, BounceReason::syntax_error},
    {"unrecognized command"sv, BounceReason::syntax_error},
    {"bad sequence"sv, BounceReason::syntax_error},
    {"line too long"sv, BounceReason::syntax_error},
    {"not compliant"sv, BounceReason::syntax_error},
    {"rfc 5322"sv, BounceReason::syntax_error},
    {"rfc5322"sv, BounceReason::syntax_error},
    {"rfc 2822"sv, BounceReason::syntax_error},
    {"rfc2822"sv, BounceReason::syntax_error},
    {"rfc 822"sv, BounceReason::syntax_error},
    {"malformed"sv, BounceReason::syntax_error},
    {"invalid header"sv, BounceReason::syntax_error},
    {"missing header"sv, BounceReason::syntax_error},
    {"header error"sv, BounceReason::syntax_error},
    {"bare lf"sv, BounceReason::syntax_error},
    {"protocol error"sv, BounceReason::syntax_error},
    // The network.
    {"connection refused"sv, BounceReason::network_error},
    {"did not accept our requests to connect"sv, BounceReason::network_error},
    {"connection timed out"sv, BounceReason::network_error},
    {"timed out"sv, BounceReason::network_error},
    {"timeout"sv, BounceReason::network_error},
    {"network is unreachable"sv, BounceReason::network_error},
    {"no route to host"sv, BounceReason::network_error},
    {"host unreachable"sv, BounceReason::network_error},
    {"connection reset"sv, BounceReason::network_error},
    {"connection closed"sv, BounceReason::network_error},
    {"lost connection"sv, BounceReason::network_error},
    {"could not connect"sv, BounceReason::network_error},
    {"unable to connect"sv, BounceReason::network_error},
    {"failed to connect"sv, BounceReason::network_error},
    {"broken pipe"sv, BounceReason::network_error},
    {"network error"sv, BounceReason::network_error},
    {"smtp conversation"sv, BounceReason::network_error},
    {"connection dropped"sv, BounceReason::network_error},
    {"not reachable"sv, BounceReason::network_error},
    {"did not respond"sv, BounceReason::network_error},
    {"not responding"sv, BounceReason::network_error},
    {"smtp connection"sv, BounceReason::network_error},
    {"name server"sv, BounceReason::network_error},
    {"mail loop"sv, BounceReason::network_error},
    {"routing loop"sv, BounceReason::network_error},
    {"too many hops"sv, BounceReason::network_error},
    {"loops back"sv, BounceReason::network_error},
    // A server that answers the connection with an error: usually a block of the sending IP.
    {"refused to talk to me"sv, BounceReason::blocked},
    // The receiving system.
    {"system error"sv, BounceReason::system_error},
    {"internal error"sv, BounceReason::system_error},
    {"server error"sv, BounceReason::system_error},
    {"local error"sv, BounceReason::system_error},
    {"configuration error"sv, BounceReason::system_error},
    {"mailer error"sv, BounceReason::system_error},
    {"out of memory"sv, BounceReason::system_error},
    {"insufficient system"sv, BounceReason::system_error},
    {"system resources"sv, BounceReason::system_error},
    {"temporary failure"sv, BounceReason::system_error},
    {"temporary local problem"sv, BounceReason::system_error},
    {"not accepting"sv, BounceReason::system_error},
    {"too busy"sv, BounceReason::system_error},
    {"service unavailable"sv, BounceReason::system_error},
    {"service not available"sv, BounceReason::system_error},
    {"currently unavailable"sv, BounceReason::system_error},
    {"unable to contact"sv, BounceReason::system_error},
    // Gave up after retrying: after the other reasons, since the last error says more.
    {"delivery time expired"sv, BounceReason::expired},
    {"retry timeout exceeded"sv, BounceReason::expired},
    {"retry time not reached for any host after a long"sv, BounceReason::expired},
    {"message expired"sv, BounceReason::expired},
    {"message has been in the queue too long"sv, BounceReason::expired},
    {"too long in queue"sv, BounceReason::expired},
    {"could not be delivered within"sv, BounceReason::expired},
    {"has not been delivered"sv, BounceReason::expired},
    {"was not delivered within"sv, BounceReason::expired},
    {"could not deliver for the last"sv, BounceReason::expired},
    // Generic policy words, last.
    {"access denied"sv, BounceReason::blocked},
    {"blocked"sv, BounceReason::blocked},
    {"banned"sv, BounceReason::blocked},
    {"policy"sv, BounceReason::blocked},
    {"prohibited"sv, BounceReason::blocked},
    {"not allowed"sv, BounceReason::blocked},
    {"not authorized"sv, BounceReason::blocked},
    {"not permitted"sv, BounceReason::blocked},
    {"refused"sv, BounceReason::blocked},
    {"denied"sv, BounceReason::blocked},
};

// The phrases grouped by first letter, so that one pass over the text
// tries only the phrases that can start at each position.
struct PhraseIndex {
  static constexpr std::size_t size = sizeof(phrases) / sizeof(phrases[0]);
  std::uint16_t order[size]{};  // table indexes, by first character, then table order
  std::uint16_t start[257]{};   // order[start[c] .. start[c + 1]) begin with character c
};

// A counting sort by first character: linear in the table, because every
// translation unit that includes this header evaluates it.
[[nodiscard]] constexpr PhraseIndex make_phrase_index() noexcept {
  PhraseIndex index;
  for (const Phrase& phrase : phrases) ++index.start[static_cast<unsigned char>(phrase.text[0]) + 1];
  for (unsigned c = 0; c < 256; ++c)
    index.start[c + 1] = static_cast<std::uint16_t>(index.start[c + 1] + index.start[c]);
  std::uint16_t filled[256]{};
  for (std::size_t i = 0; i < PhraseIndex::size; ++i) {
    const auto c = static_cast<unsigned char>(phrases[i].text[0]);
    index.order[index.start[c] + filled[c]++] = static_cast<std::uint16_t>(i);
  }
  return index;
}

inline constexpr PhraseIndex phrase_index = make_phrase_index();

// Does phrase occur at text[pos]? Case is ignored, and a space in the
// phrase matches any run of white space, line breaks of folded or wrapped
// diagnostics included.
[[nodiscard]] constexpr bool matches_phrase_at(std::string_view text, std::size_t pos,
                                               std::string_view phrase) noexcept {
  std::size_t t = pos;
  for (char p : phrase) {
    if (t == text.size()) return false;
    if (p == ' ') {
      if (!is_space(text[t])) return false;
      while (t < text.size() && is_space(text[t])) ++t;
      continue;
    }
    if (to_lower(text[t]) != p) return false;
    ++t;
  }
  return true;
}

// The phrase of the table that occurs in text and comes first in the table
// (not in the text). One pass over the text; at each position only the
// phrases starting with its letter, and earlier in the table than the best
// so far, are compared.
[[nodiscard]] constexpr Evidence find_phrase(std::string_view text, BounceReason& reason) noexcept {
  std::size_t best = PhraseIndex::size;
  std::size_t best_offset = 0;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const auto c = static_cast<unsigned char>(to_lower(text[pos]));
    for (std::size_t k = phrase_index.start[c]; k < phrase_index.start[c + 1]; ++k) {
      const std::size_t i = phrase_index.order[k];
      if (i >= best) break;  // the rest of this letter's phrases come later in the table
      if (matches_phrase_at(text, pos, phrases[i].text)) {
        best = i;
        best_offset = pos;
        break;
      }
    }
  }
  if (best == PhraseIndex::size) {
    reason = BounceReason::unknown;
    return Evidence{};
  }
  reason = phrases[best].reason;
  return Evidence{EvidenceKind::text, phrases[best].text, best_offset};
}

// Does the text say that delivery attempts have stopped?
[[nodiscard]] constexpr bool says_gave_up(std::string_view text) noexcept {
  constexpr std::string_view words[] = {
      "not going to try again"sv, "retry timeout exceeded"sv,         "delivery time expired"sv, "too long in queue"sv,
      "in the queue too long"sv,  "could not deliver for the last"sv, "message expired"sv};
  for (std::string_view phrase : words) {
    if (ifind(text, phrase) != std::string_view::npos) return true;
  }
  return false;
}

// Reasons that condemn the address when the failure is permanent.
[[nodiscard]] constexpr bool is_address_failure(BounceReason reason) noexcept {
  return reason == BounceReason::unknown_recipient || reason == BounceReason::unknown_domain ||
         reason == BounceReason::no_mail_domain || reason == BounceReason::mailbox_moved;
}

// Suggested waits for a soft bounce that may clear by itself.
[[nodiscard]] constexpr std::uint32_t retry_delay(BounceReason reason) noexcept {
  switch (reason) {
    case BounceReason::rate_limited: return 15 * 60;
    case BounceReason::network_error: return 10 * 60;
    case BounceReason::system_error: return 30 * 60;
    case BounceReason::mailbox_full: return 24 * 3600;
    case BounceReason::mailbox_disabled: return 24 * 3600;
    case BounceReason::expired: return 24 * 3600;
    default: return 60 * 60;
  }
}

// Soft reasons that will not clear without a change on the sending side.
[[nodiscard]] constexpr bool needs_change(BounceReason reason) noexcept {
  switch (reason) {
    case BounceReason::message_too_large:
    case BounceReason::spam_or_content:
    case BounceReason::virus:
    case BounceReason::blocked:
    case BounceReason::sender_rejected:
    case BounceReason::reverse_dns:
    case BounceReason::authentication:
    case BounceReason::relay_denied:
    case BounceReason::tls:
    case BounceReason::syntax_error: return true;
    default: return false;
  }
}

// Diagnostic text beyond this many characters is not searched for phrases.
inline constexpr std::size_t max_phrase_text = 4096;

}  // namespace detail

// Classifies what is known about one recipient. Order of decision:
//  1. Action delivered, relayed or expanded, or a 2xx / 2.x.x alone: delivered.
//  2. X.4.7, or an MTA that gave up (failed with 4.x.x, "retry timeout
//     exceeded" ...) on a network error or an unexplained one: expired.
//  3. A 521 or 556 reply (RFC 7504): no_mail_domain.
//  4. A specific enhanced status (5.1.1 unknown_recipient ...), except that
//     rate-limit phrases win over any status.
//  5. Otherwise the first phrase of the table found in the diagnostic.
//  6. Otherwise a generic status (5.7.1 blocked, X.0.0 by subject), then a
//     narrow reply code (552 mailbox_full, 535 authentication ...).
// Codes missing from the facts are taken from the diagnostic (find_codes).
// The bounce is hard when the failure is permanent (class 5, 5xx, or Action
// failed without a code) and the reason condemns the address; any other
// failure is soft; anything else is none. docs/bounces.md has the details.
// NOLINTNEXTLINE(readability-function-cognitive-complexity): the rules in order of precedence
[[nodiscard]] constexpr Verdict classify(const BounceFacts& facts) noexcept {
  Verdict verdict;
  verdict.reply_code = facts.reply_code;
  verdict.enhanced_status = facts.enhanced_status;
  if (verdict.reply_code.value() == 0 || verdict.enhanced_status.class_digit() == 0) {
    const FoundCodes found = find_codes(facts.diagnostic);
    if (verdict.reply_code.value() == 0 && found.has_reply_code()) verdict.reply_code = found.reply_code;
    if (verdict.enhanced_status.class_digit() == 0 && found.has_enhanced_status()) {
      verdict.enhanced_status = found.enhanced_status;
      // An expiry (X.4.7) wraps the last error it quotes; the expiry is the outcome.
      for_each_code(facts.diagnostic, [&verdict](const CodeMatch& match) noexcept {
        if (match.kind != CodeKind::enhanced_status || match.enhanced_status.subject_number() != 4 ||
            match.enhanced_status.detail() != 7) {
          return true;
        }
        verdict.enhanced_status = match.enhanced_status;
        return false;
      });
    }
  }
  const bool has_status = verdict.enhanced_status.class_digit() != 0;
  const bool has_reply = verdict.reply_code.value() != 0;

  // How permanent is it? The status class, else the reply code, else the action.
  unsigned failure_class = 0;
  if (has_status)
    failure_class = verdict.enhanced_status.class_digit();
  else if (has_reply)
    failure_class = verdict.reply_code.first_digit();
  if (facts.action == DsnAction::failed && failure_class != 4 && failure_class != 5) failure_class = 5;
  if (facts.action == DsnAction::delayed) failure_class = 4;

  const bool success_action =
      facts.action == DsnAction::delivered || facts.action == DsnAction::relayed || facts.action == DsnAction::expanded;
  if (success_action || (failure_class == 2 && facts.action == DsnAction::unknown)) {
    verdict.reason = BounceReason::delivered;
    verdict.evidence.kind = success_action ? EvidenceKind::action
                            : has_status   ? EvidenceKind::enhanced_status
                                           : EvidenceKind::reply_code;
    return verdict;
  }

  const std::string_view text = facts.diagnostic.substr(0, detail::max_phrase_text);
  BounceReason text_reason = BounceReason::unknown;
  const Evidence text_evidence = detail::find_phrase(text, text_reason);
  const detail::StatusReason from_status =
      has_status ? detail::reason_for_status(verdict.enhanced_status) : detail::StatusReason{};

  // The MTA gave up retrying: a transient status on a failed recipient, or
  // words to that effect. Unless the last error names a specific reason
  // (rate limit, block, full mailbox ...), that is an expiry.
  const bool gave_up =
      (facts.action == DsnAction::failed && has_status && verdict.enhanced_status.class_digit() == 4) ||
      detail::says_gave_up(text);
  // A specific permanent status says more than "gave up".
  const bool status_says_more = has_status && !from_status.generic && verdict.enhanced_status.class_digit() == 5;
  // Some providers send 521 for blocks (with a status of their own); only
  // a status that agrees or says nothing lets the reply decide.
  const bool agreeing_status =
      !has_status || (verdict.enhanced_status.subject_number() == 0 && verdict.enhanced_status.detail() == 0) ||
      (verdict.enhanced_status.subject_number() == 1 && verdict.enhanced_status.detail() == 10) ||
      (verdict.enhanced_status.subject_number() == 3 && verdict.enhanced_status.detail() == 2);
  const bool narrow_reply =
      has_reply && (verdict.reply_code.value() == 521 || verdict.reply_code.value() == 556) && agreeing_status;
  if (from_status.reason == BounceReason::expired ||
      (gave_up && !status_says_more &&
       (text_reason == BounceReason::unknown || text_reason == BounceReason::network_error))) {
    verdict.reason = BounceReason::expired;
    verdict.evidence.kind =
        from_status.reason == BounceReason::expired ? EvidenceKind::enhanced_status : EvidenceKind::action;
  } else if (narrow_reply) {
    // RFC 7504: 521 and 556 say the domain accepts no mail, whatever the status.
    verdict.reason = BounceReason::no_mail_domain;
    verdict.evidence.kind = EvidenceKind::reply_code;
  } else if (has_status && !from_status.generic && text_reason != BounceReason::rate_limited) {
    // Rate-limit phrases win over any status: some providers send 5.1.1 with them.
    verdict.reason = from_status.reason;
    verdict.evidence.kind = EvidenceKind::enhanced_status;
  } else if (text_reason != BounceReason::unknown) {
    verdict.reason = text_reason;
    verdict.evidence = text_evidence;
  } else if (has_status && from_status.reason != BounceReason::unknown) {
    verdict.reason = from_status.reason;
    verdict.evidence.kind = EvidenceKind::enhanced_status;
  } else if (has_reply && detail::reason_for_reply(verdict.reply_code) != BounceReason::unknown) {
    verdict.reason = detail::reason_for_reply(verdict.reply_code);
    verdict.evidence.kind = EvidenceKind::reply_code;
  } else if (facts.action == DsnAction::failed || facts.action == DsnAction::delayed) {
    verdict.evidence.kind = EvidenceKind::action;
  }
  if (text_reason != verdict.reason) verdict.text_reason = text_reason;

  if (failure_class != 4 && failure_class != 5) {
    // No code and no action: the text alone says it failed, if it names a reason.
    if (verdict.reason == BounceReason::unknown || verdict.reason == BounceReason::delivered) {
      verdict.reason = BounceReason::unknown;
      return verdict;
    }
    failure_class = detail::is_address_failure(verdict.reason) ? 5 : 4;
  }
  if (verdict.reason == BounceReason::delivered) verdict.reason = BounceReason::unknown;
  verdict.bounce =
      failure_class == 5 && detail::is_address_failure(verdict.reason) ? BounceType::hard : BounceType::soft;
  if (verdict.bounce == BounceType::hard) {
    verdict.retry = Retry::do_not_retry;
  } else {
    if (detail::needs_change(verdict.reason) || (failure_class == 5 && verdict.reason == BounceReason::unknown)) {
      verdict.retry = Retry::after_fix;
    } else {
      verdict.retry = Retry::retry_later;
      verdict.retry_after_seconds = detail::retry_delay(verdict.reason);
    }
  }
  return verdict;
}

// Classifies a diagnostic text or log line on its own.
[[nodiscard]] constexpr Verdict classify_text(std::string_view diagnostic) noexcept {
  BounceFacts facts;
  facts.diagnostic = diagnostic;
  return classify(facts);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_CLASSIFY_HPP
