// RFC 3464 delivery-status bodies and RFC 6522 multipart/report messages.
#include <doctest/doctest.h>

#include <iterator>
#include <string>
#include <string_view>
#include <type_traits>

#include <smtpcodes/bounce/dsn.hpp>

using smtpcodes::DsnAction;
using namespace std::string_view_literals;

namespace {

constexpr std::string_view two_recipients =
    "Reporting-MTA: dns; mail.example.org\n"
    "Original-Envelope-Id: 0123456789\n"
    "DSN-Gateway: dns; gw.example.org\n"
    "Received-From-MTA: dns; client.example.org (client.example.org [192.0.2.1])\n"
    "Arrival-Date: Tue, 10 Nov 2026 09:13:58 +0000\n"
    "\n"
    "Original-Recipient: rfc822;alice@example.com\n"
    "Final-Recipient: rfc822; Alice@Example.com\n"
    "Action: failed\n"
    "Status: 5.1.1 (bad destination mailbox address)\n"
    "Remote-MTA: dns; mx1.example.com\n"
    "Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach\n"
    "    does not exist.\n"
    "Last-Attempt-Date: Tue, 10 Nov 2026 09:14:02 +0000\n"
    "Final-Log-ID: 4C9A21C0E3\n"
    "\n"
    "final-recipient: RFC822; <bob@example.net>\n"
    "ACTION: Delayed\n"
    "status: 4.4.1\n"
    "will-retry-until: Thu, 12 Nov 2026 09:14:02 +0000\n";

constexpr std::size_t count_recipients(std::string_view body) {
  return smtpcodes::parse_delivery_status(body).recipient_count();
}

constexpr bool first_status_is(std::string_view body, unsigned c, unsigned s, unsigned d) {
  for (const auto& recipient : smtpcodes::parse_delivery_status(body)) {
    return recipient.status() == smtpcodes::EnhancedStatus::from_parts(c, s, d).value();
  }
  return false;
}

std::string with_line_ends(std::string_view text, std::string_view end) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += end;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

static_assert(count_recipients(two_recipients) == 2);
static_assert(count_recipients("") == 0);
static_assert(count_recipients("Reporting-MTA: dns; x\n\n") == 0);
static_assert(first_status_is(two_recipients, 5, 1, 1));
static_assert(smtpcodes::parse_delivery_status(two_recipients).message.reporting_mta.value == "mail.example.org");
static_assert(smtpcodes::parse_action(" Failed (permanent) ") == DsnAction::failed);
static_assert(smtpcodes::bare_address(" <Bob@Example.com> (x)") == "Bob@Example.com");
static_assert(smtpcodes::bare_address("Bob Smith <bob@example.com>") == "bob@example.com");
static_assert(smtpcodes::bare_address("\"Smith, Bob\" <bob@example.com>, ann@example.com") == "bob@example.com");
static_assert(smtpcodes::bare_address("<bob@example.com") == "bob@example.com");
static_assert(smtpcodes::strip_comment("5.1.1 (bad)") == "5.1.1");

TEST_CASE("parse_delivery_status reads per-message and per-recipient fields") {
  const auto report = smtpcodes::parse_delivery_status(two_recipients);
  CHECK(report.message.reporting_mta.type == "dns");
  CHECK(report.message.reporting_mta.value == "mail.example.org");
  CHECK(report.message.original_envelope_id == "0123456789");
  CHECK(report.message.dsn_gateway.value == "gw.example.org");
  CHECK(report.message.received_from_mta.value == "client.example.org (client.example.org [192.0.2.1])");
  CHECK(report.message.arrival_date == "Tue, 10 Nov 2026 09:13:58 +0000");

  auto it = report.begin();
  REQUIRE(it != report.end());
  CHECK(it->original_recipient.type == "rfc822");
  CHECK(it->original_recipient.value == "alice@example.com");
  CHECK(it->recipient() == "alice@example.com");  // as the sender gave it
  CHECK(it->final_address() == "Alice@Example.com");
  CHECK(it->action() == DsnAction::failed);
  CHECK(it->status().value() == smtpcodes::EnhancedStatus::from_parts(5, 1, 1).value());
  CHECK(it->remote_mta.value == "mx1.example.com");
  CHECK(it->diagnostic_code.type == "smtp");
  // Folded lines stay in the view, line break included.
  CHECK(it->diagnostic_code.value == "550-5.1.1 The email account that you tried to reach\n    does not exist.");
  CHECK(it->last_attempt_date == "Tue, 10 Nov 2026 09:14:02 +0000");
  CHECK(it->final_log_id == "4C9A21C0E3");
  ++it;
  REQUIRE(it != report.end());
  // Names are case-insensitive; angle brackets come off.
  CHECK(it->recipient() == "bob@example.net");
  CHECK(it->action() == DsnAction::delayed);
  CHECK(it->status().value() == smtpcodes::EnhancedStatus::from_parts(4, 4, 1).value());
  CHECK(it->will_retry_until == "Thu, 12 Nov 2026 09:14:02 +0000");
  ++it;
  CHECK(it == report.end());
}

TEST_CASE("recipient(): the address the sender gave, when the block has a plain Internet one") {
  struct Row {
    std::string_view fields;
    std::string_view recipient;
    std::string_view final_address;
  };
  constexpr Row rows[] = {
      // An Exchange X.400 gateway: the final address is the gateway's route (RFC 3464 §2.3.2).
      {"Original-Recipient: rfc822; ann@example.com\nFinal-Recipient: x400; /RFC-822=ann(a)example.net/ADMD= /C=WW/\n"
       "Action: failed\nStatus: 5.0.0\n",
       "ann@example.com", "/RFC-822=ann(a)example.net/ADMD= /C=WW/"},
      // An alias or forward expanded it: the sender's list holds the original
      // (RFC 3464 §2.3.1; BounceParser and Mailman report it too).
      {"Original-Recipient: rfc822; ann@example.com\nFinal-Recipient: rfc822; ann.lee@mail.example.com\n"
       "Action: failed\nStatus: 5.1.1\n",
       "ann@example.com", "ann.lee@mail.example.com"},
      // Messaging Server delivers through its store channel, a host with no dot.
      {"Original-recipient: rfc822;ann@example.com\nFinal-recipient: rfc822;ann@ims-ms-daemon\n"
       "Action: failed\nStatus: 5.2.2\n",
       "ann@example.com", "ann@ims-ms-daemon"},
      // A broken original (a repeated type, no domain) is not an address: the final one.
      {"Final-Recipient: rfc822; ann@example.com\nOriginal-Recipient: rfc822; rfc822;ann@example.com\n"
       "Action: failed\nStatus: 5.0.0\n",
       "ann@example.com", "ann@example.com"},
      {"Final-Recipient: rfc822; 1@mail.example.com\nOriginal-Recipient: rfc822; 1\nAction: delayed\n",
       "1@mail.example.com", "1@mail.example.com"},
      // A local or system address in brackets, or none at all.
      {"Original-Recipient: rfc822;<ann@example.com>\nFinal-Recipient: LOCAL;<ann>\nAction: failed\n",
       "ann@example.com", "ann"},
      {"Original-Recipient: rfc822;<ann@example.com>\nFinal-Recipient: system;<>\nAction: failed\n", "ann@example.com",
       ""},
      // Only an original.
      {"Original-Recipient: rfc822; ann@example.com\nAction: failed\n", "ann@example.com", ""},
      // No Internet original to fall back on: the final address as given.
      {"Final-Recipient: x400; c=US;a= ;p=Example;o=Mail;s=Lee\nAction: failed\nStatus: 5.0.0\n",
       "c=US;a= ;p=Example;o=Mail;s=Lee", "c=US;a= ;p=Example;o=Mail;s=Lee"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.fields);
    std::string body = "Reporting-MTA: dns; gw.example.org\n\n";
    body += row.fields;
    const auto report = smtpcodes::parse_delivery_status(body);
    REQUIRE(report.begin() != report.end());
    CHECK(report.begin()->recipient() == row.recipient);
    CHECK(report.begin()->final_address() == row.final_address);
  }
}

TEST_CASE("parse_delivery_status: CRLF, LF and bare CR give the same fields") {
  for (std::string_view end : {"\n"sv, "\r\n"sv, "\r"sv}) {
    CAPTURE(end.size());
    const std::string body = with_line_ends(two_recipients, end);
    const auto report = smtpcodes::parse_delivery_status(body);
    CHECK(report.message.reporting_mta.value == "mail.example.org");
    REQUIRE(report.recipient_count() == 2);
    const auto first = *report.begin();
    CHECK(first.final_address() == "Alice@Example.com");
    CHECK(first.status().has_value());
    char unfolded[128]{};
    const std::size_t n = smtpcodes::unfold(first.diagnostic_code.value, unfolded, sizeof unfolded);
    CHECK(std::string_view(unfolded, n) == "550-5.1.1 The email account that you tried to reach does not exist.");
  }
}

TEST_CASE("parse_delivery_status: malformed bodies") {
  struct Row {
    std::string_view body;
    std::size_t recipients;
  };
  constexpr Row rows[] = {
      {"", 0},
      {"\n\n\n", 0},
      {"garbage without colons\nmore garbage\n", 0},
      // Per-message and recipient fields merged in one block.
      {"Reporting-MTA: dns; x\nFinal-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.0.0\n", 1},
      // Leading blank lines and a continuation line with no field before it.
      {"\n\n  stray continuation\nFinal-Recipient: rfc822; a@b.example\n", 1},
      // A block without a recipient is not a recipient.
      {"Reporting-MTA: dns; x\n\nAction: failed\nStatus: 5.1.1\n", 0},
      {":\n:::\nFinal-Recipient:\n", 0},
      // Recipient blocks without the blank line between them (AOL's notices):
      // a second Final-Recipient, or a second Original-Recipient, starts the next.
      {"Reporting-MTA: dns; x\nFinal-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.2.2\n"
       "Final-Recipient: rfc822; c@d.example\nAction: failed\nStatus: 5.1.1\n",
       2},
      {"Original-Recipient: rfc822; a@b.example\nFinal-Recipient: rfc822; a@b.example\nAction: failed\n"
       "Original-Recipient: rfc822; c@d.example\nFinal-Recipient: rfc822; c@d.example\nAction: failed\n",
       2},
  };
  for (const Row& row : rows) {
    CAPTURE(row.body);
    CHECK(smtpcodes::parse_delivery_status(row.body).recipient_count() == row.recipients);
  }
  SUBCASE("glued recipient blocks keep their own fields") {
    const auto report = smtpcodes::parse_delivery_status(
        "Final-Recipient: rfc822; a@b.example\nStatus: 5.2.2\nFinal-Recipient: rfc822; c@d.example\nStatus: 5.1.1\n");
    auto it = report.begin();
    CHECK(it->recipient() == "a@b.example");
    CHECK(it->status_text == "5.2.2");
    ++it;
    CHECK(it->recipient() == "c@d.example");
    CHECK(it->status_text == "5.1.1");
  }
  SUBCASE("a status with zero padding or a comment is read leniently") {
    const auto report =
        smtpcodes::parse_delivery_status("Final-Recipient: rfc822; a@b.example\nStatus: 5.01.001 (x)\n");
    CHECK(report.begin()->status().value() == smtpcodes::EnhancedStatus::from_parts(5, 1, 1).value());
  }
  SUBCASE("a bad status is an error, not a guess") {
    const auto report = smtpcodes::parse_delivery_status("Final-Recipient: rfc822; a@b.example\nStatus: 9.9\n");
    CHECK_FALSE(report.begin()->status().has_value());
  }
}

TEST_CASE("parse_action") {
  struct Row {
    std::string_view text;
    DsnAction action;
  };
  constexpr Row rows[] = {
      {"failed", DsnAction::failed},       {"FAILED", DsnAction::failed},   {"delayed", DsnAction::delayed},
      {"delivered", DsnAction::delivered}, {"relayed", DsnAction::relayed}, {"expanded", DsnAction::expanded},
      {"failed (bad)", DsnAction::failed}, {"", DsnAction::unknown},        {"bounced", DsnAction::unknown},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(smtpcodes::parse_action(row.text) == row.action);
  }
}

namespace {
constexpr std::string_view report_message =
    "From: MAILER-DAEMON@mail.example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/report; report-type=delivery-status;\n"
    "\tboundary=\"4C9A21C0E3.1762766042/mail.example.org\"\n"
    "\n"
    "This is a MIME-encapsulated message.\n"
    "\n"
    "--4C9A21C0E3.1762766042/mail.example.org\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "I'm sorry to have to inform you...\n"
    "\n"
    "--4C9A21C0E3.1762766042/mail.example.org\n"
    "Content-Description: Delivery report\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.org\n"
    "\n"
    "Final-Recipient: rfc822; alice@example.com\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "\n"
    "--4C9A21C0E3.1762766042/mail.example.org\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "Subject: hello\n"
    "\n"
    "--4C9A21C0E3.1762766042/mail.example.org--\n";
}  // namespace

static_assert(!smtpcodes::find_delivery_status(report_message).empty());

TEST_CASE("find_delivery_status: by boundary, nested, and by the fallback scan") {
  const std::string_view body = smtpcodes::find_delivery_status(report_message);
  CHECK(body ==
        "Reporting-MTA: dns; mail.example.org\n\nFinal-Recipient: rfc822; alice@example.com\nAction: failed\n"
        "Status: 5.1.1\n");
  CHECK(smtpcodes::parse_delivery_status(body).recipient_count() == 1);

  SUBCASE("CRLF message") {
    const std::string crlf = with_line_ends(report_message, "\r\n");
    const auto found = smtpcodes::find_delivery_status(crlf);
    CHECK(smtpcodes::parse_delivery_status(found).recipient_count() == 1);
  }
  SUBCASE("nested inside multipart/mixed") {
    const std::string nested =
        "Content-Type: multipart/mixed; boundary=outer\n\n--outer\nContent-Type: text/plain\n\nhi\n--outer\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=inner\n\n--inner\n"
        "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; x@example.com\nAction: failed\n"
        "--inner--\n--outer--\n";
    CHECK(smtpcodes::parse_delivery_status(smtpcodes::find_delivery_status(nested)).recipient_count() == 1);
  }
  SUBCASE("a boundary that does not match falls back to the header scan") {
    const std::string broken =
        "Content-Type: multipart/report; boundary=\"nothing-like-it\"\n\n--other\n"
        "Content-Type: message/delivery-status\n\nFinal-Recipient: rfc822; y@example.com\nAction: failed\n\n"
        "--other--\n";
    const auto found = smtpcodes::find_delivery_status(broken);
    REQUIRE(smtpcodes::parse_delivery_status(found).recipient_count() == 1);
    CHECK(smtpcodes::parse_delivery_status(found).begin()->recipient() == "y@example.com");
  }
  SUBCASE("a message without one") {
    CHECK(smtpcodes::find_delivery_status("Subject: hi\n\nhello\n").empty());
    CHECK(smtpcodes::find_delivery_status("").empty());
  }
}

TEST_CASE("header_value and content-type parameters") {
  constexpr std::string_view headers =
      "Subject: one\n  two\nContent-Type: multipart/report;\n report-type=delivery-status; Boundary=\"b 1\"\n\nbody: "
      "x\n";
  CHECK(smtpcodes::header_value(headers, "subject") == "one\n  two");
  CHECK(smtpcodes::header_value(headers, "body").empty());
  const auto content_type = smtpcodes::header_value(headers, "Content-Type");
  CHECK(smtpcodes::detail::content_type_parameter(content_type, "boundary") == "b 1");
  CHECK(smtpcodes::detail::content_type_parameter(content_type, "report-type") == "delivery-status");
}

TEST_CASE("DsnRecipientIterator is a standard forward iterator") {
  static_assert(std::is_same_v<std::iterator_traits<smtpcodes::DsnRecipientIterator>::iterator_category,
                               std::forward_iterator_tag>);
#if __cplusplus >= 202002L
  static_assert(std::forward_iterator<smtpcodes::DsnRecipientIterator>);
#endif
  constexpr std::string_view body =
      "Reporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; a@example.com\nAction: failed\nStatus: 5.1.1\n\n"
      "Final-Recipient: rfc822; b@example.com\nAction: failed\nStatus: 5.2.2\n";
  const auto status = smtpcodes::parse_delivery_status(body);
  CHECK(std::distance(status.begin(), status.end()) == 2);
  auto it = status.begin();
  const auto before = it++;
  CHECK(before->recipient() == "a@example.com");
  CHECK(it->recipient() == "b@example.com");
}
