#ifndef SMTPCODES_REGISTRY_REPLY_ADVICE_HPP
#define SMTPCODES_REGISTRY_REPLY_ADVICE_HPP

// retry_advice(reply): one call for an SMTP client holding a reply. The
// registry names the reason (the enhanced status code's record, else the
// reply code's), and the rule table of <smtpcodes/registry/retry.hpp> turns
// it into the advice, as for describe(...).remedy and the bounce classifier.
#include <cstddef>
#include <string_view>

#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/registry/lookup.hpp>
#include <smtpcodes/registry/retry.hpp>
#include <smtpcodes/reply_code.hpp>
#include <smtpcodes/wire/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

namespace detail {
// 452 and 552 have two meanings in practice: RFC 5321 §4.2.2 names them for
// system storage and storage allocation, RFC 1870 §6 uses 552 for a message
// over the size limit, and many servers send them for a full mailbox. Without
// an enhanced code only the words tell.
constexpr std::string_view mailbox_full_words[] = {
    "mailbox full", "mailbox is full", "quota", "over quota", "mailbox size limit", "insufficient storage for user"};
constexpr std::string_view message_too_large_words[] = {"too much mail data", "message too large", "message too big",
                                                        "message size",       "size limit",        "exceeds size"};

template <std::size_t N>
constexpr bool says_any(std::string_view text, const std::string_view (&words)[N]) noexcept {
  for (const std::string_view word : words) {
    if (ifind(text, word) != std::string_view::npos) return true;
  }
  return false;
}
}  // namespace detail

// Why the registry says a reply failed: the enhanced status code's record
// (or its subject's) when there is one, else the reply code's record (or the
// fallback for its first digit); for 452 and 552 without an enhanced code,
// the text decides between a full mailbox and a message too large.
[[nodiscard]] constexpr FailureReason failure_reason(ReplyCode reply, EnhancedStatus status,
                                                     std::string_view text = {}) noexcept {
  if (status.class_digit() != 0) return describe(status).remedy.reason;
  if (reply.value() == 452 || reply.value() == 552) {
    if (detail::says_any(text, detail::mailbox_full_words)) return FailureReason::mailbox_full;
    if (detail::says_any(text, detail::message_too_large_words)) return FailureReason::message_too_large;
  }
  return describe(reply).remedy.reason;
}

// Should the client send again, when, and who must act: from the reply code,
// the enhanced status code (either may be empty) and the reply's text.
[[nodiscard]] constexpr RetryAdvice retry_advice(ReplyCode reply, EnhancedStatus status,
                                                 std::string_view text = {}) noexcept {
  return retry_advice(status, reply, failure_reason(reply, status, text));
}

// The same for a parsed reply; the text of every line counts.
template <std::size_t MaxLines>
[[nodiscard]] constexpr RetryAdvice retry_advice(const BasicReply<MaxLines>& reply) noexcept {
  const EnhancedStatus status = reply.has_enhanced_status() ? reply.enhanced_status() : EnhancedStatus{};
  FailureReason reason = failure_reason(reply.code(), status);
  for (const ReplyLine& line : reply) {
    const FailureReason from_text = failure_reason(reply.code(), status, line.message);
    if (from_text != reason) {
      reason = from_text;
      break;
    }
  }
  return retry_advice(status, reply.code(), reason);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REGISTRY_REPLY_ADVICE_HPP
