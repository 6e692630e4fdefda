#ifndef SMTPCODES_BOUNCE_MESSAGE_HPP
#define SMTPCODES_BOUNCE_MESSAGE_HPP

// Reading a whole bounce message: which recipients failed, how, and why.
//
// A standard notification (multipart/report, RFC 6522, with a
// message/delivery-status part, RFC 3464) is read field by field. Feedback
// reports (RFC 5965) and automatic replies (RFC 3834) are recognised. Any
// other bounce (qmail, older Exchange, provider notices written as prose) is
// read from its text: recipient addresses and the paragraph that explains
// each one, up to the copy of the returned message.
//
// Everything is a view into the message; nothing is allocated. Bodies in a
// transfer encoding (base64, quoted-printable) are read as they are.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/bounce/mta_log.hpp>

namespace smtpcodes {
inline namespace v0 {

// A recipient named in the prose of a bounce, and the text about it.
struct TextRecipient {
  std::string_view address;
  std::string_view diagnostic;
};

enum class BounceSource : std::uint8_t { delivery_status, text, feedback_report, auto_reply, mta_log };

[[nodiscard]] constexpr std::string_view name(BounceSource source) noexcept {
  switch (source) {
    case BounceSource::text: return "text";
    case BounceSource::feedback_report: return "feedback_report";
    case BounceSource::auto_reply: return "auto_reply";
    case BounceSource::mta_log: return "mta_log";
    case BounceSource::delivery_status: break;
  }
  return "delivery_status";
}

struct BounceRecipient {
  std::string_view recipient;  // may be empty when a bounce names nobody
  DsnAction action = DsnAction::unknown;
  std::string_view status_text;      // the DSN Status field, if any
  std::string_view diagnostic;       // Diagnostic-Code value or the explaining text (may be folded)
  std::string_view diagnostic_type;  // "smtp", "x-postfix" ... for a Diagnostic-Code
  std::string_view remote_mta;
  BounceSource source = BounceSource::delivery_status;
  Verdict verdict;
};

namespace detail {

[[nodiscard]] constexpr bool is_local_part_char(char c) noexcept {
  if (is_alnum(c)) return true;
  switch (c) {
    case '.':
    case '_':
    case '%':
    case '+':
    case '-':
    case '=':
    case '!':
    case '#':
    case '$':
    case '&':
    case '*':
    case '/':
    case '?':
    case '^':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~': return true;
    default: return false;
  }
}

[[nodiscard]] constexpr bool is_domain_char(char c) noexcept { return is_alnum(c) || c == '.' || c == '-'; }

// The next addr-spec-like token (local@domain) in text at or after pos.
[[nodiscard]] constexpr std::string_view next_address(std::string_view text, std::size_t& pos) noexcept {
  while (pos < text.size()) {
    const std::size_t at = text.find('@', pos);
    if (at == std::string_view::npos) {
      pos = text.size();
      return {};
    }
    std::size_t start = at;
    while (start > 0 && at - start < 128 && is_local_part_char(text[start - 1])) --start;
    std::size_t end = at + 1;
    while (end < text.size() && end - at < 256 && is_domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    while (start < at && (text[start] == '.' || text[start] == '=')) ++start;
    pos = end > at + 1 ? end : at + 1;
    if (start < at && end > at + 1 && text.substr(at + 1, end - at - 1).find('.') != std::string_view::npos) {
      return text.substr(start, end - start);
    }
  }
  return {};
}

[[nodiscard]] constexpr bool is_system_address(std::string_view address) noexcept {
  const std::string_view local = address.substr(0, address.find('@'));
  return iequals(local, "postmaster") || iequals(local, "mailer-daemon") || iequals(local, "mailerdaemon") ||
         iequals(local, "mail-daemon") || istarts_with(local, "bounce") || iequals(local, "noreply") ||
         iequals(local, "no-reply") || iequals(local, "root");
}

// Lines that end the explaining text: the returned message begins.
[[nodiscard]] constexpr bool starts_returned_message(std::string_view line) noexcept {
  // Header lines and part headers: at the start of the line.
  constexpr std::string_view prefixes[] = {
      "content-type: message/rfc822"sv,
      "content-type: text/rfc822-headers"sv,
      "content-type: message/global"sv,
      "content-type: message/delivery-status"sv,
      "content-type: message/feedback-report"sv,
      "return-path: <"sv,
      "received: from"sv,
      "received: by"sv,
  };
  // Announcements of the copy: anywhere in the line ("------ This is a copy
  // of the message", "The first 50 lines of your original message follow:").
  constexpr std::string_view announcements[] = {
      "this is a copy of the message"sv,
      "this is a copy of your message"sv,
      "below this line is a copy"sv,
      "original message follow"sv,
      "- original message"sv,
      "-original message"sv,
      "message header follows"sv,
      "message headers follow"sv,
      "header of the original message"sv,
      "unsent message below"sv,
      "this is a copy of the headers"sv,
      "lines of your original message"sv,
      "below is a copy of the original message"sv,  // OpenSMTPD
  };
  const std::string_view text = trim(line);
  for (std::string_view prefix : prefixes) {
    if (istarts_with(text, prefix)) return true;
  }
  if (text.size() > 200) return false;  // prose paragraphs, not a separator line
  for (std::string_view announcement : announcements) {
    if (ifind(text, announcement) != std::string_view::npos) return true;
  }
  return false;
}

// Header lines of the notice itself that name addresses other than the recipient.
[[nodiscard]] constexpr bool is_noise_line(std::string_view line) noexcept {
  constexpr std::string_view prefixes[] = {"message-id:"sv,    "in-reply-to:"sv,       "references:"sv,     "from:"sv,
                                           "sender:"sv,        "reply-to:"sv,          "return-path:"sv,    "x-"sv,
                                           "reporting-mta:"sv, "received-from-mta:"sv, "dkim-signature:"sv, "list-"sv};
  const std::string_view text = trim(line);
  // Quoted lines of the original message ("> To: ..."), but not the ">>>"
  // commands of an SMTP transcript.
  if (!text.empty() && text[0] == '>' && !istarts_with(text, ">>>")) return true;
  for (std::string_view prefix : prefixes) {
    if (istarts_with(text, prefix)) return true;
  }
  return false;
}

// Where the explaining text lies: the first text/plain part of a multipart
// notice, or the whole body, up to the returned message.
[[nodiscard]] constexpr std::string_view explanation_region(std::string_view message) noexcept {
  const MimePart top = split_part(message, 0);
  std::string_view region = top.body;
  for_each_mime_part(message, [&region](const MimePart& part) noexcept {
    if (part.depth == 0) return true;
    const std::string_view type = part.content_type();
    if (type.empty() || iequals(type, "text/plain")) {
      region = part.body;
      return false;
    }
    return true;
  });
  std::size_t pos = 0;
  while (pos < region.size()) {
    const Line line = line_at(region, pos);
    if (pos > 0 && starts_returned_message(line.text)) return region.substr(0, pos);
    pos = line.next;
  }
  return region;
}

// The paragraph that starts at pos, extended over following paragraphs
// until one holds a code (at most max_paragraph_span characters), ending
// before `limit`.
inline constexpr std::size_t max_paragraph_span = 2048;

[[nodiscard]] constexpr std::string_view explaining_text(std::string_view region, std::size_t start,
                                                         std::size_t limit) noexcept {
  std::size_t pos = start;
  std::size_t paragraph_start = start;
  std::size_t paragraph_end = start;
  bool in_text = false;
  while (pos < limit && pos - start < max_paragraph_span) {
    const Line line = line_at(region, pos);
    const bool blank = is_blank_line(line.text);
    if (!blank) {
      if (!in_text) paragraph_start = pos;
      in_text = true;
      paragraph_end = pos + line.text.size();
    }
    pos = line.next > limit ? limit : line.next;
    if ((blank || pos >= limit) && in_text) {
      in_text = false;
      // Only the new paragraph is searched, so the work stays linear.
      if (!find_codes(region.substr(paragraph_start, paragraph_end - paragraph_start)).empty()) {
        return region.substr(start, paragraph_end - start);
      }
    }
  }
  // No code anywhere: the whole span, since prose notices explain below the address.
  return region.substr(start, paragraph_end - start);
}

// The addresses named in the explaining text, each with the text about it.
// Guessing who the recipients are (for_each_text_recipient), system
// addresses count only when nobody else is named; when the notice names its
// recipients elsewhere (a delivery-status part, X-Failed-Recipients),
// `all_addresses` counts them all, so that a failed postmaster@ or root@
// finds its text too.
template <class Callback>
// NOLINTNEXTLINE(readability-function-cognitive-complexity): one pass over the lines, each rule in place
constexpr std::size_t named_recipients(std::string_view message, bool all_addresses, Callback callback) noexcept {
  const MimePart top = detail::split_part(message, 0);
  const std::string_view sender = bare_address(header_value(top.headers, "To"));
  const std::string_view region = detail::explanation_region(message);

  constexpr std::size_t max_recipients = 64;
  std::string_view seen[max_recipients]{};
  std::size_t line_starts[max_recipients]{};
  std::size_t count = 0;
  std::string_view from = header_value(top.headers, "From");
  from = bare_address(from);
  // System addresses (postmaster@...) are usually the reporting side; only
  // when nobody else is named are they taken as recipients (a second pass).
  for (int pass = all_addresses ? 1 : 0; pass < 2 && count == 0; ++pass) {
    std::size_t pos = 0;
    while (pos < region.size() && count < max_recipients) {
      const detail::Line line = detail::line_at(region, pos);
      if (!detail::is_noise_line(line.text)) {
        std::size_t at = 0;
        std::string_view address;
        while (!(address = detail::next_address(line.text, at)).empty()) {
          if (detail::iequals(address, sender) || detail::iequals(address, from)) continue;
          if (pass == 0 && detail::is_system_address(address)) continue;
          bool known = false;
          for (std::size_t i = 0; i < count; ++i) known = known || detail::iequals(seen[i], address);
          if (known) continue;
          seen[count] = address;
          line_starts[count] = pos;
          ++count;
          if (count == max_recipients) break;
        }
      }
      pos = line.next;
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t limit = i + 1 < count && line_starts[i + 1] > line_starts[i] ? line_starts[i + 1] : region.size();
    callback(TextRecipient{seen[i], detail::explaining_text(region, line_starts[i], limit)});
  }
  if (count == 0) {
    const FoundCodes found = find_codes(region);
    if (found.empty()) return 0;
    std::size_t at = found.has_reply_code() ? found.reply_code_offset : found.enhanced_status_offset;
    // Back to the start of the paragraph that holds the code.
    while (at > 0 && !(region[at - 1] == '\n' && at >= 2 && (region[at - 2] == '\n' || region[at - 2] == '\r'))) {
      --at;
    }
    callback(TextRecipient{{}, detail::explaining_text(region, at, region.size())});
    return 1;
  }
  return count;
}

}  // namespace detail

// Calls callback(const TextRecipient&) for each distinct recipient named in
// the explaining text of a non-standard bounce (at most 64). Returns the
// count. When the text names nobody but holds a code, one recipient with
// an empty address carries the text around the code.
template <class Callback>
constexpr std::size_t for_each_text_recipient(std::string_view message, Callback callback) noexcept {
  return detail::named_recipients(message, false, callback);
}

namespace detail {

// The recipients named in the prose, read once and kept as views, so that
// each recipient of a notice can be looked up without another pass.
struct NamedRecipients {
  static constexpr std::size_t capacity = 64;
  TextRecipient items[capacity]{};
  std::size_t count = 0;
  bool read = false;

  constexpr void read_from(std::string_view message) noexcept {
    if (read) return;
    read = true;
    named_recipients(message, true, [this](const TextRecipient& text) noexcept {
      if (count < capacity) items[count++] = text;
    });
  }
  [[nodiscard]] constexpr const TextRecipient* find(std::string_view address) const noexcept {
    for (std::size_t i = 0; i < count; ++i) {
      if (iequals(items[i].address, address)) return &items[i];
    }
    return nullptr;
  }
};

[[nodiscard]] constexpr bool is_auto_reply(std::string_view headers) noexcept {
  // RFC 3834 §5: Auto-Submitted: auto-replied. Many systems only say so in the subject.
  if (istarts_with(trim(header_value(headers, "Auto-Submitted")), "auto-replied")) return true;
  if (!header_value(headers, "X-Autoreply").empty() || !header_value(headers, "X-Autorespond").empty()) return true;
  const std::string_view subject = trim(header_value(headers, "Subject"));
  constexpr std::string_view markers[] = {"auto:"sv,      "automatic reply"sv, "autoreply"sv,         "auto-reply"sv,
                                          "auto reply"sv, "out of office"sv,   "out of the office"sv, "vacation"sv,
                                          "away from"sv};
  for (std::string_view marker : markers) {
    if (ifind(subject, marker) != std::string_view::npos) return true;
  }
  return false;
}

// Bounces carry Auto-Submitted too (RFC 3834 §5 asks for it); their subject tells them apart.
[[nodiscard]] constexpr bool is_failure_notice(std::string_view headers) noexcept {
  const std::string_view subject = header_value(headers, "Subject");
  constexpr std::string_view markers[] = {"fail"sv,
                                          "undeliver"sv,
                                          "undelivered"sv,
                                          "returned"sv,
                                          "delivery status"sv,
                                          "not delivered"sv,
                                          "non-delivery"sv,
                                          "nondelivery"sv,
                                          "rejected"sv,
                                          "error"sv,
                                          "delayed"sv,
                                          "bounce"sv,
                                          "could not be delivered"sv,
                                          "=?"sv};
  for (std::string_view marker : markers) {
    if (ifind(subject, marker) != std::string_view::npos) return true;
  }
  return false;
}

// A notice that says delivery attempts go on: a delay warning.
[[nodiscard]] constexpr bool is_delay_notice(std::string_view headers, std::string_view text) noexcept {
  const std::string_view subject = header_value(headers, "Subject");
  constexpr std::string_view subject_markers[] = {"delayed"sv, "delay)"sv, "warning: could not send"sv,
                                                  "delivery status notification (delay"sv};
  for (std::string_view marker : subject_markers) {
    if (ifind(subject, marker) != std::string_view::npos) return true;
  }
  constexpr std::string_view text_markers[] = {
      "will be retried"sv,        "attempts will continue"sv, "will keep trying"sv,     "warning message only"sv,
      "not yet been delivered"sv, "still trying"sv,           "will continue trying"sv, "will retry"sv};
  const std::string_view head = text.substr(0, 4096);
  for (std::string_view marker : text_markers) {
    if (ifind(head, marker) != std::string_view::npos) return true;
  }
  return false;
}

[[nodiscard]] constexpr BounceFacts facts_for(DsnAction action, std::string_view status_text,
                                              std::string_view diagnostic) noexcept {
  BounceFacts facts;
  facts.action = action;
  facts.diagnostic = diagnostic;
  std::size_t end = 0;
  const auto status = scan_enhanced_status(strip_comment(status_text), ParseMode::lenient, end);
  const FoundCodes found = find_codes(diagnostic);
  if (status) facts.enhanced_status = *status;
  // A generic Status (5.0.0) yields to a specific status of the same class in the text.
  if (found.has_enhanced_status() && (!status || (status->subject_number() == 0 && status->detail() == 0 &&
                                                  found.enhanced_status.class_digit() == status->class_digit()))) {
    facts.enhanced_status = found.enhanced_status;
  }
  if (found.has_reply_code()) facts.reply_code = found.reply_code;
  return facts;
}

}  // namespace detail

// Calls callback(const BounceRecipient&) for every recipient the message
// reports on; returns how many. The order: a feedback report; the
// recipients of a delivery-status part; an automatic reply; the recipients
// named in the text.
// The recipient of one MTA log line (see mta_log.hpp), classified.
[[nodiscard]] constexpr BounceRecipient bounce_recipient_from_log(const MtaLogEntry& entry) noexcept {
  BounceRecipient recipient;
  recipient.source = BounceSource::mta_log;
  recipient.recipient = entry.recipient;
  recipient.action = entry.action;
  recipient.status_text = entry.status_text;
  recipient.diagnostic = entry.diagnostic;
  recipient.verdict = classify(detail::facts_for(entry.action, entry.status_text, entry.diagnostic));
  return recipient;
}

template <class Callback>
// NOLINTNEXTLINE(readability-function-cognitive-complexity): one branch per kind of bounce message
constexpr std::size_t for_each_bounce_recipient(std::string_view message, Callback callback) noexcept {
  const MimePart top = detail::split_part(message, 0);
  const std::string_view content_type = header_value(top.headers, "Content-Type");

  // RFC 5965: multipart/report; report-type=feedback-report.
  std::string_view feedback;
  std::string_view original_headers;
  for_each_mime_part(message, [&](const MimePart& part) noexcept {
    const std::string_view type = part.content_type();
    if (detail::iequals(type, "message/feedback-report")) feedback = part.body;
    if (detail::iequals(type, "message/rfc822") || detail::iequals(type, "text/rfc822-headers")) {
      original_headers = part.body;
    }
    return true;
  });
  // Some providers send complaints without the RFC 5965 structure.
  const bool complaint =
      detail::ifind(header_value(top.headers, "Subject"), "complaint about message") != std::string_view::npos;
  if (!feedback.empty() || complaint ||
      detail::iequals(detail::content_type_parameter(content_type, "report-type"), "feedback-report")) {
    BounceRecipient recipient;
    recipient.source = BounceSource::feedback_report;
    recipient.diagnostic = header_value(feedback, "Feedback-Type");
    recipient.verdict.reason = BounceReason::feedback_report;
    recipient.verdict.evidence.kind = EvidenceKind::message;
    // RFC 5965 §3.2: Original-Rcpt-To may appear once per recipient.
    std::size_t reported = 0;
    std::size_t pos = 0;
    HeaderField field;
    while (detail::next_header_field(feedback, pos, field)) {
      if (!detail::iequals(field.name, "Original-Rcpt-To")) continue;
      recipient.recipient = bare_address(field.value);
      callback(recipient);
      ++reported;
    }
    if (reported > 0) return reported;
    recipient.recipient = bare_address(header_value(feedback, "Removal-Recipient"));
    if (recipient.recipient.empty()) {
      recipient.recipient = bare_address(header_value(original_headers, "X-HmXmrOriginalRecipient"));
    }
    if (recipient.recipient.empty()) recipient.recipient = bare_address(header_value(original_headers, "To"));
    callback(recipient);
    return 1;
  }

  const std::string_view status_body = find_delivery_status(message);
  std::size_t count = 0;
  detail::NamedRecipients named;
  if (!status_body.empty()) {
    for (const DsnRecipient& dsn : parse_delivery_status(status_body)) {
      BounceRecipient recipient;
      recipient.recipient = dsn.recipient();
      recipient.action = dsn.action();
      recipient.status_text = strip_comment(dsn.status_text);
      recipient.diagnostic = dsn.diagnostic_code.value;
      recipient.diagnostic_type = dsn.diagnostic_code.type;
      recipient.remote_mta = dsn.remote_mta.value;
      if (recipient.diagnostic.empty() || find_codes(recipient.diagnostic).empty()) {
        // Some MTAs explain only, or with the codes only, in the human-readable part.
        named.read_from(message);
        const TextRecipient* text = named.find(recipient.recipient);
        if (text != nullptr && (recipient.diagnostic.empty() || !find_codes(text->diagnostic).empty())) {
          recipient.diagnostic = text->diagnostic;
        }
      }
      recipient.verdict = classify(detail::facts_for(recipient.action, recipient.status_text, recipient.diagnostic));
      callback(recipient);
      ++count;
    }
    if (count > 0) return count;
  }

  const std::string_view from = bare_address(header_value(top.headers, "From"));
  if (detail::is_auto_reply(top.headers) && !detail::is_failure_notice(top.headers) &&
      !detail::is_system_address(from)) {
    BounceRecipient recipient;
    recipient.source = BounceSource::auto_reply;
    recipient.recipient = from;
    recipient.diagnostic = header_value(top.headers, "Subject");
    recipient.verdict.reason = BounceReason::auto_reply;
    recipient.verdict.evidence.kind = EvidenceKind::message;
    callback(recipient);
    return 1;
  }

  // A notice from a mailer daemon, or one titled as a failure, reports failures
  // even where its text names no reason.
  const bool from_system = detail::is_system_address(from);
  const bool bounce_notice = from_system || detail::is_failure_notice(top.headers);
  // A warning that delivery goes on is a delay, not a bounce (yet).
  const bool delay_notice = detail::is_delay_notice(top.headers, detail::explanation_region(message));
  const auto report = [&callback, bounce_notice, delay_notice](const TextRecipient& text) noexcept {
    BounceRecipient recipient;
    recipient.source = BounceSource::text;
    recipient.recipient = text.address;
    recipient.diagnostic = text.diagnostic;
    BounceFacts facts = detail::facts_for(delay_notice ? DsnAction::delayed : DsnAction::unknown, {}, text.diagnostic);
    recipient.verdict = classify(facts);
    // A bounce message reports a failure even when the text has no code.
    if (bounce_notice && recipient.verdict.bounce == BounceType::none &&
        recipient.verdict.reason == BounceReason::unknown) {
      facts.action = DsnAction::failed;
      recipient.verdict = classify(facts);
    }
    recipient.action = recipient.verdict.bounce == BounceType::none ? DsnAction::unknown
                       : delay_notice || recipient.verdict.enhanced_status.class_digit() == 4 ||
                               recipient.verdict.reply_code.first_digit() == 4
                           ? DsnAction::delayed
                           : DsnAction::failed;
    callback(recipient);
  };
  // Exim and Google name the failed addresses in a header (X-Failed-Recipients).
  const std::string_view failed = header_value(top.headers, "X-Failed-Recipients");
  if (!failed.empty()) {
    const std::string_view region = detail::explanation_region(message);
    std::size_t reported = 0;
    std::size_t pos = 0;
    std::string_view address;
    named.read_from(message);
    while (!(address = detail::next_address(failed, pos)).empty() && reported < 64) {
      TextRecipient text{address, {}};
      if (const TextRecipient* found = named.find(address)) text.diagnostic = found->diagnostic;
      if (text.diagnostic.empty()) text.diagnostic = detail::trim(region.substr(0, detail::max_paragraph_span));
      report(text);
      ++reported;
    }
    if (reported > 0) return reported;
  }
  return for_each_text_recipient(message, report);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_MESSAGE_HPP
