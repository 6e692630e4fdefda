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
#include <cstring>
#include <optional>
#include <string_view>

#include <smtpcodes/bounce/charset.hpp>
#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/dialect.hpp>
#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/find.hpp>
#include <smtpcodes/bounce/mta_log.hpp>
#include <smtpcodes/bounce/transfer_encoding.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/callback.hpp>
#include <smtpcodes/detail/phrase_set.hpp>
#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {

// A recipient named in the prose of a bounce, and the text about it.
struct TextRecipient {
  std::optional<std::string_view> address;  // absent when the notice names nobody
  std::string_view diagnostic;
  // The text stopped at max_paragraph_span characters: more of the notice
  // may be about this recipient (docs/limits.md).
  bool paragraph_span_reached = false;
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
  std::optional<std::string_view> recipient;  // absent when a bounce names nobody
  // The DSN's Final-Recipient when the row reports its Original-Recipient
  // instead, the address the sender gave (DsnRecipient::recipient); else empty.
  std::string_view final_recipient;
  DsnAction action = DsnAction::unknown;
  std::string_view status_text;      // the DSN Status field, if any
  std::string_view diagnostic;       // Diagnostic-Code value or the explaining text (may be folded)
  std::string_view diagnostic_type;  // "smtp", "x-postfix" ... for a Diagnostic-Code
  std::string_view remote_mta;
  BounceSource source = BounceSource::delivery_status;
  Dialect dialect = Dialect::unknown;  // the MTA or service that wrote the notice (dialect.hpp)
  // Addresses the prose names beyond max_text_recipients, not reported
  // (repeats included); 0 when nothing was dropped (docs/limits.md).
  std::size_t dropped_recipients = 0;
  // The text was in a declared charset and longer, decoded, than
  // max_decoded_diagnostic: only its start was read for phrases.
  bool decoded_text_truncated = false;
  // The prose attributed to this recipient stopped at max_paragraph_span
  // characters (docs/limits.md).
  bool paragraph_span_reached = false;
  // A Sendmail transcript refused more than max_transcript_recipients
  // recipients, and the rows had used up the lookups that read past its
  // table: this row took the transcript's reply for all, though the rest of
  // the transcript may name its address (docs/limits.md).
  bool transcript_lookups_exhausted = false;
  // The delivery-status part was in a transfer encoding and longer than
  // max_encoded_delivery_status, so it was read as it was sent, undecoded.
  bool delivery_status_left_encoded = false;
  // Multipart parts deeper than max_mime_depth whose parts were not read
  // while looking for the delivery-status part (MimeWalk::skipped_multiparts).
  std::size_t undecoded_multiparts = 0;
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

// Is text a plausible domain of an address: dot-separated labels of
// letters, digits and hyphens, none empty, and a top-level label of two
// letters or more (RFC 5321 §4.1.2 Domain; RFC 1123 §2.1)? Rejects the
// junk that prose and encoded text hold ("x@.w2", "a@b.c").
[[nodiscard]] constexpr bool is_plausible_domain(std::string_view domain) noexcept {
  std::size_t label = 0;
  std::size_t letters_in_label = 0;
  bool dotted = false;
  for (char c : domain) {
    if (c == '.') {
      if (label == 0) return false;
      dotted = true;
      label = 0;
      letters_in_label = 0;
      continue;
    }
    ++label;
    if (is_alpha(c)) ++letters_in_label;
  }
  return dotted && label >= 2 && letters_in_label == label;
}

// A domain in a field that lists addresses (X-Failed-Recipients): labels
// none empty, whatever the top-level one. The field says these are
// addresses, so test data's "john@b.c" is taken there, and only there.
[[nodiscard]] constexpr bool is_listed_domain(std::string_view domain) noexcept {
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  return domain.find("..") == std::string_view::npos;
}

// Where an address is read: in prose, where junk is common, or in a field
// whose syntax says it holds addresses.
enum class AddressPlace : std::uint8_t { prose, listing_field };

// The longest local part and domain read around an '@'.
inline constexpr std::size_t max_local_part = 128;  // RFC 5321 §4.5.3.1.1 allows 64; some MTAs write more
inline constexpr std::size_t max_domain = 255;      // RFC 5321 §4.5.3.1.2

inline constexpr std::string_view smtp_attribute = "smtp="sv;

// The next addr-spec-like token (local@domain) in text at or after pos.
[[nodiscard]] constexpr std::string_view next_address(std::string_view text, std::size_t& pos,
                                                      AddressPlace place = AddressPlace::prose) noexcept {
  while (pos < text.size()) {
    const std::size_t at = text.find('@', pos);
    if (at == std::string_view::npos) {
      pos = text.size();
      return {};
    }
    std::size_t start = at;
    while (start > 0 && at - start < max_local_part && is_local_part_char(text[start - 1])) --start;
    std::size_t end = at + 1;
    while (end < text.size() && end - at <= max_domain && is_domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    while (start < at && (text[start] == '.' || text[start] == '=')) ++start;
    // An X.400 address's domain-defined attribute names the Internet address
    // "SMTP=a@b" (Exchange's "c=US;a= ;p=Org;o=Site;dda:SMTP=a@b;"): not the local part's.
    if (at - start > smtp_attribute.size() && istarts_with(text.substr(start), smtp_attribute)) {
      start += smtp_attribute.size();
    }
    // In a URL ("//host/addme?a=a@b") the address is its last parameter's value.
    const std::string_view local = text.substr(start, at - start);
    if (local.find("//") != std::string_view::npos) start += local.find_last_of("/?=&") + 1;
    pos = end > at + 1 ? end : at + 1;
    bool local_has_alnum = false;
    for (std::size_t i = start; i < at; ++i) local_has_alnum = local_has_alnum || is_alnum(text[i]);
    const std::string_view domain = text.substr(at + 1, end - at - 1);
    const bool domain_ok = place == AddressPlace::prose ? is_plausible_domain(domain) : is_listed_domain(domain);
    if (local_has_alnum && domain_ok) {
      return text.substr(start, end - start);
    }
  }
  return {};
}

// The senders of non-delivery notices (RFC 5321 §4.5.1 postmaster, the MTAs'
// MAILER-DAEMON): a message from one is a failure notice whatever its subject.
[[nodiscard]] constexpr bool is_notice_sender(std::string_view address) noexcept {
  const std::string_view local = address.substr(0, address.find('@'));
  // "post_master": Verizon's SMS gateway signs its notices so (Sisimai Lhost/Verizon.pm).
  return iequals(local, "postmaster") || iequals(local, "post_master") || iequals(local, "mailer-daemon") ||
         iequals(local, "mailerdaemon") || iequals(local, "mail-daemon");
}

// Addresses of systems rather than people, never a failed recipient. Some
// send notices, but also cron's output (root) and newsletters (noreply):
// only a notice sender's message is a failure notice by its sender alone.
[[nodiscard]] constexpr bool is_system_address(std::string_view address) noexcept {
  const std::string_view local = address.substr(0, address.find('@'));
  return is_notice_sender(address) || istarts_with(local, "bounce") || iequals(local, "noreply") ||
         iequals(local, "no-reply") || iequals(local, "root");
}

// Header lines and part headers that end the explaining text, at the start of a line.
inline constexpr std::string_view returned_message_prefixes[] = {
    "content-type: message/rfc822"sv,
    "content-type: text/rfc822-headers"sv,
    "content-type: message/global"sv,
    "content-type: message/delivery-status"sv,
    "content-type: message/feedback-report"sv,
    "return-path: <"sv,
    "received: from"sv,
    "received: by"sv,
};

// Announcements of the copy, anywhere in the line ("------ This is a copy
// of the message", "The first 50 lines of your original message follow:").
inline constexpr std::string_view returned_message_announcements[] = {
    "this is a copy of the message"sv,
    "this is a copy of your message"sv,
    "below this line is a copy"sv,
    "original message follow"sv,
    "- original message"sv,
    "-original message"sv,
    "message header follows"sv,  // Smail 3's banners (notify.c), kept by T-Online's notices
    "message text follows"sv,
    "message headers follow"sv,
    "header of the original message"sv,
    "unsent message below"sv,
    "this is a copy of the headers"sv,
    "lines of your original message"sv,
    "below is a copy of the original message"sv,  // OpenSMTPD
    "original message as received"sv,             // IBM/Lotus and MessagingServer notices
    "original message headers"sv,                 // Exchange 2007+ and Office 365 NDRs
    "original message header"sv,
};

// Every prefix starts with 'c' or 'r': most lines are told apart by their first character alone.
[[nodiscard]] constexpr bool returned_message_prefixes_have_keys() noexcept {
  for (std::string_view prefix : returned_message_prefixes) {
    if (prefix[0] != 'c' && prefix[0] != 'r') return false;
  }
  return true;
}
static_assert(returned_message_prefixes_have_keys(), "starts_returned_message's quick test no longer holds");

// The announcements, all looked for in one pass over a line.
inline constexpr PhraseSet returned_message_announcement_set{returned_message_announcements};

// Lines that end the explaining text: the returned message, or a footer, begins.
[[nodiscard]] constexpr bool starts_returned_message(std::string_view line) noexcept {
  // RFC 3676 §4.3: "-- " alone on a line opens a signature, a footer.
  if (line == "-- "sv) return true;
  const std::string_view text = trim(line);
  if (text.empty()) return false;
  const char lead = to_lower(text[0]);
  if (lead == 'c' || lead == 'r') {
    for (std::string_view prefix : returned_message_prefixes) {
      if (istarts_with(text, prefix)) return true;
    }
  }
  if (text.size() > 200) return false;  // prose paragraphs, not a separator line
  return find_phrase_set(text, returned_message_announcement_set, ~std::uint64_t{0}, true) != 0;
}

// Header lines of the notice itself that name addresses other than the recipient.
[[nodiscard]] constexpr bool is_noise_line(std::string_view line) noexcept {
  // Header lines of the original message that notices repeat (the Exchange
  // 2003 "Your message / To: ... / Subject: ..." block) name its
  // addressees, not the failed recipients.
  constexpr std::string_view prefixes[] = {"message-id:"sv,
                                           "in-reply-to:"sv,
                                           "references:"sv,
                                           "from:"sv,
                                           "sender:"sv,
                                           "reply-to:"sv,
                                           "return-path:"sv,
                                           "x-"sv,
                                           "reporting-mta:"sv,
                                           "received-from-mta:"sv,
                                           "dkim-signature:"sv,
                                           "list-"sv,
                                           "to:"sv,
                                           "cc:"sv,
                                           "bcc:"sv};
  const std::string_view text = trim(line);
  // Quoted lines of the original message ("> To: ..."), but not the ">>>"
  // commands of an SMTP transcript.
  if (!text.empty() && text[0] == '>' && !istarts_with(text, ">>>")) return true;
  for (std::string_view prefix : prefixes) {
    if (istarts_with(text, prefix)) return true;
  }
  return false;
}

}  // namespace detail

// The text attributed to one recipient named in prose: its paragraph,
// extended over the following ones until one holds a code, at most this
// many characters (docs/limits.md).
inline constexpr std::size_t max_paragraph_span = 2048;

namespace detail {

// The media type of a part, read up to the first ';' or white space: a
// parameter folded onto the next line without ';' ("text/plain\r\n
// charset=us-ascii", seen in the wild) still leaves "text/plain".
[[nodiscard]] constexpr std::string_view media_type_up_to_space(std::string_view content_type) noexcept {
  const std::string_view type = media_type_of(content_type);
  std::size_t end = 0;
  while (end < type.size() && !is_space(type[end])) ++end;
  return type.substr(0, end);
}

// What the bounce reader needs from a message's MIME structure, found in
// one walk; every later step works from it, so that the message is walked
// once, its header block read once, and every part's Content-Type once.
struct MessageStructure {
  MimePart top;
  HeaderIndex headers;  // the notice's own header fields
  // The first text/plain (or untyped) part below the top, else the whole
  // body: where the explaining text lies, up to the returned message.
  std::string_view explanation_part;
  std::string_view charset;  // that part's declared charset, else the message's
  // The first delivery-status part below the top, as sent.
  bool has_delivery_status = false;
  std::string_view delivery_status;
  std::string_view delivery_status_encoding;  // its Content-Transfer-Encoding
  // Multipart parts past max_mime_depth, counted up to the delivery-status
  // part (over the whole walk when there is none).
  std::size_t skipped_multiparts = 0;
  std::string_view feedback;          // the last message/feedback-report part
  std::string_view original_headers;  // the last message/rfc822 or text/rfc822-headers part
};

// parts, when given, holds the parts of message found by an earlier walk
// (decode_text_parts), which are replayed when complete.
constexpr void read_structure(std::string_view message, MessageStructure& read,
                              const PartIndex* parts = nullptr) noexcept {
  // The header block is read once: split where the index stopped, at an
  // empty line (a line of white space does not end the block: split_part
  // reads on); or not at all here, when the walk that found parts did it.
  const bool replay = parts != nullptr && parts->complete && parts->part_count != 0;
  if (replay) {
    HeaderIndexAccess::assign(read.headers, parts->top_headers);
    read.top = MimePart{parts->view_in(message, parts->parts[0].headers), parts->view_in(message, parts->parts[0].body),
                        0, false};
  } else {
    read.top = read_top_header_block(message, read.headers);
  }
  read.explanation_part = read.top.body;
  PartFields top_fields;
  top_fields.content_type = read.headers.value("Content-Type");
  read.charset = content_type_parameter(top_fields.content_type, "charset");
  bool explanation_found = false;
  auto each = [&read, &explanation_found](const MimePart& part, const PartFields& fields) noexcept {
    const std::string_view content_type = fields.content_type;
    const std::string_view type = media_type_of(content_type);
    if (iequals(type, "message/feedback-report")) read.feedback = part.body;
    if (iequals(type, "message/rfc822") || iequals(type, "text/rfc822-headers")) read.original_headers = part.body;
    if (!read.has_delivery_status && part.parts_not_walked) ++read.skipped_multiparts;
    if (part.depth == 0) return true;
    if (!explanation_found) {
      const std::string_view media = media_type_up_to_space(content_type);
      if (media.empty() || iequals(media, "text/plain")) {
        explanation_found = true;
        read.explanation_part = part.body;
        const std::string_view own = content_type_parameter(content_type, "charset");
        if (!own.empty()) read.charset = own;
      }
    }
    if (!read.has_delivery_status && is_delivery_status_type(type)) {
      read.has_delivery_status = true;
      read.delivery_status = part.body;
      read.delivery_status_encoding = fields.transfer_encoding;
    }
    return true;
  };
  if (replay) {
    MimePart top = read.top;
    top.parts_not_walked = parts->parts[0].parts_not_walked;
    each(top, top_fields);
    parts->replay_below_top(message, each);
    return;
  }
  walk_message(read.top, top_fields, each);
}

// The explaining text of a part: up to the returned message.
[[nodiscard]] constexpr std::string_view up_to_returned_message(std::string_view region) noexcept {
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
[[nodiscard]] constexpr TextRecipient explaining_text(std::string_view region, std::size_t start,
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
        return TextRecipient{std::nullopt, region.substr(start, paragraph_end - start)};
      }
    }
  }
  // No code anywhere: the whole span, since prose notices explain below the address.
  const std::size_t end = paragraph_end - start > max_paragraph_span ? start + max_paragraph_span : paragraph_end;
  return TextRecipient{std::nullopt, region.substr(start, end - start), pos < limit};
}

// The start of the explaining text, when nothing narrower is known.
[[nodiscard]] constexpr TextRecipient opening_text(std::string_view region) noexcept {
  const std::string_view text = trim(region);
  return TextRecipient{std::nullopt, trim(text.substr(0, max_paragraph_span)), text.size() > max_paragraph_span};
}

// How an address is named in a notice, best first. A recipient comes from
// the notice's own structure: MTAs list failed recipients one to a line,
// the address first (Postfix's and qmail's "<a@b>:", Exim's indented
// address, Sendmail's "<a@b>... reason", Exchange's "a@b on <date>").
// An address inside a sentence ("Your message to a@b couldn't be
// delivered", but also "addresses here have the form name@b") counts only
// when no line starts with one; an address inside a server's reply quoted
// in the notice ("said: 550 5.2.1 <other@example.net>...", Exim's
// "(generated from x@example.com)") only when nothing else is named.
enum class Naming : std::uint8_t { structure, sentence, system_address, server_text };

// Does the address open its line (after white space and opening brackets
// or quotes)?
[[nodiscard]] constexpr bool opens_line(std::string_view line, std::size_t offset) noexcept {
  for (std::size_t i = 0; i < offset; ++i) {
    const char c = line[i];
    if (!is_space_or_tab(c) && c != '<' && c != '"' && c != '\'' && c != '(' && c != '[') return false;
  }
  return true;
}

// Sendmail's line about one failed address: its reply code, an enhanced
// status code (V8), the address in angle brackets, "... " and the reason,
// which may quote the server ("550 5.1.1 <a@b>... User unknown", V5's
// "554 <a@b>... 550 Host unknown"; sendmail's usrerr() puts the address it
// is about before "... "). Where the reason starts, or npos for another line.
[[nodiscard]] constexpr std::size_t sendmail_address_line_reason(std::string_view line) noexcept {
  if (line.size() < 5 || !is_digit(line[0]) || !is_digit(line[1]) || !is_digit(line[2]) ||
      (line[3] != ' ' && line[3] != '-')) {
    return std::string_view::npos;
  }
  std::size_t pos = 4;
  std::size_t status_length = 0;
  if (scan_enhanced_status(line.substr(pos), ParseMode::strict, status_length) && pos + status_length < line.size() &&
      line[pos + status_length] == ' ') {
    pos += status_length + 1;
  }
  if (pos >= line.size() || line[pos] != '<') return std::string_view::npos;
  const std::size_t close = line.find('>', pos);
  if (close == std::string_view::npos || line.substr(close + 1, 3) != "..."sv ||
      line.substr(pos, close - pos).find('@') == std::string_view::npos) {
    return std::string_view::npos;
  }
  std::size_t reason = close + 4;
  while (reason < line.size() && is_space_or_tab(line[reason])) ++reason;
  return reason;
}

// Where on a line a quoted server text starts: after "said:", after
// "generated from", or at the line's first code; npos when it has none.
[[nodiscard]] constexpr std::size_t server_text_start(std::string_view line) noexcept {
  // "said:" or "said ", whichever comes first: one search for "said".
  std::size_t start = ifind(line, "said"sv);
  while (start != std::string_view::npos &&
         (start + 4 >= line.size() || (line[start + 4] != ':' && line[start + 4] != ' '))) {
    start = ifind(line, "said"sv, start + 1);
  }
  const std::size_t generated = ifind(line, "generated from"sv);
  if (generated < start) start = generated;
  const FoundCodes codes = find_codes(line);
  if (codes.reply_code && codes.reply_code->offset < start) start = codes.reply_code->offset;
  if (codes.enhanced_status && codes.enhanced_status->offset < start) start = codes.enhanced_status->offset;
  return start;
}

}  // namespace detail

// At most this many distinct recipients are read from the prose of one
// notice (they are kept, without allocation, to tell them apart); the rows
// say how many addresses were named beyond it (docs/limits.md).
inline constexpr std::size_t max_text_recipients = 64;

namespace detail {

// The addresses of the explaining text, each with its naming and line.
struct NamedAddresses {
  std::string_view address[max_text_recipients]{};
  std::size_t line_start[max_text_recipients]{};
  // The last line that names the address again from the structure (0 when
  // none): Exchange repeats each recipient under "Diagnostic information
  // for administrators", above its "Remote Server returned '550 5.1.1 ...'".
  std::size_t repeat_line[max_text_recipients]{};
  Naming naming[max_text_recipients]{};
  std::size_t count = 0;
  std::size_t dropped = 0;  // addresses named beyond the limit (repeats included)

  constexpr void add(std::string_view found, std::size_t line, Naming how) noexcept {
    for (std::size_t i = 0; i < count; ++i) {
      if (!iequals(address[i], found)) continue;
      if (how < naming[i]) naming[i] = how;
      if (how == Naming::structure && line > line_start[i]) repeat_line[i] = line;
      return;
    }
    if (count == max_text_recipients) {
      ++dropped;
      return;
    }
    address[count] = found;
    line_start[count] = line;
    naming[count] = how;
    ++count;
  }
};

// Words that, just before an address in prose, say it is no recipient: an
// example offered in explanatory text ("try michael@b"), or where mail came
// from ("not accepting mail from a@b"; Exim's "(generated from a@b)" names
// the recipient the sender wrote).
inline constexpr std::string_view words_before_no_recipient[] = {"try"sv, "mail from"sv};
// Words that offer an example a few words before it ("e.g., if mike@b fails").
inline constexpr std::size_t example_marker_span = 16;  // characters before the address

// Does the text hold "e.g." or "example", case ignored? Read once: each
// marker is tested only where its rare letter ('g', 'x') is.
[[nodiscard]] constexpr bool offers_example(std::string_view text) noexcept {
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = to_lower(text[i]);
    if (c == 'g' && i >= 2 && i + 1 < text.size() && text[i - 1] == '.' && text[i + 1] == '.' &&
        to_lower(text[i - 2]) == 'e') {
      return true;
    }
    if (c == 'x' && istarts_with(text.substr(i - 1), "example")) return true;
  }
  return false;
}

// Is the address at line[offset] one that names no recipient: an example
// ("e.g." or "example" shortly before it, offers_example), after one of
// words_before_no_recipient, or a placeholder whose local part is all
// capitals under a domain that is not ("finger NAME@directory.example.edu")?
[[nodiscard]] constexpr bool names_no_recipient(std::string_view line, std::size_t offset, std::string_view address,
                                                std::string_view previous_line) noexcept {
  // A placeholder: only an address whose local part starts with a capital is looked at.
  if (address[0] >= 'A' && address[0] <= 'Z') {
    const std::size_t at = address.find('@');
    bool capitals = at >= 2;
    for (std::size_t i = 0; i < at; ++i) capitals = capitals && address[i] >= 'A' && address[i] <= 'Z';
    bool lower_domain = false;
    for (std::size_t i = at + 1; i < address.size(); ++i) {
      lower_domain = lower_domain || (address[i] >= 'a' && address[i] <= 'z');
    }
    if (capitals && lower_domain) return true;
  }
  // The text before it, past blanks, opening brackets and the punctuation
  // after a word; on the line before when the address opens its line
  // (prose wrapped there: "... e.g., if\n mike@b fails").
  std::string_view before = line.substr(0, offset);
  const auto trim_end = [](std::string_view text) {
    while (!text.empty() && (is_space(text.back()) || text.back() == '<' || text.back() == ',' || text.back() == ':' ||
                             text.back() == '(' || text.back() == '"')) {
      text.remove_suffix(1);
    }
    return text;
  };
  before = trim_end(before);
  if (before.empty()) before = trim_end(previous_line);
  const std::string_view span =
      before.substr(before.size() > example_marker_span ? before.size() - example_marker_span : 0);
  if (offers_example(span)) return true;
  for (const std::string_view no_recipient : words_before_no_recipient) {
    const std::size_t size = no_recipient.size();
    if (before.size() >= size && iequals(before.substr(before.size() - size), no_recipient) &&
        (before.size() == size || !is_alpha(before[before.size() - size - 1]))) {
      return true;
    }
  }
  return false;
}

// Does the paragraph's text from `from` up to `to` (whole lines, none blank)
// quote a server's reply on a line that is not noise?
[[nodiscard]] constexpr bool quotes_server(std::string_view region, std::size_t from, std::size_t to) noexcept {
  while (from < to) {
    const Line line = line_at(region, from);
    if (!is_noise_line(line.text) && server_text_start(line.text) != std::string_view::npos) return true;
    from = line.next;
  }
  return false;
}

// The addresses on one line (at pos in the explaining text), with how each
// is named, except the notice's own sender and addressee. True when the line
// quotes a server's reply, or continues one: a line indented under a quoted
// reply, in a paragraph that has one.
constexpr bool read_line_addresses(NamedAddresses& named, std::string_view line, std::size_t pos,
                                   bool paragraph_quotes_server, std::string_view addressee, std::string_view from,
                                   std::string_view previous_line) noexcept {
  const bool continues_reply = paragraph_quotes_server && is_space_or_tab(line[0]);
  const std::size_t sendmail_reason = continues_reply ? std::string_view::npos : sendmail_address_line_reason(line);
  std::size_t server_from = continues_reply ? 0 : server_text_start(line);
  // On Sendmail's line for a failed address, the code is Sendmail's own and
  // the address is the notice's structure; only the reason may quote a server.
  if (sendmail_reason != std::string_view::npos && server_from < sendmail_reason) {
    const std::size_t quoted = server_text_start(line.substr(sendmail_reason));
    server_from = quoted == std::string_view::npos ? std::string_view::npos : sendmail_reason + quoted;
  }
  std::size_t at = 0;
  std::string_view address;
  while (!(address = next_address(line, at)).empty()) {
    if (iequals(address, addressee) || iequals(address, from)) continue;
    const auto offset = static_cast<std::size_t>(address.data() - line.data());
    if (names_no_recipient(line, offset, address, previous_line)) continue;
    const bool sendmail_address = sendmail_reason != std::string_view::npos && offset < sendmail_reason;
    const Naming how = offset >= server_from                          ? Naming::server_text
                       : is_system_address(address)                   ? Naming::system_address
                       : sendmail_address || opens_line(line, offset) ? Naming::structure
                                                                      : Naming::sentence;
    named.add(address, pos, how);
  }
  return server_from != std::string_view::npos;
}

// One pass over the lines of the explaining text: every address, except the
// notice's own sender and addressee and those on noise lines, with how it
// is named. Whether a paragraph quotes a server's reply matters only on a
// line that names an address, so the lines before it are read for that
// only then, each once.
[[nodiscard]] constexpr NamedAddresses read_named_addresses(std::string_view region, std::string_view addressee,
                                                            std::string_view from) noexcept {
  NamedAddresses named;
  bool paragraph_quotes_server = false;
  std::size_t unread = std::string_view::npos;  // the paragraph's first line not yet read for a server's reply
  std::size_t pos = 0;
  std::string_view previous_line;  // the line before, in the same paragraph
  while (pos < region.size()) {
    const Line line = line_at(region, pos);
    const bool blank = is_blank_line(line.text);
    if (blank) {
      paragraph_quotes_server = false;
      unread = std::string_view::npos;
    } else if (line.text.find('@') == std::string_view::npos) {
      if (unread == std::string_view::npos) unread = pos;
    } else {
      if (!paragraph_quotes_server && unread != std::string_view::npos) {
        paragraph_quotes_server = quotes_server(region, unread, pos);
      }
      unread = std::string_view::npos;
      if (!is_noise_line(line.text) &&
          read_line_addresses(named, line.text, pos, paragraph_quotes_server, addressee, from, previous_line)) {
        paragraph_quotes_server = true;
      }
    }
    previous_line = blank ? std::string_view{} : line.text;
    pos = line.next;
  }
  return named;
}

// The addresses named in the explaining text, each with the text about it,
// and the number named beyond max_text_recipients. Guessing who the
// recipients are (for_each_text_recipient), only the best-named addresses
// count: those of the notice's structure, else system addresses
// (postmaster@ ...), else those inside quoted server replies. When the
// notice names its recipients elsewhere (a delivery-status part,
// X-Failed-Recipients), `all_addresses` counts them all, so that a failed
// postmaster@ or root@ finds its text too.
//
// region is the explaining text; addressee and from are the bare addresses
// of the notice's To and From fields.
template <class Callback>
constexpr std::size_t named_recipients(
    std::string_view region, std::string_view addressee, std::string_view from, bool all_addresses, Callback& callback,
    std::size_t& dropped) noexcept(is_nothrow_walk_callback_v<Callback, TextRecipient>) {
  const NamedAddresses named = read_named_addresses(region, addressee, from);
  dropped = named.dropped;
  Naming best = Naming::server_text;
  for (std::size_t i = 0; i < named.count; ++i) {
    if (named.naming[i] < best) best = named.naming[i];
  }
  if (all_addresses) best = Naming::server_text;
  std::size_t reported = 0;
  for (std::size_t i = 0; i < named.count; ++i) {
    if (named.naming[i] > best) continue;
    std::size_t limit = region.size();
    for (std::size_t k = i + 1; k < named.count; ++k) {
      if (named.naming[k] <= best && named.line_start[k] > named.line_start[i]) {
        limit = named.line_start[k];
        break;
      }
    }
    ++reported;
    // The first naming's text, unless it lacks a reply code that the text
    // at a later naming of the same address has.
    const TextRecipient first = explaining_text(region, named.line_start[i], limit);
    const TextRecipient later = named.repeat_line[i] != 0 && !find_codes(first.diagnostic).reply_code.has_value()
                                    ? explaining_text(region, named.repeat_line[i], region.size())
                                    : TextRecipient{};
    const TextRecipient span = find_codes(later.diagnostic).reply_code.has_value() ? later : first;
    if (!continue_walk(callback, TextRecipient{named.address[i], span.diagnostic, span.paragraph_span_reached})) {
      return reported;
    }
  }
  if (named.count > 0) return reported;
  const FoundCodes found = find_codes(region);
  if (found.empty()) return 0;
  std::size_t at = found.reply_code ? found.reply_code->offset : found.enhanced_status->offset;
  // Back to the start of the paragraph that holds the code.
  while (at > 0 && !(region[at - 1] == '\n' && at >= 2 && (region[at - 2] == '\n' || region[at - 2] == '\r'))) {
    --at;
  }
  continue_walk(callback, explaining_text(region, at, region.size()));
  return 1;
}

}  // namespace detail

// Calls callback(const TextRecipient&) for each distinct recipient named in
// the explaining text of a non-standard bounce (at most max_text_recipients).
// Returns the count. When the text names nobody but holds a code, one
// recipient without an address carries the text around the code. The walk
// is noexcept exactly when the callback is; the callback may return false
// to stop.
template <class Callback>
constexpr std::size_t for_each_text_recipient(std::string_view message, Callback callback) noexcept(
    detail::is_nothrow_walk_callback_v<Callback, TextRecipient>) {
  detail::MessageStructure structure;
  detail::read_structure(message, structure);
  std::size_t dropped = 0;
  return detail::named_recipients(detail::up_to_returned_message(structure.explanation_part),
                                  bare_address(structure.headers.value("To")),
                                  bare_address(structure.headers.value("From")), false, callback, dropped);
}

namespace detail {

// The address a DSN row's MTA tried last, which its own text names.
[[nodiscard]] constexpr std::string_view tried_address(const BounceRecipient& row) noexcept {
  return row.final_recipient.empty() ? row.recipient.value_or(std::string_view{}) : row.final_recipient;
}

// The recipients named in the prose, read once and kept as views, so that
// each recipient of a notice can be looked up without another pass.
struct NamedRecipients {
  TextRecipient items[max_text_recipients]{};
  std::size_t count = 0;
  std::size_t dropped = 0;
  bool read = false;

  constexpr void read_from(std::string_view region, std::string_view addressee, std::string_view from) noexcept {
    if (read) return;
    read = true;
    auto keep = [this](const TextRecipient& text) noexcept {
      if (count < max_text_recipients) items[count++] = text;
    };
    named_recipients(region, addressee, from, true, keep, dropped);
  }
  [[nodiscard]] constexpr const TextRecipient* find(std::string_view address) const noexcept {
    for (std::size_t i = 0; i < count; ++i) {
      if (items[i].address && iequals(*items[i].address, address)) return &items[i];
    }
    return nullptr;
  }
  // The text about a DSN row: the MTA's text names the address it tried
  // last, a transcript before an alias expanded may name the original one.
  [[nodiscard]] constexpr const TextRecipient* find(const BounceRecipient& row) const noexcept {
    const TextRecipient* text = find(tried_address(row));
    return text != nullptr || row.final_recipient.empty() ? text : find(row.recipient.value_or(std::string_view{}));
  }
};

// The words of subjects that the notice's tests look for, all in one set
// (one pass for each test, each asking for its own): automatic replies,
// failure notices, delay warnings. An encoded word (RFC 2047) is not one:
// it says only that the subject is not ASCII, as a note's or an automatic
// reply's may be.
inline constexpr std::string_view subject_markers[] = {
    // automatic replies
    "auto:"sv, "automatic reply"sv, "autoreply"sv, "auto-reply"sv, "auto reply"sv, "out of office"sv,
    "out of the office"sv, "vacation"sv, "away from"sv,
    // failure notices, in the words of the MTAs' templates: Exim's "Mail
    // delivery failed", Sendmail's "Returned mail", Postfix's "Undelivered
    // Mail Returned to Sender" and "Delayed Mail", qmail's "failure notice",
    // Exchange's "Undeliverable", Domino's "DELIVERY FAILURE", the DSNs'
    // "Delivery Status Notification". A bare "failed", "error" or "bounce"
    // is a build's, a program's or a buffer's as often.
    "delivery fail"sv, "failure notice"sv, "failed delivery"sv, "undeliver"sv, "returned mail"sv,
    "returned to sender"sv, "delivery status"sv, "not delivered"sv, "non-delivery"sv, "nondelivery"sv,
    "could not be delivered"sv, "mail error"sv, "delivery error"sv, "delayed mail"sv,
    // delay warnings
    "delayed"sv, "delay)"sv, "warning: could not send"sv, "delivery status notification (delay"sv,
    // a message returned at the queue timeout (Sendmail's "Returned mail: Cannot send message for 5 days")
    "cannot send message for"sv};
inline constexpr PhraseSet subject_marker_set{subject_markers};
inline constexpr std::size_t auto_reply_subject_count = 9;
inline constexpr std::size_t failure_subject_count = 14;
inline constexpr std::size_t delay_subject_count = 4;
inline constexpr std::uint64_t auto_reply_subject_bits = (std::uint64_t{1} << auto_reply_subject_count) - 1;
inline constexpr std::uint64_t failure_subject_bits = ((std::uint64_t{1} << failure_subject_count) - 1)
                                                      << auto_reply_subject_count;
inline constexpr std::uint64_t delay_subject_bits = ((std::uint64_t{1} << delay_subject_count) - 1)
                                                    << (auto_reply_subject_count + failure_subject_count);
inline constexpr std::uint64_t expiry_subject_bits =
    std::uint64_t{1} << (auto_reply_subject_count + failure_subject_count + delay_subject_count);
static_assert(sizeof(subject_markers) / sizeof(subject_markers[0]) ==
                  auto_reply_subject_count + failure_subject_count + delay_subject_count + 1,
              "the bit groups above follow the list");

[[nodiscard]] constexpr bool is_auto_reply(const HeaderIndex& headers) noexcept {
  // RFC 3834 §5: Auto-Submitted: auto-replied. Many systems only say so in the subject.
  if (istarts_with(trim(headers.value("Auto-Submitted")), "auto-replied")) return true;
  if (!headers.value("X-Autoreply").empty() || !headers.value("X-Autorespond").empty()) return true;
  const std::string_view subject = trim(headers.value("Subject"));
  return find_phrase_set(subject, subject_marker_set, auto_reply_subject_bits, true) != 0;
}

// "Re:" and its translations (RFC 5322 §3.6.5): a person's reply, which may
// quote a notice's subject ("Re: Undelivered Mail Returned to Sender").
inline constexpr std::string_view reply_prefixes[] = {"re:"sv, "aw:"sv, "antw:"sv, "sv:"sv, "vs:"sv, "odp:"sv};

[[nodiscard]] constexpr bool is_reply_subject(std::string_view subject) noexcept {
  subject = trim(subject);
  for (std::string_view prefix : reply_prefixes) {
    if (istarts_with(subject, prefix)) return true;
  }
  return false;
}

// Bounces carry Auto-Submitted too (RFC 3834 §5 asks for it); their subject
// tells them apart.
[[nodiscard]] constexpr bool has_failure_subject(std::string_view subject) noexcept {
  return find_phrase_set(subject, subject_marker_set, failure_subject_bits, true) != 0;
}

// A person's reply: a reply's subject, and neither a mailer daemon's sender
// nor a bounce address as addressee. Notices and automatic replies go to the
// envelope sender (RFC 5321 §4.5.5, RFC 3834 §4), which for list mail is
// the list's bounce address (Mailman's "-bounces", VERP's "bounces+");
// a person answers the list or the author. A reply's subject says what it
// answers ("Re: Undelivered Mail Returned to Sender"), not what it is.
[[nodiscard]] constexpr bool is_person_reply(std::string_view subject, std::string_view addressee,
                                             bool notice_sender) noexcept {
  const std::string_view local = addressee.substr(0, addressee.find('@'));
  return !notice_sender && ifind(local, "bounce") == std::string_view::npos && is_reply_subject(subject);
}

[[nodiscard]] constexpr bool is_failure_notice(const HeaderIndex& headers) noexcept {
  const std::string_view subject = headers.value("Subject");
  return !is_reply_subject(subject) && has_failure_subject(subject);
}

// Text that says delivery attempts go on, looked for in the opening of the
// explaining text (delay_text_span characters).
inline constexpr std::string_view delay_text_markers[] = {
    "will be retried"sv,        "attempts will continue"sv, "will keep trying"sv,     "warning message only"sv,
    "not yet been delivered"sv, "still trying"sv,           "will continue trying"sv, "will retry"sv};
inline constexpr std::size_t delay_text_span = 4096;

// Words that say the failure is final, in any dialect: qmail's "This is a
// permanent error", Gmail's "failed permanently", Sendmail's "permanent
// fatal errors", OpenSMTPD's "Permanent failure".
inline constexpr std::string_view permanent_words[] = {"permanent error"sv, "failed permanently"sv,
                                                       "permanent fatal error"sv, "permanent failure"sv};

// Every phrase read_notice may look for: the delay markers (within
// delay_text_span), the permanent words, and each dialect row's words for a
// delay and for a final failure. One scan, built at compile time, serves
// every dialect: a notice asks only for its own row's. Rows that share
// their words repeat them (finding the texts alike would cost every
// includer's compiler more than the scan pays for the repeats).
struct NoticePhrases {
  SoughtPhrase phrases[phrase_set_capacity]{};
  std::size_t count = 0;
  std::uint64_t delay_bit[dialect_rows]{};      // row i's delay words, or 0 when it has none
  std::uint64_t permanent_bit[dialect_rows]{};  // row i's permanent words, or 0

  constexpr std::uint64_t add(std::string_view text) noexcept {
    if (text.empty()) return 0;
    phrases[count] = SoughtPhrase{text};
    return std::uint64_t{1} << count++;
  }
};

[[nodiscard]] constexpr NoticePhrases make_notice_phrases() noexcept {
  NoticePhrases list;
  for (std::string_view marker : delay_text_markers) list.phrases[list.count++] = SoughtPhrase{marker, delay_text_span};
  for (std::string_view words : permanent_words) list.phrases[list.count++] = SoughtPhrase{words};
  for (std::size_t row = 0; row < dialect_rows; ++row) {
    list.delay_bit[row] = list.add(dialects[row].delay);
    list.permanent_bit[row] = list.add(dialects[row].permanent);
  }
  return list;
}

inline constexpr NoticePhrases notice_phrases = make_notice_phrases();
inline constexpr PhraseSet notice_phrase_set{notice_phrases.phrases, notice_phrases.count};
inline constexpr std::size_t delay_marker_count = sizeof(delay_text_markers) / sizeof(delay_text_markers[0]);
inline constexpr std::uint64_t delay_marker_bits = (std::uint64_t{1} << delay_marker_count) - 1;
inline constexpr std::uint64_t permanent_word_bits =
    ((std::uint64_t{1} << (sizeof(permanent_words) / sizeof(permanent_words[0]))) - 1) << delay_marker_count;

[[nodiscard]] constexpr BounceFacts facts_for(DsnAction action, std::string_view status_text,
                                              std::string_view diagnostic, const FoundCodes& found) noexcept {
  BounceFacts facts;
  facts.action = action;
  facts.diagnostic = diagnostic;
  std::size_t end = 0;
  const auto status = scan_enhanced_status(strip_comment(status_text), ParseMode::lenient, end);
  if (status) facts.enhanced_status = *status;
  // A generic Status (5.0.0) yields to a specific status of the same class in the text.
  const bool generic_status = status && status->subject_number() == 0 && status->detail() == 0 &&
                              found.enhanced_status &&
                              found.enhanced_status->code.class_digit() == status->class_digit();
  // A transient Status on a failed action yields to the server's permanent
  // reply and status: the reporter downgraded a refusal it then gave up on
  // (Postfix treats a 5xx greeting as 4xx, smtp_skip_5xx_greeting), and
  // RFC 3464 §2.3.3 makes a failed action final.
  const bool downgraded = status && status->class_digit() == 4 && action == DsnAction::failed &&
                          found.enhanced_status && found.enhanced_status->code.class_digit() == 5 && found.reply_code &&
                          found.reply_code->code.first_digit() == 5;
  if (found.enhanced_status && (!status || generic_status || downgraded)) {
    facts.enhanced_status = found.enhanced_status->code;
  }
  if (found.reply_code) facts.reply_code = found.reply_code->code;
  return facts;
}

// The same, finding the diagnostic's codes.
[[nodiscard]] constexpr BounceFacts facts_for(DsnAction action, std::string_view status_text,
                                              std::string_view diagnostic) noexcept {
  return facts_for(action, status_text, diagnostic, find_codes(diagnostic));
}

}  // namespace detail

// The recipient of one MTA log line (see mta_log.hpp), classified.
[[nodiscard]] constexpr BounceRecipient bounce_recipient_from_log(const MtaLogEntry& entry,
                                                                  PhraseRules user = {}) noexcept {
  BounceRecipient recipient;
  recipient.source = BounceSource::mta_log;
  if (!entry.recipient.empty()) recipient.recipient = std::optional<std::string_view>{entry.recipient};
  recipient.action = entry.action;
  recipient.status_text = entry.status_text;
  recipient.diagnostic = entry.diagnostic;
  recipient.verdict = classify(detail::facts_for(entry.action, entry.status_text, entry.diagnostic), user);
  return recipient;
}

// Prose in a declared charset (charset.hpp) is decoded into a buffer of
// this size before phrases are looked for; a longer text is read up to it
// and the row says so (docs/limits.md).
inline constexpr std::size_t max_decoded_diagnostic = 4096;

// A delivery-status part sent in a transfer encoding is decoded into a
// buffer of this size before its fields are read; a larger encoded part is
// read as it is (docs/limits.md).
inline constexpr std::size_t max_encoded_delivery_status = 16384;

namespace detail {

// A scratch buffer whose bytes are zeroed only in constant expressions
// (C++17 needs them set there); at run time it is left as it is, since
// every byte read from it was written first, and clearing kilobytes for
// every message would cost more than reading most messages.
template <std::size_t Size>
union ScratchBuffer {
  struct Zeroed {};
  constexpr ScratchBuffer() noexcept : unset() {}
  constexpr explicit ScratchBuffer(Zeroed /*tag*/) noexcept : bytes{} {}
  char unset;
  char bytes[Size];
};

template <std::size_t Size>
[[nodiscard]] constexpr ScratchBuffer<Size> make_scratch_buffer() noexcept {
  return SMTPCODES_CONSTANT_EVALUATED() ? ScratchBuffer<Size>(typename ScratchBuffer<Size>::Zeroed{})
                                        : ScratchBuffer<Size>();
}

// A text as phrases can read it: decoded from its charset into buffer when
// it has one, else as it is. truncated says the buffer cut it short.
[[nodiscard]] constexpr std::string_view readable_text(std::string_view text, Charset charset,
                                                       ScratchBuffer<max_decoded_diagnostic>& buffer,
                                                       bool& truncated) noexcept {
  if (charset == Charset::as_is) return text;
  const CharsetDecoding decoding = decode_charset(text, charset, buffer.bytes, max_decoded_diagnostic);
  truncated = decoding.truncated;
  return {buffer.bytes, decoding.written};
}

// RFC 3464 gives a Diagnostic-Code no charset, yet Japanese MTAs (Domino,
// for one) write it in ISO-2022-JP, whose escape sequences (RFC 1468:
// ESC $ B, ESC $ @) say so on their own.
// Most diagnostics hold no ESC at all: memchr passes over them at run time.
[[nodiscard]] constexpr Charset diagnostic_charset(std::string_view diagnostic) noexcept {
  for (std::size_t i = 0; (i = find_byte(diagnostic, '\x1B', i)) != std::string_view::npos && i + 2 < diagnostic.size();
       ++i) {
    if (diagnostic[i + 1] == '$' && (diagnostic[i + 2] == 'B' || diagnostic[i + 2] == '@')) return Charset::iso_2022_jp;
  }
  return Charset::as_is;
}

// What the whole notice says, read once before its recipients.
struct Notice {
  std::string_view message;
  const MessageStructure* structure = nullptr;  // the one reading of its MIME structure
  std::string_view region;                      // the explaining text (up_to_returned_message)
  std::string_view addressee;                   // the bare address of its To field
  std::string_view from;                        // the bare address of its From field
  const DialectInfo* dialect = &unknown_dialect;
  Charset charset = Charset::as_is;  // of the explaining text
  PhraseRules user;
  bool failure = false;    // from a mailer daemon or titled as a failure
  bool reply = false;      // a person's reply, not from a mailer daemon: its text is not read
  bool delay = false;      // says delivery attempts go on
  bool permanent = false;  // says the failure is final
  bool gave_up = false;    // its subject says it was returned at the queue timeout
  // The opening's verdict, read at most once per notice (explain_from_opening):
  // a header naming thousands of recipients must not read it thousands of times.
  mutable bool opening_read = false;
  mutable bool opening_truncated = false;
  mutable Verdict opening_verdict{};
  // A Sendmail notice's transcript, read at its first prose row and kept
  // for the others (text_row), which see the notice as const.
  mutable TranscriptReplies transcript;
  // The last prose row and the text it was read from: rows that share their
  // text (the addresses X-Failed-Recipients names and the prose does not
  // all read the notice's opening) are classified once.
  mutable BounceRecipient last_row{};
  mutable std::string_view last_row_text;
  mutable bool last_row_span_reached = false;
  mutable bool last_row_kept = false;

  [[nodiscard]] constexpr const HeaderIndex& headers() const noexcept { return structure->headers; }
};

constexpr void read_notice(Notice& notice, std::string_view message, const MessageStructure& structure,
                           std::string_view status_body, PhraseRules user) noexcept {
  notice.message = message;
  notice.structure = &structure;
  notice.user = user;
  notice.region = up_to_returned_message(structure.explanation_part);
  notice.charset = charset_of(structure.charset);
  notice.addressee = bare_address(structure.headers.value("To"));
  notice.from = bare_address(structure.headers.value("From"));
  const std::string_view reporting_mta = header_value(status_body, "Reporting-MTA");
  notice.dialect =
      &recognise_dialect(DialectEvidence{structure.top.headers, reporting_mta, notice.region}, structure.headers);
  // A notice by its sender, or by its envelope's (Sendmail writes the null
  // reverse-path of a notice as MAILER-DAEMON, and a gateway may send no
  // From at all), or by its subject.
  const bool notice_sender =
      is_notice_sender(notice.from) || is_notice_sender(bare_address(structure.headers.value("Return-Path")));
  const std::string_view subject = structure.headers.value("Subject");
  // A reply quotes what it answers, a server's refusal included.
  notice.reply = is_person_reply(subject, notice.addressee, notice_sender);
  notice.failure = notice_sender || (!notice.reply && has_failure_subject(subject));
  // The text's phrases in one pass: the delay markers in its opening, the
  // permanent words, and the dialect's own words for both.
  // The dialect's row (unknown_dialect is in no row and has no words).
  const bool in_table = notice.dialect != &unknown_dialect;
  const auto row = in_table ? static_cast<std::size_t>(notice.dialect - dialects) : 0;
  const std::uint64_t dialect_delay = in_table ? notice_phrases.delay_bit[row] : 0;
  const std::uint64_t dialect_permanent = in_table ? notice_phrases.permanent_bit[row] : 0;
  const std::uint64_t found = find_phrase_set(
      notice.region, notice_phrase_set, delay_marker_bits | permanent_word_bits | dialect_delay | dialect_permanent);
  const std::uint64_t subject_found =
      find_phrase_set(subject, subject_marker_set, delay_subject_bits | expiry_subject_bits, true);
  notice.delay = (subject_found & delay_subject_bits) != 0 || (found & (delay_marker_bits | dialect_delay)) != 0;
  notice.gave_up = !notice.delay && (subject_found & expiry_subject_bits) != 0;
  notice.permanent = !notice.delay && (found & (permanent_word_bits | dialect_permanent)) != 0;
}

// What a dialect's notice says as a whole, for a recipient whose text names
// no reason. Google Groups explains a refusal in the poster's language;
// every failure it reports is a refusal to post (Sisimai Lhost/GoogleGroups.pm).
// au (KDDI) marks the notices of its reception filter, which refuses senders
// its user chose to refuse, with "X-SPASIGN: NG" (Sisimai Lhost/EZweb.pm).
[[nodiscard]] constexpr BounceReason dialect_reason(const Notice& notice) noexcept {
  switch (notice.dialect->dialect) {
    case Dialect::google_groups: return BounceReason::sender_rejected;
    case Dialect::kddi:
      return iequals(trim(notice.headers().value("X-SPASIGN")), "NG") ? BounceReason::blocked : BounceReason::unknown;
    default: return BounceReason::unknown;
  }
}

constexpr void apply_dialect(const Notice& notice, BounceRecipient& recipient) noexcept {
  recipient.dialect = notice.dialect->dialect;
  recipient.verdict.dialect = notice.dialect->dialect;
  const BounceReason by_dialect = dialect_reason(notice);
  if (by_dialect != BounceReason::unknown && recipient.verdict.bounce != BounceType::none &&
      recipient.verdict.reason == BounceReason::unknown) {
    recipient.verdict.reason = by_dialect;
    recipient.verdict.evidence.kind = EvidenceKind::message;
    advise_retry(recipient.verdict,
                 failure_class_of(VerdictCodes{recipient.verdict.reply_code, recipient.verdict.enhanced_status},
                                  recipient.action));
  }
}

// RFC 5965: multipart/report; report-type=feedback-report, or a complaint
// sent without that structure. Returns false when the message is not one.
template <class Callback>
constexpr bool report_feedback(const Notice& notice, Callback& callback,
                               std::size_t& count) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  const std::string_view feedback = notice.structure->feedback;
  const std::string_view original_headers = notice.structure->original_headers;
  const std::string_view content_type = notice.headers().value("Content-Type");
  const bool complaint = ifind(notice.headers().value("Subject"), "complaint about message") != std::string_view::npos;
  // Apple Mail's unsubscribe button mails the list's List-Unsubscribe address
  // with "X-Apple-Unsubscribe: true": the reader asks to be removed. For a
  // sender that is feedback, as a complaint is (Sisimai 5 reads it so too),
  // and not an automatic reply, although it says Auto-Submitted.
  const bool opt_out = feedback.empty() && iequals(trim(notice.headers().value("X-Apple-Unsubscribe")), "true");
  if (feedback.empty() && !complaint && !opt_out &&
      !iequals(content_type_parameter(content_type, "report-type"), "feedback-report")) {
    return false;
  }
  BounceRecipient recipient;
  recipient.source = BounceSource::feedback_report;
  recipient.diagnostic = opt_out ? notice.headers().value("Subject") : header_value(feedback, "Feedback-Type");
  recipient.verdict.reason = BounceReason::feedback_report;
  recipient.verdict.evidence.kind = EvidenceKind::message;
  recipient.dialect = notice.dialect->dialect;
  recipient.verdict.dialect = notice.dialect->dialect;
  // RFC 5965 §3.2: Original-Rcpt-To may appear once per recipient.
  std::size_t pos = 0;
  HeaderField field;
  while (next_header_field(feedback, pos, field)) {
    if (!iequals(field.name, "Original-Rcpt-To")) continue;
    recipient.recipient = std::optional<std::string_view>{bare_address(field.value)};
    ++count;
    if (!continue_walk(callback, recipient)) return true;
  }
  if (count > 0) return true;
  // An opt-out comes from the one who asks to be removed.
  std::string_view address = opt_out ? notice.from : bare_address(header_value(feedback, "Removal-Recipient"));
  if (address.empty()) address = bare_address(header_value(original_headers, "X-HmXmrOriginalRecipient"));
  if (address.empty()) address = bare_address(header_value(original_headers, "To"));
  if (!address.empty()) recipient.recipient = std::optional<std::string_view>{address};
  ++count;
  continue_walk(callback, recipient);
  return true;
}

// A DSN without Action and Status still reports a failure when its
// diagnostic holds a 5xx reply (RFC 3464 §2.3.3 makes Action required).
[[nodiscard]] constexpr DsnAction action_of(const DsnRecipient& dsn, std::string_view diagnostic) noexcept {
  const DsnAction action = dsn.action();
  if (action != DsnAction::unknown || !strip_comment(dsn.status_text).empty()) return action;
  const FoundCodes found = find_codes(diagnostic);
  return found.reply_code && found.reply_code->code.first_digit() == 5 ? DsnAction::failed : action;
}

// Does the text hold an SMTP transcript, the client's commands written
// ">>> " (Sendmail's "Transcript of session follows", Courier)? Only then
// does a notice's whole text speak for its only recipient.
[[nodiscard]] constexpr bool holds_transcript(std::string_view text) noexcept {
  return text.find(">>> ") != std::string_view::npos;
}

// Does the text name two different addresses in angle brackets ("<a@b>")?
// Linear: a byte is read at most once forwards and once backwards.
[[nodiscard]] constexpr bool names_several_addresses(std::string_view text) noexcept {
  std::string_view first;
  for (std::size_t open = find_byte(text, '<', 0); open != std::string_view::npos;) {
    const std::size_t close = find_byte(text, '>', open + 1);
    if (close == std::string_view::npos) return false;
    // The bracket nearest the '>' opens it ("<<< 550 ... <a@b>").
    open = text.rfind('<', close);
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    if (inside.find('@') != std::string_view::npos) {
      if (first.empty()) {
        first = inside;
      } else if (!iequals(first, inside)) {
        return true;
      }
    }
    open = find_byte(text, '<', close + 1);
  }
  return false;
}

// The command a failure answered, when its diagnostic does not say, for one
// of a notice's several recipients: the notice's paragraph about it (Postfix
// writes "(in reply to end of DATA command)" there). A notice about one
// recipient is read by command_near_address.
[[nodiscard]] constexpr SmtpCommand command_in_text(const Notice& notice, NamedRecipients& named,
                                                    std::string_view address) noexcept {
  named.read_from(notice.region, notice.addressee, notice.from);
  const TextRecipient* text = named.find(address);
  return text != nullptr ? find_smtp_command(text->diagnostic) : SmtpCommand::unknown;
}

// Where text first holds the address, case ignored, or npos. Found from its
// '@', which prose seldom holds, rather than its first letter. An address
// longer than RFC 5321 allows (§4.5.3.1: 64 + 1 + 255) is not looked for, so
// that each '@' costs a bounded comparison and the search stays linear.
inline constexpr std::size_t longest_address = 320;

[[nodiscard]] constexpr std::size_t ifind_address(std::string_view text, std::string_view address) noexcept {
  const std::size_t at_sign = address.find('@');
  if (at_sign == std::string_view::npos || address.size() > longest_address) return std::string_view::npos;
  for (std::size_t from = at_sign; from < text.size();) {
    const std::size_t found = find_byte(text, '@', from);
    if (found == std::string_view::npos) return found;
    const std::size_t start = found - at_sign;
    if (found >= at_sign && iequals(text.substr(start, address.size()), address)) return start;
    from = found + 1;
  }
  return std::string_view::npos;
}

// The same for the only recipient of a notice, looked for more cheaply: in
// the paragraph where the text first names the address, case ignored (up to
// a blank line, at most max_paragraph_span characters), else in the whole
// text when it holds a transcript. Reading every recipient's paragraph for
// it (command_in_text) cost a tenth of a notice's reading.
[[nodiscard]] constexpr SmtpCommand command_near_address(const Notice& notice, std::string_view address) noexcept {
  const std::string_view region = notice.region;
  const std::size_t at = ifind_address(region, address);
  if (at != std::string_view::npos) {
    const std::string_view rest = region.substr(at, max_paragraph_span);
    std::size_t end = rest.size();
    for (std::size_t pos = 0; pos < rest.size();) {
      const Line line = line_at(rest, pos);
      if (pos != 0 && is_blank_line(line.text)) {
        end = pos;
        break;
      }
      pos = line.next;
    }
    const SmtpCommand in_paragraph = find_smtp_command(rest.substr(0, end));
    if (in_paragraph != SmtpCommand::unknown) return in_paragraph;
  }
  return holds_transcript(region) ? find_smtp_command(region) : SmtpCommand::unknown;
}

// Digits alone, at least one.
[[nodiscard]] constexpr bool is_number(std::string_view text) noexcept {
  for (const char c : text) {
    if (!is_digit(c)) return false;
  }
  return !text.empty();
}

// A program the MTA delivered to ("|command" in an alias, RFC 5321 has no
// such address) or a local mailer's exit status (Diagnostic-Code: X-Unix,
// sendmail's sysexits code): a failure of the receiving system's own
// delivery, not of the address.
[[nodiscard]] constexpr bool is_local_program_failure(std::string_view address,
                                                      std::string_view diagnostic_type) noexcept {
  return iequals(diagnostic_type, "x-unix") || (!address.empty() && address[0] == '|');
}

// The text of a field's comment, "(...)" after its value (RFC 5322 §3.2.2),
// without the parentheses; empty when there is none.
[[nodiscard]] constexpr std::string_view field_comment(std::string_view value) noexcept {
  const std::size_t open = value.find('(');
  if (open == std::string_view::npos) return {};
  const std::size_t close = value.rfind(')');
  return trim(value.substr(
      open + 1, close == std::string_view::npos || close < open ? std::string_view::npos : close - open - 1));
}

// A recipient block's fields, as a row.
[[nodiscard]] constexpr BounceRecipient row_of(const DsnRecipient& dsn) noexcept {
  BounceRecipient recipient;
  const std::string_view address = dsn.recipient();
  if (!address.empty()) recipient.recipient = std::optional<std::string_view>{address};
  const std::string_view final = dsn.final_address();
  if (final != address) recipient.final_recipient = final;
  recipient.status_text = strip_comment(dsn.status_text);
  recipient.diagnostic = dsn.diagnostic_code.value;
  recipient.diagnostic_type = dsn.diagnostic_code.type;
  // Without a Diagnostic-Code, a comment on the Status field is the
  // reporter's explanation (RFC 3464's own example: "Status: 4.0.0
  // (cat.example.net: host name lookup failure)").
  if (recipient.diagnostic.empty()) recipient.diagnostic = field_comment(dsn.status_text);
  recipient.remote_mta = dsn.remote_mta.value;
  return recipient;
}

// An X-Unix Diagnostic-Code of digits alone is a local mailer's exit status
// (sysexits.h, as Sendmail writes it: "X-Unix; 255"), no SMTP reply;
// Postfix writes its local delivery's words there instead.
[[nodiscard]] constexpr bool is_exit_status(const BounceRecipient& recipient) noexcept {
  return iequals(recipient.diagnostic_type, "x-unix") && is_number(trim(recipient.diagnostic));
}

// The recipients of a delivery-status part (RFC 3464 §2.3).
template <class Callback>
constexpr bool report_delivery_status(
    const Notice& notice, std::string_view status_body, Callback& callback,
    std::size_t& count) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  NamedRecipients named;
  const DeliveryStatus status = parse_delivery_status(status_body);
  std::size_t recipients = 0;  // counted once, and only when a row needs it
  const auto only_recipient = [&status, &recipients]() noexcept {
    if (recipients == 0) recipients = status.recipient_count();
    return recipients == 1;
  };
  for (const DsnRecipient& dsn : status) {
    BounceRecipient recipient = row_of(dsn);
    const bool exit_status = is_exit_status(recipient);
    // The codes of the diagnostic, found once for the row.
    FoundCodes diagnostic_codes = exit_status ? FoundCodes{} : find_codes(recipient.diagnostic);
    if (recipient.diagnostic.empty() || diagnostic_codes.empty()) {
      // Some MTAs explain only, or with the codes only, in the human-readable part.
      // When the part's only recipient is not named there, but one other
      // address is (the address it was expanded from, or as the sender
      // wrote it: Sendmail names the alias, and may write a broken
      // Final-Recipient), the text about that address is about this failure.
      named.read_from(notice.region, notice.addressee, notice.from);
      const TextRecipient* text = named.find(recipient);
      if (text == nullptr && named.count == 1 && only_recipient()) text = &named.items[0];
      const FoundCodes text_codes = text != nullptr ? find_codes(text->diagnostic) : FoundCodes{};
      if (text != nullptr && (recipient.diagnostic.empty() || !text_codes.empty())) {
        recipient.diagnostic = text->diagnostic;
        recipient.paragraph_span_reached = text->paragraph_span_reached;
        diagnostic_codes = text_codes;
      }
    }
    recipient.action = action_of(dsn, recipient.diagnostic);
    ScratchBuffer<max_decoded_diagnostic> decoded = make_scratch_buffer<max_decoded_diagnostic>();
    // An exit status that no text replaced is not read for codes or words.
    const bool only_exit_status = exit_status && recipient.diagnostic.data() == dsn.diagnostic_code.value.data();
    const std::string_view readable =
        only_exit_status ? std::string_view{}
                         : readable_text(recipient.diagnostic, diagnostic_charset(recipient.diagnostic), decoded,
                                         recipient.decoded_text_truncated);
    const bool undecoded =
        readable.data() == recipient.diagnostic.data() && readable.size() == recipient.diagnostic.size();
    BounceFacts facts = undecoded ? facts_for(recipient.action, recipient.status_text, readable, diagnostic_codes)
                                  : facts_for(recipient.action, recipient.status_text, readable);
    facts.dialect = notice.dialect->dialect;
    facts.local_program = is_local_program_failure(dsn.final_recipient.value, recipient.diagnostic_type) ||
                          is_local_program_failure(dsn.actual_recipient.value, {});
    TextReading reading = read_text(facts, notice.user);
    recipient.verdict = classify_read(facts, notice.user, &reading);
    // The command a failure answered, from the notice's text when the
    // diagnostic does not name it (Exim writes "after RCPT TO:<...>:" above
    // the reply it quotes); the verdict may change with it (an unknown user
    // refused after DATA, a session refused at EHLO). The only recipient of
    // a notice is looked for near where the text names it, then in the whole
    // text when that holds a transcript; one of several among all the
    // addresses the notice names, read once. The work stays linear.
    if (recipient.verdict.bounce != BounceType::none && recipient.verdict.smtp_command == SmtpCommand::unknown) {
      const std::string_view tried = tried_address(recipient);
      reading.command = only_recipient() ? command_near_address(notice, tried) : command_in_text(notice, named, tried);
      if (reading.command != SmtpCommand::unknown) recipient.verdict = classify_read(facts, notice.user, &reading);
    }
    if (action_says_expired(dsn.action_text)) note_gave_up(recipient.verdict);
    apply_dialect(notice, recipient);
    ++count;
    if (!continue_walk(callback, recipient)) return true;
  }
  return count > 0;
}

// RFC 3834 automatic replies, which are not failure notices.
template <class Callback>
constexpr bool report_auto_reply(const Notice& notice, Callback& callback,
                                 std::size_t& count) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  const std::string_view from = notice.from;
  if (!is_auto_reply(notice.headers()) || is_failure_notice(notice.headers()) || is_system_address(from)) {
    return false;
  }
  BounceRecipient recipient;
  recipient.source = BounceSource::auto_reply;
  if (!from.empty()) recipient.recipient = std::optional<std::string_view>{from};
  recipient.diagnostic = notice.headers().value("Subject");
  recipient.verdict.reason = BounceReason::auto_reply;
  recipient.verdict.evidence.kind = EvidenceKind::message;
  recipient.dialect = notice.dialect->dialect;
  recipient.verdict.dialect = notice.dialect->dialect;
  ++count;
  continue_walk(callback, recipient);
  return true;
}

// Some notices explain a failure away from the address: au (KDDI) writes
// "The user(s) account is disabled." above it, Lotus Notes under a "Failure
// Reasons" heading, a postmaster's form in a "reject reason:" line. When the
// address's own lines name no reason, the notice's opening is read instead;
// it replaces the verdict only when it names one.
constexpr void explain_from_opening(const Notice& notice, BounceFacts facts, BounceRecipient& recipient) noexcept {
  const TextRecipient opening = opening_text(notice.region);
  if (opening.diagnostic.empty() || opening.diagnostic.data() == recipient.diagnostic.data()) return;
  if (!notice.opening_read) {
    notice.opening_read = true;
    // A transcript of sessions about several addresses explains none of
    // them as a whole: its replies belong to the commands before them, and
    // each recipient's own were looked up already (TranscriptReplies).
    if (holds_transcript(opening.diagnostic) && names_several_addresses(opening.diagnostic)) return;
    ScratchBuffer<max_decoded_diagnostic> decoded = make_scratch_buffer<max_decoded_diagnostic>();
    facts.diagnostic = readable_text(opening.diagnostic, notice.charset, decoded, notice.opening_truncated);
    const TextReading reading = read_text(facts, notice.user);
    notice.opening_verdict = classify_read(facts, notice.user, &reading);
  }
  if (notice.opening_verdict.reason == BounceReason::unknown) return;
  recipient.verdict = notice.opening_verdict;
  recipient.diagnostic = opening.diagnostic;
  recipient.decoded_text_truncated = notice.opening_truncated;
  recipient.paragraph_span_reached = opening.paragraph_span_reached;
}

// One recipient of a notice written as prose, classified with what the
// notice as a whole says (a delay, a final failure, a failure at all).
[[nodiscard]] constexpr BounceRecipient text_row(const Notice& notice, const TextRecipient& text) noexcept {
  BounceRecipient recipient;
  recipient.source = BounceSource::text;
  recipient.recipient = text.address;
  recipient.diagnostic = text.diagnostic;
  // A Sendmail transcript holds what the server answered; Sendmail's own
  // summary line after it may name another code (smtp_command.hpp).
  if (notice.dialect->dialect == Dialect::sendmail) {
    notice.transcript.read_from(notice.region);
    const std::string_view remote =
        notice.transcript.find(text.address.value_or(std::string_view{}), recipient.transcript_lookups_exhausted);
    // A reply that speaks for every recipient does not speak for one that
    // Sendmail's own line about it explains ("554 <a@b>... Host unknown"):
    // a transcript may hold several sessions, each with its own failure.
    // That line holds the whole of Sendmail's reason: the lines after it are
    // about other addresses or hosts. Its "Remote protocol error" (EX_PROTOCOL)
    // only sums up the session, whose transcript says what went wrong.
    const bool for_all = remote.data() == notice.transcript.for_all.data();
    const std::string_view first_line = line_at(text.diagnostic, 0).text;
    const std::size_t own_reason = sendmail_address_line_reason(first_line);
    const bool sums_up =
        own_reason != std::string_view::npos && istarts_with(first_line.substr(own_reason), "remote protocol error"sv);
    if (!remote.empty() && (!for_all || own_reason == std::string_view::npos || sums_up)) {
      recipient.diagnostic = remote;
    } else if (own_reason != std::string_view::npos) {
      recipient.diagnostic = first_line;
    }
  }
  recipient.paragraph_span_reached = text.paragraph_span_reached;
  const std::string_view read_from = recipient.diagnostic;
  if (notice.last_row_kept && read_from.data() == notice.last_row_text.data() &&
      read_from.size() == notice.last_row_text.size() && text.paragraph_span_reached == notice.last_row_span_reached) {
    BounceRecipient same = notice.last_row;
    same.recipient = text.address;
    same.transcript_lookups_exhausted = recipient.transcript_lookups_exhausted;
    return same;
  }
  const DsnAction stated = notice.delay       ? DsnAction::delayed
                           : notice.permanent ? DsnAction::failed
                                              : DsnAction::unknown;
  ScratchBuffer<max_decoded_diagnostic> decoded = make_scratch_buffer<max_decoded_diagnostic>();
  const std::string_view readable =
      readable_text(recipient.diagnostic, notice.charset, decoded, recipient.decoded_text_truncated);
  BounceFacts facts = facts_for(stated, {}, readable);
  facts.dialect = notice.dialect->dialect;
  const TextReading reading = read_text(facts, notice.user);
  recipient.verdict = classify_read(facts, notice.user, &reading);
  // A bounce message reports a failure even when the text has no code.
  if (notice.failure && recipient.verdict.bounce == BounceType::none &&
      recipient.verdict.reason == BounceReason::unknown) {
    facts.action = DsnAction::failed;
    recipient.verdict = classify_read(facts, notice.user, &reading);
  }
  if (recipient.verdict.bounce != BounceType::none && recipient.verdict.reason == BounceReason::unknown) {
    explain_from_opening(notice, facts, recipient);
  }
  // The subject of a message returned at the queue timeout says the MTA gave
  // up; the text holds only its last deferral ("421 ... Deferred: Connection
  // timed out"). A permanent last error was no reason to retry.
  const bool permanent_error =
      recipient.verdict.enhanced_status.class_digit() == 5 || recipient.verdict.reply_code.first_digit() == 5;
  if (notice.gave_up && recipient.verdict.bounce != BounceType::none && !permanent_error) {
    note_gave_up(recipient.verdict);
  }
  // An MTA that gave up returns the message: failed (RFC 3464 §2.3.3), whatever the class of the last error.
  const bool transient =
      notice.delay ||
      (!recipient.verdict.gave_up &&
       (recipient.verdict.enhanced_status.class_digit() == 4 ||
        (recipient.verdict.enhanced_status.class_digit() == 0 && recipient.verdict.reply_code.first_digit() == 4)));
  recipient.action = recipient.verdict.bounce == BounceType::none ? DsnAction::unknown
                     : transient                                  ? DsnAction::delayed
                                                                  : DsnAction::failed;
  apply_dialect(notice, recipient);
  notice.last_row = recipient;
  notice.last_row_text = read_from;
  notice.last_row_span_reached = text.paragraph_span_reached;
  notice.last_row_kept = true;
  return recipient;
}

// Exim and Google name the failed addresses in a header (X-Failed-Recipients).
template <class Callback>
constexpr bool report_failed_header(const Notice& notice, Callback& callback, std::size_t& count) noexcept(
    is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  const std::string_view failed = notice.headers().value("X-Failed-Recipients");
  if (failed.empty()) return false;
  NamedRecipients named;
  named.read_from(notice.region, notice.addressee, notice.from);
  std::size_t pos = 0;
  std::string_view address;
  while (!(address = next_address(failed, pos, AddressPlace::listing_field)).empty()) {
    const TextRecipient* found = named.find(address);
    const TextRecipient text = found != nullptr && !found->diagnostic.empty() ? *found : opening_text(notice.region);
    ++count;
    if (!continue_walk(callback,
                       text_row(notice, TextRecipient{address, text.diagnostic, text.paragraph_span_reached}))) {
      return true;
    }
  }
  return count > 0;
}

// The recipients named in the prose; a failure notice that names nobody
// still gives one row, without an address.
template <class Callback>
constexpr void report_text(const Notice& notice, Callback& callback,
                           std::size_t& count) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  if (notice.reply) return;
  // Outside a notice (no sender, subject or delay words say it is one), a
  // code in a text that names nobody is a quoted refusal, and an address the
  // text says nothing about is a contact, a footer or a quoted header.
  const bool notice_said = notice.failure || notice.delay;
  bool stopped = false;
  std::size_t dropped = 0;  // set before the first row
  auto row = [&](const TextRecipient& text) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
    if (!notice_said && !text.address) return true;
    BounceRecipient recipient = text_row(notice, text);
    if (!notice_said && recipient.verdict.bounce == BounceType::none &&
        recipient.verdict.reason == BounceReason::unknown) {
      return true;
    }
    ++count;
    recipient.dropped_recipients = dropped;
    stopped = !continue_walk(callback, recipient);
    return !stopped;
  };
  named_recipients(notice.region, notice.addressee, notice.from, false, row, dropped);
  if (count > 0 || stopped || !notice.failure) return;
  const TextRecipient text = opening_text(notice.region);
  if (text.diagnostic.empty()) return;
  const BounceRecipient recipient = text_row(notice, text);
  if (recipient.verdict.bounce == BounceType::none) return;
  ++count;
  continue_walk(callback, recipient);
}

// The delivery-status part as read, and what the reading could not do.
struct DeliveryStatusPart {
  std::string_view body;
  bool left_encoded = false;             // encoded, and too long to decode into the buffer
  std::size_t undecoded_multiparts = 0;  // parts past max_mime_depth, not searched
};

// The delivery-status part, with its transfer encoding undone into buffer
// when it has one and fits (max_encoded_delivery_status).
[[nodiscard]] constexpr DeliveryStatusPart delivery_status_of(const MessageStructure& structure,
                                                              std::string_view message, char* buffer) noexcept {
  DeliveryStatusPart part_read;
  part_read.undecoded_multiparts = structure.skipped_multiparts;
  if (!structure.has_delivery_status) {
    part_read.body = find_delivery_status_in_text(message);
    if (part_read.body.empty()) part_read.body = find_inline_delivery_status(structure.explanation_part);
    return part_read;
  }
  part_read.body = structure.delivery_status;
  if (part_read.body.empty()) return part_read;
  const std::string_view encoding = structure.delivery_status_encoding;
  const bool quoted = iequals(encoding, "quoted-printable");
  if (!quoted && !iequals(encoding, "base64")) return part_read;
  if (part_read.body.size() > max_encoded_delivery_status) {
    part_read.left_encoded = true;
    return part_read;
  }
  // Both decodings are never longer than their input, so the buffer holds them.
  const DecodeResult decoded = quoted ? decode_quoted_printable(part_read.body, buffer, max_encoded_delivery_status)
                                      : decode_base64(part_read.body, buffer, max_encoded_delivery_status);
  if (decoded) part_read.body = std::string_view(buffer, decoded->written);
  return part_read;
}

// for_each_bounce_recipient, with the parts of the message already found
// when parts is given.
template <class Callback>
constexpr std::size_t bounce_recipients(
    std::string_view message, const PartIndex* parts, Callback& callback,
    PhraseRules user) noexcept(is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  // The message's structure is read once; every step below works from it.
  MessageStructure structure;
  read_structure(message, structure, parts);
  ScratchBuffer<max_encoded_delivery_status> decoded = make_scratch_buffer<max_encoded_delivery_status>();
  const DeliveryStatusPart status_part = delivery_status_of(structure, message, decoded.bytes);
  const std::string_view status_body = status_part.body;
  Notice notice;
  read_notice(notice, message, structure, status_body, user);
  // Every row says what reading the message's structure could not do (docs/limits.md).
  auto report = [&callback, &status_part](const BounceRecipient& row) noexcept(
                    is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
    BounceRecipient reported = row;
    reported.delivery_status_left_encoded = status_part.left_encoded;
    reported.undecoded_multiparts = status_part.undecoded_multiparts;
    return continue_walk(callback, reported);
  };
  std::size_t count = 0;
  if (report_feedback(notice, report, count)) return count;
  if (!status_body.empty() && report_delivery_status(notice, status_body, report, count)) return count;
  if (report_auto_reply(notice, report, count)) return count;
  if (report_failed_header(notice, report, count)) return count;
  report_text(notice, report, count);
  return count;
}

}  // namespace detail

// Calls callback(const BounceRecipient&) for every recipient the message
// reports on; returns how many. In order: a feedback report; the
// recipients of a delivery-status part; an automatic reply; the addresses
// of X-Failed-Recipients; the recipients named in the text; a failure
// notice that names nobody gives one row without an address. User phrases
// are consulted before the library's (classify). The walk is noexcept
// exactly when the callback is; the callback may return false to stop.
//
// Rows are views into the message, except the fields of a delivery-status
// part sent in a transfer encoding, which view a buffer that lives for the
// walk: copy what you keep.
template <class Callback>
constexpr std::size_t for_each_bounce_recipient(
    std::string_view message, Callback callback,
    PhraseRules user = {}) noexcept(detail::is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  return detail::bounce_recipients(message, nullptr, callback, user);
}

// The same for a message decode_text_parts decoded: its parts are not
// walked again. Rows are views into message.text().
template <class Callback>
constexpr std::size_t for_each_bounce_recipient(
    const DecodedMessage& message, Callback callback,
    PhraseRules user = {}) noexcept(detail::is_nothrow_walk_callback_v<Callback, BounceRecipient>) {
  return detail::bounce_recipients(message.text(), &detail::DecodedMessageAccess::parts(message), callback, user);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_MESSAGE_HPP
