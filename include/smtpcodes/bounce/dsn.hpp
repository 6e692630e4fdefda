#ifndef SMTPCODES_BOUNCE_DSN_HPP
#define SMTPCODES_BOUNCE_DSN_HPP

// Delivery status notifications (RFC 3464) and the multipart/report messages
// that carry them (RFC 6522), read without copying: every field is a view
// into the caller's text, which must outlive the results. Header and MIME
// reading is in mime.hpp. Work is linear in the size of the input.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/owning_temporary.hpp>
#include <smtpcodes/detail/standard_parts.hpp>  // std::forward_iterator_tag
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/result.hpp>

namespace smtpcodes {
inline namespace v0 {

// "type; value", as in "rfc822; bob@example.com" or "smtp; 550 5.1.1 ..."
// (RFC 3464 §2.1.2). type is empty when there is no ";".
struct TypedValue {
  std::string_view type;
  std::string_view value;

  [[nodiscard]] constexpr bool empty() const noexcept { return value.empty() && type.empty(); }
};

// The Action field (RFC 3464 §2.3.3); unknown for anything else.
enum class DsnAction : std::uint8_t { unknown, failed, delayed, delivered, relayed, expanded };

[[nodiscard]] constexpr std::string_view name(DsnAction action) noexcept {
  switch (action) {
    case DsnAction::failed: return "failed";
    case DsnAction::delayed: return "delayed";
    case DsnAction::delivered: return "delivered";
    case DsnAction::relayed: return "relayed";
    case DsnAction::expanded: return "expanded";
    case DsnAction::unknown: break;
  }
  return "unknown";
}

[[nodiscard]] constexpr TypedValue split_typed(std::string_view value) noexcept {
  const std::size_t semicolon = value.find(';');
  if (semicolon == std::string_view::npos) return TypedValue{{}, detail::trim(value)};
  return TypedValue{detail::trim(value.substr(0, semicolon)), detail::trim(value.substr(semicolon + 1))};
}

// An address without its comment, angle brackets, quotes or display name:
// "<Bob@Example.com> (x)" and "Bob <Bob@Example.com>" -> "Bob@Example.com".
// Header fields (To, From) carry display names; DSN fields do not, but
// the same reading serves both (RFC 5322 §3.4 name-addr).
[[nodiscard]] constexpr std::string_view bare_address(std::string_view address) noexcept {
  address = strip_comment(address);
  const std::size_t open = address.find('<');
  if (open != std::string_view::npos) {
    const std::size_t close = address.find('>', open);
    address = address.substr(open + 1, close == std::string_view::npos ? close : close - open - 1);
  }
  while (!address.empty() && (address.front() == '<' || address.front() == '"' || address.front() == '\'')) {
    address.remove_prefix(1);
  }
  while (!address.empty() && (address.back() == '>' || address.back() == '"' || address.back() == '\'' ||
                              address.back() == '.' || address.back() == ',')) {
    address.remove_suffix(1);
  }
  return detail::trim(address);
}

namespace detail {

// The word of an Action field: some MTAs write "failed (permanent)" or add
// words after it.
[[nodiscard]] constexpr std::string_view action_word(std::string_view value) noexcept {
  value = strip_comment(value);
  return value.substr(0, value.find_first_of(" \t;"));
}

// SendGrid writes "expired", which RFC 3464 does not define, for a failure it
// gave up retrying: a failed action (the bounce reader also notes that it gave up).
[[nodiscard]] constexpr bool action_says_expired(std::string_view value) noexcept {
  return iequals(action_word(value), "expired");
}

}  // namespace detail

[[nodiscard]] constexpr DsnAction parse_action(std::string_view value) noexcept {
  value = detail::action_word(value);
  if (detail::iequals(value, "failed") || detail::iequals(value, "failure") || detail::iequals(value, "expired")) {
    return DsnAction::failed;
  }
  if (detail::iequals(value, "delayed")) return DsnAction::delayed;
  if (detail::iequals(value, "delivered")) return DsnAction::delivered;
  if (detail::iequals(value, "relayed")) return DsnAction::relayed;
  if (detail::iequals(value, "expanded")) return DsnAction::expanded;
  return DsnAction::unknown;
}

// The per-message fields of a delivery-status body (RFC 3464 §2.2).
struct DsnMessageFields {
  std::string_view original_envelope_id;
  TypedValue reporting_mta;
  TypedValue dsn_gateway;
  TypedValue received_from_mta;
  std::string_view arrival_date;
};

namespace detail {
// "local@domain" with both parts and no route, type or list in it. Some
// MTAs write a broken Original-Recipient ("rfc822; rfc822;a@b",
// "rfc822; 1"); the Final-Recipient is read then.
[[nodiscard]] constexpr bool is_plain_mailbox(std::string_view address) noexcept {
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (const char c : address) {
    if (c == ';' || c == ':' || c == ',' || c == '<' || c == '>' || c == ' ' || c == '\t') return false;
  }
  return true;
}
}  // namespace detail

// One per-recipient block (RFC 3464 §2.3).
struct DsnRecipient {
  TypedValue original_recipient;
  TypedValue final_recipient;
  // Sendmail's X-Actual-Recipient: what an alias or .forward expanded the
  // recipient to, such as a program ("|/usr/bin/procmail").
  TypedValue actual_recipient;
  std::string_view action_text;
  std::string_view status_text;
  TypedValue remote_mta;
  TypedValue diagnostic_code;
  std::string_view last_attempt_date;
  std::string_view final_log_id;
  std::string_view will_retry_until;

  [[nodiscard]] constexpr DsnAction action() const noexcept { return parse_action(action_text); }

  // The Status field, read leniently: comments and zero padding are common.
  [[nodiscard]] constexpr Result<EnhancedStatus> status() const noexcept {
    const std::string_view text = strip_comment(status_text);
    std::size_t end = 0;
    return detail::scan_enhanced_status(text, ParseMode::lenient, end);
  }

  // The address the sender gave: an Internet (rfc822) Original-Recipient,
  // which RFC 3464 §2.3.1 copies from the ORCPT parameter (RFC 3461 §4.2),
  // else the Final-Recipient. The final address may be what an alias or a
  // forward expanded it to, or a gateway's own route ("x400; /RFC-822=...",
  // Messaging Server's "user@ims-ms-daemon" store channel); the sender's
  // list holds the original one.
  [[nodiscard]] constexpr std::string_view recipient() const noexcept {
    const std::string_view original_address = bare_address(original_recipient.value);
    if (detail::iequals(original_recipient.type, "rfc822") && detail::is_plain_mailbox(original_address))
      return original_address;
    const std::string_view final = final_address();
    return final.empty() ? original_address : final;
  }

  // The Final-Recipient's address (RFC 3464 §2.3.2): the one the reporting
  // MTA tried last, which its own text names. Another type's address is
  // given as written but for angle brackets ("LOCAL; <ann>", "system; <>"):
  // an X.400 one holds parentheses that are no comment.
  [[nodiscard]] constexpr std::string_view final_address() const noexcept {
    if (final_recipient.type.empty() || detail::iequals(final_recipient.type, "rfc822"))
      return bare_address(final_recipient.value);
    std::string_view value = final_recipient.value;
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
    return detail::trim(value);
  }
};

namespace detail {

// Stores a field of a recipient block; false when the name is not one.
constexpr bool assign_recipient_field(DsnRecipient& recipient, const HeaderField& field) noexcept {
  const std::string_view n = field.name;
  if (iequals(n, "Original-Recipient"))
    recipient.original_recipient = split_typed(field.value);
  else if (iequals(n, "Final-Recipient"))
    recipient.final_recipient = split_typed(field.value);
  else if (iequals(n, "X-Actual-Recipient"))
    recipient.actual_recipient = split_typed(field.value);
  else if (iequals(n, "Action"))
    recipient.action_text = field.value;
  else if (iequals(n, "Status"))
    recipient.status_text = field.value;
  else if (iequals(n, "Remote-MTA"))
    recipient.remote_mta = split_typed(field.value);
  else if (iequals(n, "Diagnostic-Code"))
    recipient.diagnostic_code = split_typed(field.value);
  else if (iequals(n, "Last-Attempt-Date"))
    recipient.last_attempt_date = field.value;
  else if (iequals(n, "Final-Log-ID"))
    recipient.final_log_id = field.value;
  else if (iequals(n, "Will-Retry-Until"))
    recipient.will_retry_until = field.value;
  else
    return false;
  return true;
}

constexpr void assign_message_field(DsnMessageFields& message, const HeaderField& field) noexcept {
  const std::string_view n = field.name;
  if (iequals(n, "Original-Envelope-Id"))
    message.original_envelope_id = field.value;
  else if (iequals(n, "Reporting-MTA"))
    message.reporting_mta = split_typed(field.value);
  else if (iequals(n, "DSN-Gateway"))
    message.dsn_gateway = split_typed(field.value);
  else if (iequals(n, "Received-From-MTA"))
    message.received_from_mta = split_typed(field.value);
  else if (iequals(n, "Arrival-Date"))
    message.arrival_date = field.value;
}

// Does the field name a recipient that the block already has? Then it
// starts the next recipient: some MTAs leave out the blank line between
// recipient blocks that RFC 3464 §2.1 requires (AOL's notices do).
[[nodiscard]] constexpr bool starts_next_recipient(const DsnRecipient& recipient, const HeaderField& field) noexcept {
  return (iequals(field.name, "Final-Recipient") && !recipient.final_recipient.empty()) ||
         (iequals(field.name, "Original-Recipient") && !recipient.original_recipient.empty());
}

// Reads the next block that names a recipient, starting at pos.
[[nodiscard]] constexpr bool next_recipient_block(std::string_view text, std::size_t& pos,
                                                  DsnRecipient& recipient) noexcept {
  while (pos < text.size()) {
    recipient = DsnRecipient{};
    bool any = false;
    HeaderField field;
    std::size_t field_start = pos;
    while (next_header_field(text, pos, field)) {
      if (starts_next_recipient(recipient, field)) {
        pos = field_start;  // read again as the first field of the next block
        break;
      }
      any = assign_recipient_field(recipient, field) || any;
      field_start = pos;
    }
    if (any && !(recipient.final_recipient.empty() && recipient.original_recipient.empty())) return true;
  }
  return false;
}

}  // namespace detail

// Iterates over the per-recipient blocks of a delivery-status body.
class DsnRecipientIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = DsnRecipient;
  using difference_type = std::ptrdiff_t;
  using reference = const DsnRecipient&;
  using pointer = const DsnRecipient*;

  constexpr DsnRecipientIterator() noexcept = default;
  constexpr DsnRecipientIterator(std::string_view text, std::size_t pos) noexcept : text_(text), pos_(pos) {
    advance();
  }

  constexpr reference operator*() const noexcept { return current_; }
  constexpr pointer operator->() const noexcept { return &current_; }
  constexpr DsnRecipientIterator& operator++() noexcept {
    advance();
    return *this;
  }
  constexpr DsnRecipientIterator operator++(int) noexcept {
    DsnRecipientIterator before = *this;
    advance();
    return before;
  }
  friend constexpr bool operator==(const DsnRecipientIterator& a, const DsnRecipientIterator& b) noexcept {
    return a.done_ == b.done_ && (a.done_ || a.pos_ == b.pos_);
  }
  friend constexpr bool operator!=(const DsnRecipientIterator& a, const DsnRecipientIterator& b) noexcept {
    return !(a == b);
  }

 private:
  constexpr void advance() noexcept { done_ = !detail::next_recipient_block(text_, pos_, current_); }

  std::string_view text_;
  std::size_t pos_ = 0;
  DsnRecipient current_;
  bool done_ = true;
};

// A parsed message/delivery-status body: the per-message fields and a range
// over the recipients.
struct DeliveryStatus {
  DsnMessageFields message;
  std::string_view text;

  [[nodiscard]] constexpr DsnRecipientIterator begin() const noexcept { return {text, 0}; }
  [[nodiscard]] constexpr DsnRecipientIterator end() const noexcept { return {}; }
  [[nodiscard]] constexpr std::size_t recipient_count() const noexcept {
    std::size_t count = 0;
    for (auto it = begin(); it != end(); ++it) ++count;
    return count;
  }
};

// Parses a message/delivery-status body (RFC 3464 §2.1). The per-message
// fields come from the first block; the recipients are every block that has
// a Final-Recipient or Original-Recipient field (also the first block, for
// the malformed notifications that merge the two).
[[nodiscard]] constexpr DeliveryStatus parse_delivery_status(std::string_view body SMTPCODES_LIFETIMEBOUND) noexcept {
  DeliveryStatus result;
  result.text = body;
  std::size_t pos = 0;
  while (pos < body.size() && detail::is_blank_line(detail::line_at(body, pos).text)) {
    pos = detail::line_at(body, pos).next;
  }
  HeaderField field;
  while (detail::next_header_field(body, pos, field)) detail::assign_message_field(result.message, field);
  return result;
}
// The result views its argument: a temporary string would dangle.
template <class String, std::enable_if_t<detail::owning_temporary_v<String>, int> = 0>
DeliveryStatus parse_delivery_status(String&& body) = delete;

[[nodiscard]] constexpr bool is_delivery_status_type(std::string_view content_type) noexcept {
  // RFC 6533 adds message/global-delivery-status for internationalized mail.
  return detail::iequals(content_type, "message/delivery-status") ||
         detail::iequals(content_type, "message/global-delivery-status");
}

namespace detail {

// find_delivery_status for a message whose MIME structure has no
// delivery-status part: the text after the first "Content-Type:
// message/delivery-status" header up to the next "--" line.
[[nodiscard]] constexpr std::string_view find_delivery_status_in_text(std::string_view message) noexcept {
  constexpr std::string_view content_type_field = "content-type:";
  std::size_t at = 0;
  constexpr std::size_t colon = content_type_field.size() - 1;
  while ((at = ifind_anchored(message, content_type_field, colon, at)) != std::string_view::npos) {
    const std::size_t value = at + content_type_field.size();
    at = value;
    std::size_t type_start = value;
    while (type_start < message.size() && is_space_or_tab(message[type_start])) ++type_start;
    if (!istarts_with(message.substr(type_start), "message/delivery-status") &&
        !istarts_with(message.substr(type_start), "message/global-delivery-status")) {
      continue;
    }
    std::size_t pos = value;
    // Skip the rest of the part's header block.
    while (pos < message.size()) {
      const Line line = line_at(message, pos);
      pos = line.next;
      if (is_blank_line(line.text)) break;
    }
    const std::size_t start = pos;
    while (pos < message.size()) {
      const Line line = line_at(message, pos);
      if (line.text.size() >= 2 && line.text[0] == '-' && line.text[1] == '-') break;
      pos = line.next;
    }
    return message.substr(start, pos - start);
  }
  return {};
}

// The names of the fields of RFC 3464 §2.2-2.3 (and the X-Actual-Recipient
// that Sendmail adds), the ones an inline delivery status is made of.
inline constexpr std::string_view delivery_status_field_names[] = {
    "reporting-mta"sv,      "dsn-gateway"sv,     "received-from-mta"sv,  "arrival-date"sv, "original-envelope-id"sv,
    "original-recipient"sv, "final-recipient"sv, "x-actual-recipient"sv, "action"sv,       "status"sv,
    "remote-mta"sv,         "diagnostic-code"sv, "last-attempt-date"sv,  "final-log-id"sv, "will-retry-until"sv,
};

// The characters a line of such a field can start with: the first letters
// of the names, in either case, and the white space trim passes over.
struct FieldLineStarts {
  bool allowed[256]{};
};

[[nodiscard]] constexpr FieldLineStarts make_field_line_starts() noexcept {
  FieldLineStarts starts;
  for (const std::string_view known : delivery_status_field_names) {
    const char first = known[0];
    starts.allowed[static_cast<unsigned char>(first)] = true;
    if (first >= 'a' && first <= 'z') starts.allowed[static_cast<unsigned char>(first - 'a' + 'A')] = true;
  }
  for (const char space : {' ', '\t', '\n', '\v', '\f', '\r'}) starts.allowed[static_cast<unsigned char>(space)] = true;
  return starts;
}

inline constexpr FieldLineStarts field_line_starts = make_field_line_starts();

[[nodiscard]] constexpr bool is_delivery_status_field_line(std::string_view line) noexcept {
  // Most lines of a notice are passed over by their first character.
  if (!line.empty() && !field_line_starts.allowed[static_cast<unsigned char>(line[0])]) return false;
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view name = trim(line.substr(0, colon));
  for (const std::string_view known : delivery_status_field_names) {
    if (iequals(name, known)) return true;
  }
  return false;
}

// The delivery-status fields of a notice that carries them in its text
// instead of a message/delivery-status part (RFC 3464 §2 fields written into
// a plain body, by MTAs without MIME and by gateways that flatten the
// report): from the first line that is one of those fields, through the
// blocks of them, to the first line that is neither such a field, a folded
// continuation, nor a blank line before another. Empty when there is none.
[[nodiscard]] constexpr std::string_view find_inline_delivery_status(std::string_view text) noexcept {
  std::size_t pos = 0;
  std::size_t start = std::string_view::npos;
  std::size_t end = 0;
  bool after_blank = false;
  while (pos < text.size()) {
    const std::size_t line_start = pos;
    const Line line = line_at(text, pos);
    pos = line.next;
    if (start == std::string_view::npos) {
      if (!line.text.empty() && !is_space_or_tab(line.text[0]) && is_delivery_status_field_line(line.text)) {
        start = line_start;
        end = line.next;
      }
      continue;
    }
    if (is_blank_line(line.text)) {
      after_blank = true;
      continue;
    }
    const bool continuation = !after_blank && is_space_or_tab(line.text[0]);
    if (!continuation && !is_delivery_status_field_line(line.text)) break;
    after_blank = false;
    end = line.next;
  }
  return start == std::string_view::npos ? std::string_view{} : text.substr(start, end - start);
}

}  // namespace detail

// The body of the message/delivery-status part of a multipart/report
// message (RFC 6522 §3), found through the MIME boundaries; failing that (a
// boundary that does not match, a part glued to the text), the text after
// the first "Content-Type: message/delivery-status" header up to the next
// "--" line. Empty when there is none.
[[nodiscard]] constexpr std::string_view find_delivery_status(
    std::string_view message SMTPCODES_LIFETIMEBOUND) noexcept {
  std::string_view found;
  bool located = false;
  for_each_mime_part(message, [&](const MimePart& part) noexcept {
    if (part.depth > 0 && is_delivery_status_type(part.content_type())) {
      found = part.body;
      located = true;
      return false;
    }
    return true;
  });
  return located ? found : detail::find_delivery_status_in_text(message);
}

template <class String, std::enable_if_t<detail::owning_temporary_v<String>, int> = 0>
std::string_view find_delivery_status(String&& message) = delete;

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_DSN_HPP
