// Every parser and reader in include/ does work linear in its input: the
// instructions it executes (counted by callgrind, see support/work_count.hpp)
// grow at most 4.5 times when its input grows 4 times, from 1x to 4x and
// from 4x to 16x, on adversarial inputs (docs/robustness.md, "Linear time").
// A quadratic path grows 16 times.
//
// The program starts itself under callgrind; run it directly.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include <smtpcodes/bounces.hpp>
#include <smtpcodes/smtpcodes.hpp>

#include "support/work_count.hpp"

namespace {

using smtpcodes_test::instructions;
using smtpcodes_test::keep;

// At most this much more work for four times the input.
constexpr double max_growth = 4.5;

std::string repeat(std::string_view unit, std::size_t count) {
  std::string text;
  text.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) text += unit;
  return text;
}

// One input shape for one reader: make(n) builds an input of n units; run
// reads it and returns something that depends on all of its work.
struct Shape {
  const char* name;
  std::size_t units;  // at 1x
  std::string (*make)(std::size_t n);
  std::size_t (*run)(std::string_view input);
};

void check_linear(const Shape& shape) {
  constexpr std::size_t scales[] = {1, 4, 16};
  std::uint64_t work[3]{};
  std::size_t sizes[3]{};
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string input = shape.make(shape.units * scales[i]);
    sizes[i] = input.size();
    // A first run outside the count: lazy symbol binding and the like.
    if (i == 0) keep(shape.run(input));
    work[i] = instructions([&] { keep(shape.run(input)); });
  }
  const double growth_4x = static_cast<double>(work[1]) / static_cast<double>(work[0]);
  const double growth_16x = static_cast<double>(work[2]) / static_cast<double>(work[1]);
  std::printf("%-58s %8zu B %12llu %12llu %12llu  x%.2f x%.2f\n", shape.name, sizes[0],
              static_cast<unsigned long long>(work[0]), static_cast<unsigned long long>(work[1]),
              static_cast<unsigned long long>(work[2]), growth_4x, growth_16x);
  INFO(std::string(shape.name) << ": " << work[0] << ", " << work[1] << ", " << work[2]
                               << " instructions at 1x, 4x, 16x");
  CHECK(growth_4x <= max_growth);
  CHECK(growth_16x <= max_growth);
}

void check_all(const Shape* shapes, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    check_linear(shapes[i]);
  }
}

template <std::size_t N>
void check_all(const Shape (&shapes)[N]) {
  check_all(shapes, N);
}

// The instructions per input byte of run on make(units).
double work_per_byte(std::size_t units, std::string (*make)(std::size_t), std::size_t (*run)(std::string_view)) {
  const std::string input = make(units);
  keep(run(input));
  return static_cast<double>(instructions([&] { keep(run(input)); })) / static_cast<double>(input.size());
}

// Inputs.

// Parentheses, not braces: std::string{n, '5'} would be a two-character string.
std::string digits(std::size_t n) { return std::string(n, '5'); }  // NOLINT(modernize-return-braced-init-list)
std::string dots(std::size_t n) { return std::string(n, '.'); }    // NOLINT(modernize-return-braced-init-list)
std::string code_dense(std::size_t n) { return repeat("550 5.1.1 ", n); }
std::string status_dense(std::size_t n) { return repeat("5.", n); }
std::string prose(std::size_t n) { return repeat("the mailbox is not available here ", n); }
// URLs and addresses, none of them a block list's: each host is read once.
std::string urls(std::size_t n) { return repeat("see http://www.spamhaus.example/q?ip=1 www.sorbs.example ", n); }
std::string addresses(std::size_t n) { return repeat("abuse@spamhaus.org.example postmaster@x.example ", n); }
std::string command_markers(std::size_t n) { return repeat("after in reply to >>> <<< 503 while sending ", n); }
std::string marker_then_spaces(std::size_t n) { return "in reply to" + std::string(n, ' ') + "end of data"; }
// Code-shaped texts for the finder's best-match bookkeeping and context rules.
std::string statuses_after_one_reply(std::size_t n) { return "550 x " + repeat("5.1.1 ", n); }
std::string introduced_replies(std::size_t n) { return repeat("said: 550 ", n); }
std::string status_then_reply(std::size_t n) { return repeat("smtp; 2.1.5 250 ", n); }
std::string quoted_replies(std::size_t n) { return repeat("returned '550 5.7.1' ", n); }
std::string one_code_per_line(std::size_t n) { return repeat("550-5.1.1 x\n", n); }
std::string dotted_numbers(std::size_t n) { return repeat("5.1.", n); }
std::string quantity_prose(std::size_t n) {
  return repeat("port 550 has 450 messages over 552 bytes in 4.2.2 and ", n);
}
std::string long_reply_line(std::size_t n) { return "550 " + std::string(n, 'x') + "\r\n"; }
std::string code_dense_reply_line(std::size_t n) { return "550 " + repeat("5.1.1 ", n) + "\r\n"; }
std::string one_line_replies(std::size_t n) { return repeat("250 2.0.0 ok\r\n", n); }
std::string continuation_lines(std::size_t n) { return repeat("250-x\r\n", n) + "250 end\r\n"; }
std::string ehlo_long_auth(std::size_t n) {
  return "250-mx.example.com\r\n250-AUTH " + repeat("PLAIN ", n) + "\r\n250 SIZE 1000\r\n";
}

std::string mime_wide(std::size_t n) {
  return "Content-Type: multipart/mixed; boundary=b\n\n" + repeat("--b\nContent-Type: text/plain\n\nhello\n", n) +
         "--b--\n";
}
// Nested multipart parts, n deep, far past max_mime_depth.
std::string mime_deep(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    text += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" + std::to_string(i) + "\n";
  }
  text += "Content-Type: text/plain\n\n550 5.1.1 unknown\n";
  for (std::size_t i = n; i-- > 0;) text += "--b" + std::to_string(i) + "--\n";
  return text;
}
std::string mime_folded_header(std::size_t n) {
  return "Subject: x\n" + repeat(" folded\n", n) + "Content-Type: text/plain\n\nbody\n";
}
std::string mime_many_fields(std::size_t n) {
  return repeat("X-Field: value\n", n) + "Content-Type: text/plain\n\nbody\n";
}
std::string mime_long_line(std::size_t n) {
  return "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n" + std::string(n, 'x') + "\n--b--\n";
}
std::string mime_dash_lines(std::size_t n) {
  return "Content-Type: multipart/mixed; boundary=bb\n\n--bb\n\n" + repeat("--b\n--bbx\n--\n", n) + "--bb--\n";
}
std::string mime_bare_cr(std::size_t n) { return "Subject: x\r\r" + repeat("a\r", n); }

std::string dsn_recipients(std::size_t n) {
  return "Reporting-MTA: dns; mx.example.com\n\n" +
         repeat(
             "Final-Recipient: rfc822; kim@example.com\nAction: failed\nStatus: 5.1.1\n"
             "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n\n",
             n);
}
std::string dsn_folded_diagnostic(std::size_t n) {
  return "Final-Recipient: rfc822; kim@example.com\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550" +
         repeat("\n  user unknown", n) + "\n";
}
std::string content_type_prose(std::size_t n) {
  return repeat("content-type: text/plain\n", n) + "Content-Type: message/delivery-status\n\nAction: failed\n";
}

std::string base64_text(std::size_t n) { return repeat("NTUwIDUuMS4x\r\n", n); }
std::string base64_padded_blocks(std::size_t n) { return repeat("NQ==", n); }
std::string base64_noise(std::size_t n) { return repeat("*=!", n); }
std::string quoted_text(std::size_t n) { return repeat("550=205.1.1=\r\n", n); }
std::string quoted_broken(std::size_t n) { return repeat("==Z= \xE9", n); }
std::string encoded_parts(std::size_t n) {
  return "Content-Type: multipart/report; boundary=b\n\n" +
         repeat("--b\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nNTUwIDUuMS4x\n", n) + "--b--\n";
}
// Few parts, within DecodedMessage's part index: a long quoted-printable body.
std::string encoded_long_body(std::size_t n) {
  return "From: MAILER-DAEMON@mx.example.org\nContent-Type: multipart/report; boundary=b\n\n"
         "--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n" +
         repeat("<ann@example.com>: 550=205.1.1 user unknown=\n, said the host=3D\n", n) +
         "--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; ann@example.com\nAction: failed\n"
         "--b--\n";
}
std::string folded_value(std::size_t n) { return repeat("a\r\n b", n); }

std::string log_status_fields(std::size_t n) { return "postfix/smtp[1]: A: to=<a@b.example>, " + repeat("status=", n); }
std::string log_long_line(std::size_t n) {
  return "postfix/smtp[1]: A: to=<a@b.example>, dsn=5.1.1, status=bounced (" + std::string(n, 'x') + ")";
}
std::string log_exim(std::size_t n) { return "2026-01-01 00:00:00 1a-2b-3c ** a@b.example" + repeat(" == x", n); }

std::string bounce_dsn(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nContent-Type: multipart/report; report-type=delivery-status; "
         "boundary=b\n\n--b\nContent-Type: text/plain\n\nDelivery failed.\n--b\n"
         "Content-Type: message/delivery-status\n\n" +
         dsn_recipients(n) + "--b--\n";
}
std::string bounce_inline_dsn(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: Returned mail\n\nReporting-MTA: dns; x\n\n" + dsn_recipients(n);
}
std::string bounce_inline_dsn_fields(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: Returned mail\n\n" + repeat("Status: 5.1.1\n\n", n);
}
std::string bounce_text_recipients(std::size_t n) {
  std::string text = "From: MAILER-DAEMON@example.com\nSubject: Undelivered Mail\n\n";
  for (std::size_t i = 0; i < n; ++i) text += "<user" + std::to_string(i) + "@example.com>: 550 5.1.1 unknown\n";
  return text;
}
// A Sendmail transcript that refuses n recipients.
std::string sendmail_transcript(std::size_t n) {
  std::string text = "   ----- Transcript of session follows -----\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string address = "user" + std::to_string(i) + "@example.com";
    text.append(">>> RCPT To:<").append(address).append(">\n<<< 550 5.1.1 unknown\n550 5.1.1 ");
    text.append(address).append("... User unknown\n");
  }
  return text;
}
// Each row looks up its recipient's reply in the transcript.
std::string bounce_sendmail_transcript(std::size_t n) {
  return "From: Mail Delivery Subsystem <MAILER-DAEMON@example.com>\nSubject: Returned mail: User unknown\n\n" +
         sendmail_transcript(n);
}
// X-Failed-Recipients gives a row for each of its addresses (the prose, at
// most max_text_recipients): rows whose address the transcript's table lacks
// read the transcript again, a bounded number of them (issue 17; each row
// read all of it before).
std::string bounce_sendmail_failed_header(std::size_t n) {
  std::string text = "From: Mail Delivery Subsystem <MAILER-DAEMON@example.com>\nX-Failed-Recipients: ";
  for (std::size_t i = 0; i < n; ++i) text += "other" + std::to_string(i) + "@example.com, ";
  return text + "\nSubject: Returned mail: User unknown\n\n" + sendmail_transcript(n);
}
std::string bounce_failed_recipients_header(std::size_t n) {
  std::string text = "From: MAILER-DAEMON@example.com\nX-Failed-Recipients: ";
  for (std::size_t i = 0; i < n; ++i) text += "user" + std::to_string(i) + "@example.com, ";
  return text + "\nSubject: Mail delivery failed\n\n550 5.1.1 unknown\n";
}
std::string bounce_received_headers(std::size_t n) {
  return repeat("Received: from mx.example.com by mx.example.org; Mon, 1 Jan 2026\n", n) +
         "From: MAILER-DAEMON@example.com\nSubject: failure\n\n<kim@example.com>: 550 5.1.1 unknown\n";
}
std::string bounce_long_line(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n<kim@example.com>: 550 5.1.1 " + std::string(n, 'x') +
         "\n";
}
std::string bounce_digits(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n<kim@example.com>: " + digits(n) + "\n";
}
std::string bounce_dots(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n<kim@example.com>: " + dots(n) + "\n";
}
std::string bounce_deep_mime(std::size_t n) { return "From: MAILER-DAEMON@example.com\n" + mime_deep(n); }
std::string bounce_wide_mime(std::size_t n) { return "From: MAILER-DAEMON@example.com\n" + mime_wide(n); }
// Prose of example addresses and refused senders, none a recipient
// (names_no_recipient), wrapped so that each example opens its line.
std::string bounce_example_addresses(std::size_t n) {
  std::string text = "From: MAILER-DAEMON@example.com\nSubject: failure\n\n";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    text.append("e.g., if\n  ann").append(k).append("@example.org fails, try NAME").append(k);
    text.append("@example.org, not mail from b").append(k).append("@example.org\n");
  }
  return text;
}
// Addresses run into the words after them ("a@b...User unknown"): each
// address token is cut at its dots and the words after it read.
std::string bounce_addresses_run_into_words(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n" +
         repeat("550 u@mail.example.net...User ...x@y.example...Unknown a@b...", n) + "\n";
}
std::string bounce_at_signs(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n" + repeat("a@b.example @@ ", n) + "\n";
}
// A one-recipient DSN whose prose repeats its long address but for the last
// letter: the prose is searched for the address from each '@', each
// comparison running to that letter (command_near_address).
std::string bounce_near_misses_of_the_address(std::size_t n) {
  const std::string local(250, 'a');
  return "From: MAILER-DAEMON@example.com\nContent-Type: multipart/report; report-type=delivery-status; "
         "boundary=b\n\n--b\nContent-Type: text/plain\n\n" +
         repeat(local + "@example.ne ", n) +
         "\n--b\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; " + local +
         "@example.net\nAction: failed\nStatus: 4.2.2\nDiagnostic-Code: smtp; 452 4.2.2 Mailbox full\n--b--\n";
}
std::string bounce_code_dense_dsn(std::size_t n) {
  return "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n"
         "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; kim@example.com\nAction: failed\n"
         "Status: 5.1.1\nDiagnostic-Code: smtp; " +
         code_dense(n) + "\n--b--\n";
}
std::string bounce_code_dense_text(std::size_t n) {
  return "From: MAILER-DAEMON@example.com\nSubject: failure\n\n<kim@example.com>: " + code_dense(n) + "\n";
}

// Readers.

std::size_t run_parse_reply(std::string_view text) {
  return smtpcodes::parse_reply(text, smtpcodes::ParseMode::lenient).has_value() ? 1U : 0U;
}
std::size_t run_parse_enhanced_status(std::string_view text) {
  return smtpcodes::parse_enhanced_status(text, smtpcodes::ParseMode::lenient).has_value() ? 1U : 0U;
}
smtpcodes::ReplyOptions long_lines() {
  smtpcodes::ReplyOptions options;
  options.mode = smtpcodes::ParseMode::lenient;
  options.max_line_length = std::size_t{1} << 30;
  return options;
}
std::size_t run_parse_whole_reply(std::string_view text) {
  const auto reply = smtpcodes::parse_whole_reply(text, long_lines());
  return reply ? reply->line_count() : 0;
}
// The loop of a client: feed what arrived when the stream needs more. The
// buffer is smaller than most inputs, so that every size takes the same paths.
std::size_t run_reply_stream(std::string_view text) {
  static char buffer[1024];
  smtpcodes::ReplyStream stream(buffer, sizeof buffer);
  std::size_t events = 0;
  std::size_t fed = 0;
  for (;;) {
    const smtpcodes::ReplyStreamStatus status = stream.next();
    if (status == smtpcodes::ReplyStreamStatus::end_of_stream) break;
    if (status != smtpcodes::ReplyStreamStatus::need_more_data) {
      ++events;
    } else if (fed < text.size()) {
      fed += stream.feed(text.substr(fed));
    } else {
      stream.finish();
    }
  }
  return events;
}
std::size_t run_ehlo(std::string_view text) {
  const auto reply = smtpcodes::parse_whole_reply(text, long_lines());
  if (!reply) return 0;
  const auto ehlo = smtpcodes::parse_ehlo(*reply);
  keep(ehlo);
  return reply->line_count();
}
std::size_t run_find_codes(std::string_view text) {
  keep(smtpcodes::find_codes(text));
  return 1;
}
std::size_t run_find_all_codes(std::string_view text) { return smtpcodes::find_all_codes(text).size(); }
std::size_t run_for_each_code(std::string_view text) {
  return smtpcodes::for_each_code(text, [](const smtpcodes::CodeMatch&) noexcept {});
}
std::size_t run_find_smtp_command(std::string_view text) {
  keep(smtpcodes::find_smtp_command(text));
  return text.size();
}

std::size_t run_classify_text(std::string_view text) {
  keep(smtpcodes::classify_text(text));
  return 1;
}
std::size_t run_find_phrases(std::string_view text) {
  keep(smtpcodes::find_phrases(text));
  return 1;
}
std::size_t run_mime_walk(std::string_view text) {
  std::size_t bytes = 0;
  const smtpcodes::MimeWalk walk = smtpcodes::for_each_mime_part(
      text,
      [&bytes](const smtpcodes::MimePart& part) noexcept { bytes += part.body.size() + part.content_type().size(); });
  return walk.parts + bytes;
}
std::size_t run_header_value(std::string_view text) {
  return smtpcodes::header_value(text, "Content-Type").size() + smtpcodes::header_value(text, "Missing").size();
}
// Past its capacity the index reads the rest of the block for each name it
// lacks: linear, with a cost per lookup of the fields past the capacity.
std::size_t run_header_index(std::string_view text) {
  const smtpcodes::BasicHeaderIndex<8> index(text);
  std::size_t found = 0;
  for (const char* name : {"Content-Type", "Subject", "Missing", "From", "To", "X-Failed-Recipients"}) {
    found += index.value(name).size();
  }
  return found + index.size();
}
std::size_t run_unfold(std::string_view text) {
  static char out[1 << 20];
  return smtpcodes::unfold(text, out, sizeof out);
}
std::size_t run_parse_delivery_status(std::string_view text) {
  std::size_t count = 0;
  for (const smtpcodes::DsnRecipient& recipient : smtpcodes::parse_delivery_status(text)) {
    count += recipient.diagnostic_code.value.size() + 1;
  }
  return count;
}
std::size_t run_find_delivery_status(std::string_view text) { return smtpcodes::find_delivery_status(text).size(); }
std::size_t run_decode_base64(std::string_view text) {
  static char out[1 << 20];
  return smtpcodes::decode_base64(text, out, sizeof out).value_or({}).written;
}
std::size_t run_decode_quoted_printable(std::string_view text) {
  static char out[1 << 20];
  return smtpcodes::decode_quoted_printable(text, out, sizeof out).value_or({}).written;
}
std::size_t run_decode_text_parts(std::string_view text) {
  static char out[1 << 20];
  return smtpcodes::decode_text_parts(text, out, sizeof out).value_or({}).written;
}
std::size_t run_parse_mta_log_line(std::string_view text) {
  const auto entry = smtpcodes::parse_mta_log_line(text);
  return entry ? entry->diagnostic.size() : entry.error().offset;
}
std::size_t run_bounce_reader(std::string_view text) {
  std::size_t bytes = 0;
  const std::size_t count = smtpcodes::for_each_bounce_recipient(
      text, [&bytes](const smtpcodes::BounceRecipient& recipient) noexcept { bytes += recipient.diagnostic.size(); });
  return count + bytes;
}
// The CLI's path: decode into a DecodedMessage, then read its replayed parts.
std::size_t run_decoded_message_reader(std::string_view text) {
  static char out[1 << 20];
  static smtpcodes::DecodedMessage decoded;
  if (!smtpcodes::decode_text_parts(text, out, sizeof out, decoded)) return 0;
  std::size_t bytes = 0;
  const std::size_t count = smtpcodes::for_each_bounce_recipient(
      decoded,
      [&bytes](const smtpcodes::BounceRecipient& recipient) noexcept { bytes += recipient.diagnostic.size(); });
  return count + bytes;
}
std::size_t run_text_recipients(std::string_view text) {
  std::size_t bytes = 0;
  const std::size_t count = smtpcodes::for_each_text_recipient(
      text, [&bytes](const smtpcodes::TextRecipient& recipient) noexcept { bytes += recipient.diagnostic.size(); });
  return count + bytes;
}
std::size_t run_line_at(std::string_view text) {
  std::size_t lines = 0;
  for (std::size_t pos = 0; pos < text.size(); pos = smtpcodes::detail::line_at(text, pos).next) ++lines;
  return lines;
}

std::string long_lines_text(std::size_t n) { return repeat(std::string(4000, 'x') + "\r\n", n); }
std::string plain_message(std::size_t n) { return "Subject: x\n\n" + repeat("The mail system said no.\n", n); }

}  // namespace

TEST_CASE("core parsers: linear time") {
  const Shape shapes[] = {
      {"parse_reply: all digits", 2000, digits, run_parse_reply},
      {"parse_reply: a long line", 2000, long_reply_line, run_parse_reply},
      {"parse_enhanced_status: all digits", 2000, digits, run_parse_enhanced_status},
      {"parse_enhanced_status: all dots", 2000, dots, run_parse_enhanced_status},
      {"parse_enhanced_status: 5.5.5.5...", 1000, status_dense, run_parse_enhanced_status},
  };
  check_all(shapes);
}

TEST_CASE("wire readers: linear time") {
  const Shape shapes[] = {
      {"parse_whole_reply: a long line", 2000, long_reply_line, run_parse_whole_reply},
      {"parse_whole_reply: a code-dense line", 300, code_dense_reply_line, run_parse_whole_reply},
      {"parse_whole_reply: all digits", 2000, digits, run_parse_whole_reply},
      {"reply stream: one-line replies", 100, one_line_replies, run_reply_stream},
      {"reply stream: continuation lines past the limit", 200, continuation_lines, run_reply_stream},
      {"reply stream: a long line", 16000, long_reply_line, run_reply_stream},
      {"parse_ehlo: a long AUTH line", 300, ehlo_long_auth, run_ehlo},
  };
  check_all(shapes);
}

TEST_CASE("MIME, headers and transfer encodings: linear time") {
  const Shape shapes[] = {
      {"for_each_mime_part: wide", 50, mime_wide, run_mime_walk},
      {"for_each_mime_part: deep", 20, mime_deep, run_mime_walk},
      {"for_each_mime_part: a folded header", 200, mime_folded_header, run_mime_walk},
      {"for_each_mime_part: many header fields", 100, mime_many_fields, run_mime_walk},
      {"for_each_mime_part: a long line", 2000, mime_long_line, run_mime_walk},
      {"for_each_mime_part: lines like delimiters", 100, mime_dash_lines, run_mime_walk},
      {"for_each_mime_part: bare CR line ends", 500, mime_bare_cr, run_mime_walk},
      {"header_value: a folded header", 200, mime_folded_header, run_header_value},
      {"header_value: many header fields", 100, mime_many_fields, run_header_value},
      {"BasicHeaderIndex<8>: many header fields", 200, mime_many_fields, run_header_index},
      {"unfold: many folds", 300, folded_value, run_unfold},
      {"decode_base64: text", 100, base64_text, run_decode_base64},
      {"decode_base64: padded blocks", 300, base64_padded_blocks, run_decode_base64},
      {"decode_base64: noise", 300, base64_noise, run_decode_base64},
      {"decode_quoted_printable: text", 100, quoted_text, run_decode_quoted_printable},
      {"decode_quoted_printable: broken escapes", 200, quoted_broken, run_decode_quoted_printable},
      {"decode_text_parts: many encoded parts", 30, encoded_parts, run_decode_text_parts},
      {"detail::line_at: bare CR line ends", 500, mime_bare_cr, run_line_at},
  };
  check_all(shapes);
}

TEST_CASE("DSN and MTA log readers: linear time") {
  const Shape shapes[] = {
      {"parse_delivery_status: many recipients", 20, dsn_recipients, run_parse_delivery_status},
      {"parse_delivery_status: a folded diagnostic", 100, dsn_folded_diagnostic, run_parse_delivery_status},
      {"find_delivery_status: wide MIME", 50, mime_wide, run_find_delivery_status},
      {"find_delivery_status: Content-Type in prose", 100, content_type_prose, run_find_delivery_status},
      {"parse_mta_log_line: many status= fields", 300, log_status_fields, run_parse_mta_log_line},
      {"parse_mta_log_line: a long line", 2000, log_long_line, run_parse_mta_log_line},
      {"parse_mta_log_line: many == in an Exim line", 300, log_exim, run_parse_mta_log_line},
  };
  check_all(shapes);
}

TEST_CASE("finder and classifier: linear time") {
  const Shape shapes[] = {
      {"for_each_code: code-dense text", 100, code_dense, run_for_each_code},
      {"for_each_code: all digits", 1000, digits, run_for_each_code},
      {"for_each_code: all dots", 1000, dots, run_for_each_code},
      {"for_each_code: 5.5.5.5...", 500, status_dense, run_for_each_code},
      {"find_codes: all digits", 1000, digits, run_find_codes},
      {"find_codes: all dots", 1000, dots, run_find_codes},
      {"find_codes: prose", 30, prose, run_find_codes},
      {"classify_text: all digits", 1000, digits, run_classify_text},
      {"classify_text: all dots", 1000, dots, run_classify_text},
      {"classify_text: prose", 30, prose, run_classify_text},
      // Quadratic before the finder's fix (issue 14, item 1): 13x to 15x per 4x.
      {"find_codes: code-dense text", 100, code_dense, run_find_codes},
      {"find_codes: 5.5.5.5...", 500, status_dense, run_find_codes},
      {"classify_text: code-dense text", 100, code_dense, run_classify_text},
      {"find_all_codes: code-dense text", 100, code_dense, run_find_all_codes},
      {"find_all_codes: all digits", 1000, digits, run_find_all_codes},
      {"find_all_codes: all dots", 1000, dots, run_find_all_codes},
      {"find_smtp_command: markers without commands", 100, command_markers, run_find_smtp_command},
      {"find_smtp_command: a marker, then spaces", 4000, marker_then_spaces, run_find_smtp_command},
      {"find_smtp_command: prose", 30, prose, run_find_smtp_command},
      {"find_phrases: prose", 30, prose, run_find_phrases},
      {"find_phrases: URLs", 30, urls, run_find_phrases},
      {"find_phrases: addresses", 30, addresses, run_find_phrases},
  };
  check_all(shapes);
}

// Each of the finder's paths on texts dense in codes of one shape, about
// 4 KiB at 1x.
TEST_CASE("finder paths on code-shaped texts: linear time") {
  struct Text {
    const char* name;
    std::size_t units;
    std::string (*make)(std::size_t n);
  };
  struct Path {
    const char* name;
    std::size_t (*run)(std::string_view input);
  };
  constexpr Text texts[] = {
      {"statuses after one reply", 680, statuses_after_one_reply},
      {"introduced replies", 410, introduced_replies},
      {"status then reply", 256, status_then_reply},
      {"quoted replies", 195, quoted_replies},
      {"one code per line", 342, one_code_per_line},
      {"dotted numbers", 1024, dotted_numbers},
      {"a long line of prose with quantities", 76, quantity_prose},
  };
  constexpr Path paths[] = {
      {"find_codes", run_find_codes},
      {"for_each_code", run_for_each_code},
      {"find_all_codes", run_find_all_codes},
      {"classify_text", run_classify_text},
  };
  for (const Text& text : texts) {
    for (const Path& path : paths) {
      const std::string name = std::string(path.name) + ": " + text.name;
      check_linear(Shape{name.c_str(), text.units, text.make, path.run});
    }
  }
}

TEST_CASE("bounce readers: linear time") {
  const Shape shapes[] = {
      {"for_each_bounce_recipient: many DSN recipients", 10, bounce_dsn, run_bounce_reader},
      {"for_each_bounce_recipient: an inline delivery status", 10, bounce_inline_dsn, run_bounce_reader},
      {"for_each_bounce_recipient: inline fields without a recipient", 100, bounce_inline_dsn_fields,
       run_bounce_reader},
      {"for_each_bounce_recipient: many recipients in the text", 70, bounce_text_recipients, run_bounce_reader},
      {"for_each_bounce_recipient: many X-Failed-Recipients", 70, bounce_failed_recipients_header, run_bounce_reader},
      {"for_each_bounce_recipient: a Sendmail transcript", 70, bounce_sendmail_transcript, run_bounce_reader},
      {"for_each_bounce_recipient: a Sendmail transcript, X-Failed-Recipients", 80, bounce_sendmail_failed_header,
       run_bounce_reader},
      {"for_each_bounce_recipient: long headers", 70, bounce_received_headers, run_bounce_reader},
      {"for_each_bounce_recipient: a long line", 2000, bounce_long_line, run_bounce_reader},
      {"for_each_bounce_recipient: all digits", 1000, bounce_digits, run_bounce_reader},
      {"for_each_bounce_recipient: all dots", 1000, bounce_dots, run_bounce_reader},
      {"for_each_bounce_recipient: deep MIME", 20, bounce_deep_mime, run_bounce_reader},
      {"for_each_bounce_recipient: wide MIME", 50, bounce_wide_mime, run_bounce_reader},
      {"for_each_bounce_recipient: at signs", 100, bounce_at_signs, run_bounce_reader},
      {"for_each_bounce_recipient: example addresses in prose", 60, bounce_example_addresses, run_bounce_reader},
      {"for_each_bounce_recipient: addresses run into words", 60, bounce_addresses_run_into_words, run_bounce_reader},
      {"for_each_bounce_recipient: near misses of a long address", 20, bounce_near_misses_of_the_address,
       run_bounce_reader},
      {"for_each_bounce_recipient: code-dense DSN diagnostic", 100, bounce_code_dense_dsn, run_bounce_reader},
      {"for_each_bounce_recipient: code-dense text", 100, bounce_code_dense_text, run_bounce_reader},
      {"DecodedMessage: many encoded parts, past the part index", 40, encoded_parts, run_decoded_message_reader},
      {"DecodedMessage: a long encoded body, parts replayed", 100, encoded_long_body, run_decoded_message_reader},
      {"DecodedMessage: many DSN recipients", 10, bounce_dsn, run_decoded_message_reader},
      {"DecodedMessage: wide MIME, past the part index", 50, bounce_wide_mime, run_decoded_message_reader},
      {"DecodedMessage: long headers", 70, bounce_received_headers, run_decoded_message_reader},
      {"for_each_text_recipient: many recipients", 70, bounce_text_recipients, run_text_recipients},
      {"for_each_text_recipient: at signs", 100, bounce_at_signs, run_text_recipients},
  };
  check_all(shapes);
}

// Issue 17: line ends are found many bytes at a time, and text that needs no
// decoding is copied in one go. Byte-at-a-time loops cost four or more
// instructions per byte (many more without optimisation).
TEST_CASE("line_at and decode_text_parts read long text many bytes at a time") {
  const double line_at_cost = work_per_byte(16, long_lines_text, run_line_at);
  const double copy_cost = work_per_byte(2000, plain_message, run_decode_text_parts);
  std::printf("%-58s %.3f instructions per byte\n", "detail::line_at: 4000-byte lines", line_at_cost);
  std::printf("%-58s %.3f instructions per byte\n", "decode_text_parts: nothing to decode", copy_cost);
  // Sixteen bytes a step cost about 0.3 instructions per byte optimised and
  // 2.5 without (-O0, the Debug build CI counts in); a byte at a time costs
  // 4 or more optimised and over 10 without.
#if defined(__OPTIMIZE__)
  constexpr double many_bytes_at_a_time = 2.0;
#else
  constexpr double many_bytes_at_a_time = 3.5;
#endif
  CHECK(line_at_cost < many_bytes_at_a_time);
  // memcpy copies with `rep movsb`, which callgrind counts once per byte.
  CHECK(copy_cost < 2.0);
}

int main(int argc, char** argv) {
  if (!smtpcodes_test::counting_work()) return smtpcodes_test::start_under_callgrind(argc, argv);
  std::printf("%-58s %10s %12s %12s %12s  growth\n", "reader: input", "1x", "1x", "4x", "16x");
  doctest::Context context(argc, argv);
  return context.run();
}
