// Reading whole bounce messages: standard notifications, prose bounces,
// feedback reports, automatic replies, and messages that are none of these.
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounce/message.hpp>

using smtpcodes::BounceReason;
using smtpcodes::BounceSource;
using smtpcodes::BounceType;
using smtpcodes::DsnAction;

namespace {

struct Seen {
  std::string recipient;
  DsnAction action;
  std::string status;
  std::string reply;
  BounceReason reason;
  BounceType bounce;
  BounceSource source;
};

std::vector<Seen> read(std::string_view message) {
  std::vector<Seen> seen;
  smtpcodes::for_each_bounce_recipient(message, [&seen](const smtpcodes::BounceRecipient& r) {
    seen.push_back(Seen{std::string(r.recipient.value_or("(none)")), r.action,
                        std::string(smtpcodes::to_string(r.verdict.enhanced_status).view()),
                        std::string(smtpcodes::to_string(r.verdict.reply_code).view()), r.verdict.reason,
                        r.verdict.bounce, r.source});
  });
  return seen;
}

constexpr std::string_view dsn_message =
    "From: MAILER-DAEMON@mail.example.org\n"
    "To: news@example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "<carol@example.com>... User unknown\n"
    "\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mail.example.org\n"
    "\n"
    "Final-Recipient: rfc822; alice@example.com\n"
    "Action: failed\n"
    "Status: 5.0.0\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <alice@example.com>: Recipient address rejected\n"
    "\n"
    "Final-Recipient: rfc822; bob@example.net\n"
    "Action: delayed\n"
    "Status: 4.4.1\n"
    "Diagnostic-Code: X-Postfix; connect to mx.example.net[198.51.100.7]:25: Connection timed out\n"
    "\n"
    "Final-Recipient: rfc822; carol@example.com\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "\n"
    "--B--\n";

constexpr std::size_t count(std::string_view message) {
  return smtpcodes::for_each_bounce_recipient(message, [](const smtpcodes::BounceRecipient&) {});
}

}  // namespace

static_assert(count(dsn_message) == 3);
static_assert(count("Subject: hello\n\nJust a note.\n") == 0);

TEST_CASE("a standard notification: one result per recipient block") {
  const auto seen = read(dsn_message);
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].recipient == "alice@example.com");
  CHECK(seen[0].status == "5.1.1");  // the specific status of the text beats Status: 5.0.0
  CHECK(seen[0].reply == "550");
  CHECK(seen[0].reason == BounceReason::unknown_recipient);
  CHECK(seen[0].bounce == BounceType::hard);
  CHECK(seen[0].source == BounceSource::delivery_status);
  CHECK(seen[1].recipient == "bob@example.net");
  CHECK(seen[1].action == DsnAction::delayed);
  CHECK(seen[1].reason == BounceReason::network_error);
  CHECK(seen[1].bounce == BounceType::soft);
  // No Diagnostic-Code: the explaining text about that address is used.
  CHECK(seen[2].recipient == "carol@example.com");
  CHECK(seen[2].reason == BounceReason::unknown_recipient);
}

// Shaped like the notice Exim 4.96 wrote in the live stage when it gave up on
// a host that refused connections: Status 5.0.0 and no Diagnostic-Code, the
// reason only in the text, and a system address among the recipients.
constexpr std::string_view gave_up_message =
    "From: Mail Delivery System <Mailer-Daemon@client.example.org>\n"
    "To: sender@client.example.org\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: postmaster@down.example.net,\n"
    "  someone@down.example.net\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=B\n"
    "\n"
    "--B\n"
    "Content-type: text/plain; charset=us-ascii\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  postmaster@down.example.net\n"
    "    retry timeout exceeded\n"
    "  someone@down.example.net\n"
    "    retry timeout exceeded\n"
    "\n"
    "--B\n"
    "Content-type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; client.example.org\n"
    "\n"
    "Action: failed\n"
    "Final-Recipient: rfc822;someone@down.example.net\n"
    "Status: 5.0.0\n"
    "\n"
    "Action: failed\n"
    "Final-Recipient: rfc822;postmaster@down.example.net\n"
    "Status: 5.0.0\n"
    "\n"
    "--B--\n";

TEST_CASE("a failed system address finds its text when others failed too (found in the live stage)") {
  // Guessing recipients from prose skips postmaster@ while others are named;
  // a notice that names its recipients must still find the text about it.
  const auto seen = read(gave_up_message);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].recipient == "someone@down.example.net");
  CHECK(seen[1].recipient == "postmaster@down.example.net");
  for (const Seen& recipient : seen) {
    CAPTURE(recipient.recipient);
    CHECK(recipient.reason == BounceReason::expired);
    CHECK(recipient.bounce == BounceType::soft);
    CHECK(recipient.status == "5.0.0");
  }
  // Without the delivery-status part, X-Failed-Recipients names them, in its order.
  const std::string_view prose_only = gave_up_message.substr(0, gave_up_message.find("--B\nContent-type: message"));
  const auto from_header = read(prose_only);
  REQUIRE(from_header.size() == 2);
  CHECK(from_header[0].recipient == "postmaster@down.example.net");
  CHECK(from_header[0].reason == BounceReason::expired);
  CHECK(from_header[1].reason == BounceReason::expired);
  // Guessing from prose alone still leaves out the system address.
  std::vector<std::string> guessed;
  smtpcodes::for_each_text_recipient(prose_only, [&guessed](const smtpcodes::TextRecipient& text) {
    guessed.emplace_back(text.address.value_or(""));
  });
  CHECK(guessed == std::vector<std::string>{"someone@down.example.net"});
}

static_assert(count(gave_up_message) == 2);

// The shape of an OpenSMTPD notice (found in the live stage): the reason
// after the address, with no code, then its announcement of the copy.
constexpr std::string_view opensmtpd_message =
    "From: Mailer Daemon <MAILER-DAEMON@mx.example.org>\n"
    "Subject: Delivery status notification: failed\n"
    "Content-Type: multipart/mixed;boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "    Delivery failed for these recipients:\n"
    "\n"
    "nobody@example.net: message too large for peer\n"
    "\n"
    "    Below is a copy of the original message:\n"
    "\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.org\n"
    "\n"
    "Final-Recipient: rfc822; nobody@example.net\n"
    "Action: failed\n"
    "Status: 5.0.0\n"
    "\n"
    "--B\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "Subject: too large\n"
    "\n"
    "--B--\n";

TEST_CASE("the explaining text ends where the notice announces the copy (OpenSMTPD, found in the live stage)") {
  std::vector<std::string> diagnostics;
  smtpcodes::for_each_bounce_recipient(opensmtpd_message, [&diagnostics](const smtpcodes::BounceRecipient& r) {
    diagnostics.emplace_back(r.diagnostic);
    CHECK(r.verdict.reason == BounceReason::message_too_large);
  });
  CHECK(diagnostics == std::vector<std::string>{"nobody@example.net: message too large for peer"});
}

TEST_CASE("prose bounces: qmail, Exim, Exchange-style and provider notices") {
  struct Row {
    std::string_view name;
    std::string_view message;
    std::string_view recipient;
    std::string_view status;
    BounceReason reason;
    BounceType bounce;
  };
  const Row rows[] = {
      {"qmail",
       "From: MAILER-DAEMON@smtp.example.org\nTo: orders@example.org\nSubject: failure notice\n\n"
       "Hi. This is the qmail-send program at smtp.example.org.\n\n"
       "<erin@example.invalid>:\nSorry, I couldn't find any host named example.invalid. (#5.1.2)\n\n"
       "--- Below this line is a copy of the message.\n\nTo: erin@example.invalid\nFrom: orders@example.org\n",
       "erin@example.invalid", "5.1.2", BounceReason::unknown_domain, BounceType::hard},
      {"exim",
       "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nTo: alerts@example.org\n"
       "Subject: Mail delivery failed: returning message to sender\nAuto-Submitted: auto-replied\n\n"
       "A message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent "
       "error. The following address(es) failed:\n\n  grace@example.net\n    host mx.example.net [203.0.113.9]\n"
       "    SMTP error from remote mail server after RCPT TO:<grace@example.net>:\n"
       "    552 5.2.2 Mailbox quota exceeded\n\n------ This is a copy of the message, including all the headers.\n",
       "grace@example.net", "5.2.2", BounceReason::mailbox_full, BounceType::soft},
      {"exchange",
       "From: postmaster@contoso.example\nTo: sales@example.org\nSubject: Undeliverable: Quote\n\n"
       "Delivery has failed to these recipients or groups:\n\nheidi@contoso.example\n"
       "The e-mail address you entered couldn't be found.\n\nDiagnostic information for administrators:\n\n"
       "Generating server: mail.contoso.example\n\nheidi@contoso.example\n"
       "#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##\n\nOriginal message headers:\n\n"
       "Received: from mail.example.org\n",
       "heidi@contoso.example", "5.1.1", BounceReason::unknown_recipient, BounceType::hard},
      {"yahoo",
       "From: MAILER-DAEMON@yahoo.example\nTo: shop@example.org\nSubject: Failure Notice\n\n"
       "Sorry, we were unable to deliver your message to the following address.\n\n<lena@yahoo.example>:\n"
       "554: delivery error: dd This user doesn't have a yahoo.example account (lena@yahoo.example) [0] - mta1\n\n"
       "--- Below this line is a copy of the message.\n",
       "lena@yahoo.example", "", BounceReason::unknown_recipient, BounceType::hard},
      {"microsoft 365 prose",
       "From: Microsoft Outlook <MAILER-DAEMON@contoso.example>\nTo: shop@example.org\nSubject: Undeliverable: "
       "order\n\n"
       "Your message to nina@fabrikam.example couldn't be delivered.\nnina wasn't found at fabrikam.example.\n\n"
       "Diagnostic information for administrators:\n\nnina@fabrikam.example\nRemote Server returned '550 5.1.10 "
       "RESOLVER.ADR.RecipientNotFound; Recipient nina@fabrikam.example not found by SMTP address lookup'\n",
       "nina@fabrikam.example", "5.1.10", BounceReason::unknown_recipient, BounceType::hard},
      {"gmail prose",
       "From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>\nTo: shop@example.org\n"
       "Subject: Delivery Status Notification (Failure)\n\n** Address not found **\n\nYour message wasn't delivered to "
       "mike@example.com because the address couldn't be found, or is unable to receive mail.\n\nThe response was:\n\n"
       "The email account that you tried to reach does not exist.\n",
       "mike@example.com", "", BounceReason::unknown_recipient, BounceType::hard},
      // Smail 3's layout (notify.c), which T-Online's notices keep: the copy starts at a banner.
      {"smail banners",
       "From: Mail Delivery System <Mailer-Daemon@smail.example>\nTo: shop@example.org\n"
       "Subject: mail failed, returning to sender\n\n"
       "|------------------------- Failed addresses follow: ---------------------|\n"
       " <anna@smail.example>\n   552 5.2.2 <anna@smail.example> Quota exceeded (mailbox for user is full)\n"
       "|------------------------- Message text follows: ------------------------|\n"
       "Subject: hello\n\n<bert@copy.example> wrote: 550 user unknown\n",
       "anna@smail.example", "5.2.2", BounceReason::mailbox_full, BounceType::soft},
      {"provider notice without codes",
       "From: Mail Delivery Subsystem <mailer-daemon@mail.example.com>\nTo: me@example.org\n"
       "Subject: Delivery Status Notification (Failure)\n\n** Message blocked **\n\n"
       "Your message to ivan@example.com has been blocked. Your sending IP is listed on a block list.\n",
       "ivan@example.com", "", BounceReason::blocked, BounceType::soft},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto seen = read(row.message);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].recipient == row.recipient);
    CHECK(seen[0].status == row.status);
    CHECK(smtpcodes::name(seen[0].reason) == smtpcodes::name(row.reason));
    CHECK(seen[0].bounce == row.bounce);
    CHECK(seen[0].source == BounceSource::text);
  }
}

TEST_CASE("a notice that explains the failure away from the address: its opening is read") {
  struct Row {
    std::string_view name;
    std::string_view message;
    std::string_view recipient;
    std::string_view reply;
    BounceReason reason;
    BounceType bounce;
  };
  const Row rows[] = {
      // au (KDDI) states the reason above the address.
      {"reason above the address",
       "From: Postmaster@mobile.example.jp\nTo: shop@example.org\nSubject: Mail System Error - Returned Mail\n\n"
       "The user(s) account is disabled.\n\n<kenji@mobile.example.jp>\n",
       "kenji@mobile.example.jp", "", BounceReason::mailbox_disabled, BounceType::soft},
      // Verizon's SMS gateway signs as post_master and lists the recipient under "Message details".
      {"post_master with message details",
       "From: post_master@sms.example.com\nTo: shop@example.org\nSubject: Re: order\n\n"
       "Error: Invalid user address\n\nError message below:\n550 - Requested action not taken: no such user here\n\n"
       "Message details:\n  Subject: order\n  RCPT TO: tom@sms.example.com\n  Size (in bytes): 120\n",
       "tom@sms.example.com", "550", BounceReason::unknown_recipient, BounceType::hard},
      // The address's own lines decide when they name a reason; the opening's example does not.
      {"the address's own reason first",
       "From: MAILER-DAEMON@mx.example.org\nTo: shop@example.org\nSubject: Returned mail\n\n"
       "Your message was rejected; wait until the recipient fixes the problem (i.e. mailbox full).\n\n"
       "<rita@example.net>: 550 user unknown\n",
       "rita@example.net", "550", BounceReason::unknown_recipient, BounceType::hard},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto seen = read(row.message);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].recipient == row.recipient);
    CHECK(seen[0].reply == row.reply);
    CHECK(smtpcodes::name(seen[0].reason) == smtpcodes::name(row.reason));
    CHECK(seen[0].bounce == row.bounce);
  }
}

TEST_CASE("au (KDDI) notices from its reception filter say X-SPASIGN: NG: a block") {
  const std::string filtered =
      "From: <Postmaster@ezweb.example.jp>\nTo: shop@example.org\nSubject: Mail System Error - Returned Mail\n"
      "X-SPASIGN: NG\n\n<aoi@ezweb.example.jp>\n\nEach of the following recipients was rejected by a remote mail "
      "server.\n";
  // The From field makes the dialect: the notice must come from au's own domain.
  const std::string from_au = std::string(filtered).replace(filtered.find("ezweb.example.jp"), 16, "ezweb.ne.jp");
  auto seen = read(from_au);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].reason == BounceReason::blocked);
  // Without the header the notice names no reason.
  seen = read(std::string(from_au).replace(from_au.find("X-SPASIGN: NG\n"), 14, ""));
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].reason == BounceReason::unknown);
}

TEST_CASE("Trend Micro InterScan notices: recognised by their opening, an address to check is unknown") {
  constexpr std::string_view message =
      "From: postmaster@gw.example.jp (\"InterScan Notification\")\nTo: list@example.org\n"
      "Subject: Mail could not be delivered\n\n*****\n\nMessage from InterScan Messaging Security Suite\n\n"
      "Unable to deliver message to <yui@example.jp> (and other recipients in the same domain). "
      "Please check if address is correct.\n\n*****\n";
  const auto seen = read(message);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "yui@example.jp");
  CHECK(seen[0].reason == BounceReason::unknown_recipient);
  CHECK(seen[0].bounce == BounceType::hard);
  smtpcodes::Dialect dialect = smtpcodes::Dialect::unknown;
  smtpcodes::for_each_bounce_recipient(message,
                                       [&dialect](const smtpcodes::BounceRecipient& r) { dialect = r.dialect; });
  CHECK(dialect == smtpcodes::Dialect::trendmicro);
}

TEST_CASE("Postfix prose notices: a dead destination at expiry, a name-service failure") {
  struct Row {
    std::string_view name;
    std::string_view body;
    DsnAction action;
    BounceReason reason;
  };
  constexpr std::string_view failure_headers =
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\nTo: s@example.org\n"
      "Subject: Undelivered Mail Returned to Sender\n\nThis is the mail system at host mx.example.org.\n\n";
  const Row rows[] = {
      {"suspended",
       "<u@example.net>: delivery temporarily suspended: connect to\n    mx.example.net[192.0.2.1]:25: "
       "Connection refused\n",
       DsnAction::failed, BounceReason::expired},
      {"name service",
       "<u@example.net>: Name service error for name=example.net type=MX: Malformed or\n"
       "    unexpected name server reply\n",
       DsnAction::failed, BounceReason::network_error},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const auto seen = read(std::string(failure_headers) + std::string(row.body));
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].recipient == "u@example.net");
    CHECK(seen[0].action == row.action);
    CHECK(smtpcodes::name(seen[0].reason) == smtpcodes::name(row.reason));
    CHECK(seen[0].bounce == BounceType::soft);
  }
}

TEST_CASE("a prose delay warning gives delayed, soft recipients") {
  const auto seen = read(
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.example>\nTo: shop@example.org\n"
      "Subject: Delivery Status Notification (Delay)\n\nThis is an automatically generated Delivery Status "
      "Notification\n\nTHIS IS A WARNING MESSAGE ONLY.\n\nDelivery to the following recipient has been delayed:\n\n"
      "     olga@example.net\n\nMessage will be retried for 2 more day(s)\n\nTechnical details of temporary failure:\n"
      "The recipient server did not accept our requests to connect.\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "olga@example.net");
  CHECK(seen[0].action == DsnAction::delayed);
  CHECK(seen[0].bounce == BounceType::soft);
  CHECK(seen[0].reason == BounceReason::network_error);
}

TEST_CASE("feedback reports and automatic replies are not bounces") {
  const std::string_view arf =
      "From: abuse@mail.example.net\nSubject: FW: digest\n"
      "Content-Type: multipart/report; report-type=feedback-report; boundary=\"P\"\n\n--P\n"
      "Content-Type: text/plain\n\nAn abuse report.\n--P\nContent-Type: message/feedback-report\n\n"
      "Feedback-Type: abuse\nOriginal-Rcpt-To: <ivan@example.net>\n\n--P\nContent-Type: text/rfc822-headers\n\n"
      "To: someone@example.net\n\n--P--\n";
  auto seen = read(arf);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "ivan@example.net");
  CHECK(seen[0].reason == BounceReason::feedback_report);
  CHECK(seen[0].bounce == BounceType::none);

  const std::string_view several =
      "Subject: FBL\nContent-Type: multipart/report; report-type=feedback-report; boundary=\"P\"\n\n--P\n"
      "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\nOriginal-Rcpt-To: a@example.net\n"
      "Original-Rcpt-To: <b@example.net>\n\n--P--\n";
  seen = read(several);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].recipient == "a@example.net");
  CHECK(seen[1].recipient == "b@example.net");

  seen = read(
      "From: Judy <judy@example.com>\nSubject: Automatic reply: news\nAuto-Submitted: auto-replied\n\n"
      "I am out of the office.\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "judy@example.com");
  CHECK(seen[0].reason == BounceReason::auto_reply);
  CHECK(seen[0].bounce == BounceType::none);

  // Apple Mail's unsubscribe request says Auto-Submitted too, but asks to be removed: feedback.
  seen = read(
      "From: lena@mac.example\nTo: leave-42@lists.example.org\nSubject: unsubscribe\n"
      "Auto-Submitted: auto-replied\nX-Apple-Unsubscribe: true\n\n"
      "Apple Mail sent this email to unsubscribe from the message \"news\".\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "lena@mac.example");
  CHECK(seen[0].reason == BounceReason::feedback_report);
  CHECK(seen[0].bounce == BounceType::none);
  CHECK(seen[0].source == BounceSource::feedback_report);
}

TEST_CASE("messages that are not bounces yield no failure") {
  constexpr std::string_view lunch =
      "From: friend@example.com\nTo: me@example.org\nSubject: lunch\n\nSee you at 12:30 at 192.5.1.1, ok? "
      "Ask bob@example.net.\n";
  // NOLINTBEGIN(bugprone-suspicious-missing-comma): the longer messages are written over several lines
  constexpr std::string_view rows[] = {
      lunch,
      "",
      "\n\n\n",
      "Subject: no body",
      // Cron's output and a newsletter: system senders, but not of notices.
      "Return-Path: <root@host.example.org>\nFrom: root@host.example.org (root)\nTo: ann@example.org\n\nHello World\n",
      "From: Example News <noreply@news.example.com>\nTo: ann@example.org\nSubject: This week\n\nThree stories.\n",
      // Replies on a mailing list to a notice that reached it: the subject
      // quotes the notice's.
      "From: Ann <ann@example.org>\nTo: dev@lists.example.org\nSubject: Re: Undelivered Mail Returned to Sender\n\n"
      "Please fix your address, Bob.\n",
      "From: Ben <ben@example.net>\nTo: dev@lists.example.org\nSubject: RE: Delivery Status Notification (Failure)\n\n"
      "Thanks for the review.\n",
      "From: Uwe <uwe@example.de>\nTo: dev@lists.example.org\nSubject: AW: Undeliverable: Re: [PATCH] fix\n\n"
      "Danke.\n",
      // A person's reply quoting a notice, and a note that quotes a refusal
      // without naming anyone: what they quote is not theirs.
      "From: Ann <ann@example.org>\nTo: dev@lists.example.org\nSubject: Re: [PATCH] fix the build\n\n"
      "Bob's address bounces:\n> <bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <bob@example.net>:\n"
      ">     Recipient address rejected: User unknown (in reply to RCPT TO command)\n",
      "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: Bob's address\n\nThe list got this back:\n\n"
      "> <bob@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown\n",
      "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: outage report\n\nSince 9:00 the relay answers "
      "\"421 4.7.0 Try again later\" to every message; we are on it.\n",
      // A subject in RFC 2047 encoded words says only that it is not ASCII:
      // a note, and an automatic reply in Polish.
      "From: Ann <ann@example.org>\nTo: bob@example.net\nSubject: =?UTF-8?Q?caf=C3=A9_at_3?=\n\nSee you.\n",
      "Return-Path: <>\nFrom: ewa@example.pl\nTo: bob@example.net\nSubject: [Automatyczna "
      "=?iso-8859-2?Q?odpowied=BC?=] test\n\nJestem na urlopie.\n",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  for (std::string_view message : rows) {
    CAPTURE(message);
    for (const auto& seen : read(message)) CHECK(seen.bounce == BounceType::none);
  }
}

TEST_CASE("an ordinary message gives no row at all, whatever addresses its text names") {
  // Nothing failed and nothing was reported: a row would only be noise for
  // a program that counts rows (a list footer, a quoted header, a contact).
  constexpr std::string_view rows[] = {
      "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: contacts\n\nWrite to bob@example.net or "
      "<carol@example.com> about it.\n\n--\nTo unsubscribe, send a line \"unsubscribe\" to majordomo@example.org\n",
      "From: Ann <ann@example.org>\nTo: team@example.org\nSubject: Fwd: minutes\n\n---------- Forwarded message "
      "---------\nFrom: Bob <bob@example.net>\nDate: Mon, 1 Dec 2025 10:00:00 +0100\nTo: ann@example.org\n\nNotes.\n",
  };
  for (std::string_view message : rows) {
    CAPTURE(message);
    CHECK(read(message).empty());
  }
}

TEST_CASE("a message from MAILER-DAEMON or postmaster is a notice by its sender, one from root by its subject") {
  struct Row {
    std::string_view headers;
    bool failure;
  };
  constexpr Row rows[] = {
      {"From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\n", true},
      {"From: postmaster@mx.example.org\n", true},
      {"From: root@mx.example.org\n", false},
      {"From: root@mx.example.org\nSubject: Returned mail: see transcript for details\n", true},
      {"From: no-reply@example.com\nSubject: Delivery Status Notification (Failure)\n", true},
      // An encoded subject alone says nothing (below: a delivery-status part does).
      {"From: gateway@mx.example.org\nSubject: =?UTF-8?Q?Utilisateur_inconnu?=\n", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.headers);
    std::string message(row.headers);
    message += "To: ann@example.org\n\nThe message could not be delivered.\n";
    const auto seen = read(message);
    CHECK((!seen.empty() && seen[0].bounce != BounceType::none) == row.failure);
  }
}

TEST_CASE("a message whose envelope sender is MAILER-DAEMON is a notice, whatever its subject says") {
  // Sendmail writes a notice's null reverse-path as MAILER-DAEMON; this
  // gateway's notice has no From, and its subject is in French.
  constexpr std::string_view body =
      "Content-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\n\n"
      "A message could not be delivered to:\nben@example.net\n--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.org\n--b--\n";
  std::string notice =
      "Return-Path: <MAILER-DAEMON@mx.example.org>\nTo: ann@example.org\nSubject: Utilisateur inconnu\n";
  notice += body;
  const auto seen = read(notice);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "ben@example.net");
  CHECK(seen[0].bounce != BounceType::none);
  // The same report from another sender: its structure alone does not say
  // whether delivery failed, and its text does not either.
  std::string report = "From: reports@mx.example.org\nTo: ann@example.org\nSubject: Delivery report\n";
  report += body;
  for (const auto& row : read(report)) CHECK(row.bounce == BounceType::none);
}

TEST_CASE("a reply addressed to a list's bounce address is a notice, a reply to the list is not") {
  // Notices go to the envelope sender (RFC 5321 §4.5.5), for list mail the
  // list's bounce address; some gateways answer with "RE: <subject>".
  constexpr std::string_view body =
      "Subject: RE: Weekly news : not delivered (delivery failed)\n\nYour message could not be delivered to\n"
      "ben@example.net\n";
  const auto notice =
      read(std::string("From: gateway@mx.example.net\nTo: news-bounces@lists.example.org\n") + std::string(body));
  REQUIRE(notice.size() == 1);
  CHECK(notice[0].recipient == "ben@example.net");
  CHECK(notice[0].bounce != BounceType::none);
  CHECK(read(std::string("From: gateway@mx.example.net\nTo: news@lists.example.org\n") + std::string(body)).empty());
}

TEST_CASE("hostile messages: deep nesting and huge inputs finish") {
  std::string nested;
  for (int i = 0; i < 200; ++i)
    nested += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" + std::to_string(i) + "\n";
  CHECK(read(nested).empty());
  std::string many = "From: mailer-daemon@example.org\nSubject: failure\n\n";
  for (int i = 0; i < 200; ++i) many += "<u" + std::to_string(i) + "@example.com>: 550 5.1.1 unknown\n";
  CHECK(read(many).size() == 64);  // at most 64 prose recipients
}

TEST_CASE("X-Failed-Recipients names the failed addresses (Exim, Google)") {
  const auto seen = read(
      "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nTo: news@example.org\n"
      "Subject: Mail delivery failed: returning message to sender\nX-Failed-Recipients: ann@example.com, "
      "<ben@example.net>\n\nA message that you sent could not be delivered to one or more of its recipients.\n\n"
      "  ann@example.com\n    host mx.example.com [192.0.2.7]\n    SMTP error from remote mail server after RCPT "
      "TO:<ann@example.com>:\n    550 5.1.1 No such user\n");
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].recipient == "ann@example.com");
  CHECK(seen[0].status == "5.1.1");
  CHECK(seen[0].reply == "550");
  CHECK(seen[0].reason == BounceReason::unknown_recipient);
  CHECK(seen[0].action == DsnAction::failed);
  // Named in the header only: the notice's opening text explains it, and a
  // mail delivery system's notice is a failure even without a code.
  CHECK(seen[1].recipient == "ben@example.net");
  CHECK(seen[1].action == DsnAction::failed);
  CHECK(seen[1].bounce != BounceType::none);
  CHECK(seen[1].source == BounceSource::text);
}

TEST_CASE("X-Failed-Recipients is taken as it lists, where prose would doubt an address") {
  // No top-level domain has one letter, so prose ignores "john@b.c"; the
  // field says it is an address, and the sender named in the prose is not one.
  const auto seen = read(
      "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\nTo: srs@example.org\n"
      "Subject: Mail delivery failed\nX-Failed-Recipients: john@b.c\n\n"
      "A message sent by\n\n  <sender@example.com>\n\ncould not be delivered to one or more of its recipients. "
      "The following address(es) failed:\n\n  john@b.c\n    all hosts have been failing for a long time\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "john@b.c");
  CHECK(seen[0].reason == BounceReason::expired);
  // Junk stays junk in the field too.
  CHECK(read("From: MAILER-DAEMON@mx.example.org\nSubject: failed\nX-Failed-Recipients: x@.w2, MWc@.n\n\n"
             "Delivery failed.\n")
            .at(0)
            .recipient == "(none)");
}

namespace {

std::string postfix_style_report(std::string_view explanation, std::string_view dsn_fields) {
  std::string message =
      "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\n"
      "To: sender@example.com\n"
      "Subject: Undelivered Mail Returned to Sender\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\n"
      "\n--b1\nContent-Type: text/plain\n\n";
  message += explanation;
  message += "\n--b1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n";
  message += dsn_fields;
  message += "\n--b1--\n";
  return message;
}

smtpcodes::BounceRecipient first_row(std::string_view message) {
  smtpcodes::BounceRecipient first;
  bool seen = false;
  smtpcodes::for_each_bounce_recipient(message, [&](const smtpcodes::BounceRecipient& r) {
    if (!seen) first = r;
    seen = true;
  });
  REQUIRE(seen);
  return first;
}

}  // namespace

TEST_CASE("a transient Status on a failed action yields to the server's permanent reply and status") {
  const std::string downgraded = postfix_style_report(
      "<zoe@example.fr>: host mx.example.fr[192.0.2.8] refused to talk to me: 550 5.5.0 Service refused\n",
      "Final-Recipient: rfc822; zoe@example.fr\nAction: failed\nStatus: 4.5.0\n"
      "Diagnostic-Code: smtp; 550 5.5.0 Service refused\n");
  CHECK(smtpcodes::to_string(first_row(downgraded).verdict.enhanced_status).view() == "5.5.0");
  // A delay keeps its transient status, and so does a failure whose last reply was transient (an expiry).
  std::string delayed = downgraded;
  delayed.replace(delayed.find("Action: failed"), 14, "Action: delayed");
  CHECK(smtpcodes::to_string(first_row(delayed).verdict.enhanced_status).view() == "4.5.0");
  const std::string expired =
      postfix_style_report("<zoe@example.fr>: host mx.example.fr[192.0.2.8] said: 452 4.2.2 Mailbox full\n",
                           "Final-Recipient: rfc822; zoe@example.fr\nAction: failed\nStatus: 4.2.2\n"
                           "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n");
  CHECK(smtpcodes::to_string(first_row(expired).verdict.enhanced_status).view() == "4.2.2");
}

TEST_CASE("the command a DSN recipient's failure answered comes from the notice's text") {
  const std::string after_data = postfix_style_report(
      "<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: User unknown\n"
      "    (in reply to end of DATA command)\n",
      "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>: User unknown\n");
  const smtpcodes::BounceRecipient row = first_row(after_data);
  CHECK(row.verdict.smtp_command == smtpcodes::SmtpCommand::end_of_data);
  CHECK(row.verdict.reason == BounceReason::unknown_recipient);
  CHECK(row.verdict.bounce == BounceType::soft);

  const std::string at_rcpt = postfix_style_report(
      "<a@example.net>: host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: User unknown\n"
      "    (in reply to RCPT TO command)\n",
      "Final-Recipient: rfc822; a@example.net\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 <a@example.net>: User unknown\n");
  CHECK(first_row(at_rcpt).verdict.bounce == BounceType::hard);

  // A transcript speaks for the notice's only recipient (Sendmail).
  const std::string transcript = postfix_style_report(
      "   ----- Transcript of session follows -----\n... while talking to mx.example.net.:\n>>> DATA\n"
      "<<< 550 Unknown user a@example.net\n",
      "Final-Recipient: RFC822; a@example.net\nAction: failed\nStatus: 5.2.0\n"
      "Diagnostic-Code: SMTP; 550 Unknown user a@example.net\n");
  CHECK(first_row(transcript).verdict.smtp_command == smtpcodes::SmtpCommand::data);
  CHECK(first_row(transcript).verdict.bounce == BounceType::soft);

  // The prose may write the address in another case than Final-Recipient.
  const std::string other_case = postfix_style_report(
      "<Bea.Smith@Example.NET>: host mx.example.net[192.0.2.1] said: 550 5.1.1 User unknown\n"
      "    (in reply to end of DATA command)\n",
      "Final-Recipient: rfc822; bea.smith@example.net\nAction: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 User unknown\n");
  CHECK(first_row(other_case).verdict.smtp_command == smtpcodes::SmtpCommand::end_of_data);
  CHECK(first_row(other_case).verdict.bounce == BounceType::soft);
  const std::string soft_other_case = postfix_style_report(
      "  B@Elsewhere.example\n    host 192.0.2.1 [192.0.2.1]\n"
      "    SMTP error from remote mail server after RCPT TO:<B@Elsewhere.example>:\n"
      "    554 5.7.1 Relay access denied\n",
      "Final-Recipient: rfc822; b@elsewhere.example\nAction: failed\nStatus: 5.7.1\n"
      "Diagnostic-Code: smtp; 554 5.7.1 Relay access denied\n");
  CHECK(first_row(soft_other_case).verdict.reason == BounceReason::relay_denied);
  CHECK(first_row(soft_other_case).verdict.smtp_command == smtpcodes::SmtpCommand::rcpt_to);
}

TEST_CASE("a soft failure reports the command its notice names too, and is decided with it (Exim)") {
  // Exim names the command above the reply it quotes; its Diagnostic-Code has the reply only.
  struct Case {
    std::string_view address;
    std::string_view after;  // Exim's words for the command
    std::string_view reply;
    BounceReason reason;
    smtpcodes::SmtpCommand command;
  };
  constexpr Case cases[] = {
      {"b@elsewhere.example", "RCPT TO:<b@elsewhere.example>", "554 5.7.1 <b@elsewhere.example>: Relay access denied",
       BounceReason::relay_denied, smtpcodes::SmtpCommand::rcpt_to},
      {"c@example.net", "pipelined end of data", "550 5.7.1 message content rejected", BounceReason::spam_or_content,
       smtpcodes::SmtpCommand::end_of_data},
      // The command decides here: a session refused at EHLO refused the sending host.
      {"d@example.net", "EHLO mx.example.org", "550 Rejected", BounceReason::blocked, smtpcodes::SmtpCommand::hello},
  };
  for (const Case& item : cases) {
    CAPTURE(item.reply);
    std::string prose = "  ";
    prose.append(item.address)
        .append("\n    host 192.0.2.1 [192.0.2.1]\n    SMTP error from remote mail server after ");
    prose.append(item.after).append(":\n    ").append(item.reply).append("\n");
    std::string fields = "Action: failed\nFinal-Recipient: rfc822;";
    fields.append(item.address).append("\nStatus: 5.0.0\nDiagnostic-Code: smtp; ").append(item.reply).append("\n");
    const std::string message = postfix_style_report(prose, fields);
    const smtpcodes::BounceRecipient row = first_row(message);  // its views are into message
    CHECK(row.verdict.reason == item.reason);
    CHECK(row.verdict.smtp_command == item.command);
    CHECK(row.verdict.bounce == BounceType::soft);
  }
}

TEST_CASE("a program or local mailer that failed is a system error") {
  // Sendmail writes a local mailer's exit status (sysexits) as Diagnostic-Code: X-Unix.
  const std::string x_unix = postfix_style_report(
      "   ----- Transcript of session follows -----\n451 4.0.0 Operating system error\n",
      "Final-Recipient: RFC822; a@example.net\nX-Actual-Recipient: X-Unix; |/usr/local/bin/filter\n"
      "Action: delayed\nStatus: 4.5.0\nDiagnostic-Code: X-Unix; 71\n");
  CHECK(first_row(x_unix).verdict.reason == BounceReason::system_error);
  // Exim names the pipe as the recipient.
  const std::string pipe =
      postfix_style_report("pipe to |/usr/local/bin/filter\n  generated by a@example.net\n",
                           "Final-Recipient: rfc822;|/usr/local/bin/filter\nAction: failed\nStatus: 5.0.0\n");
  CHECK(first_row(pipe).verdict.reason == BounceReason::system_error);
  // Sendmail names the program an alias expanded to in X-Actual-Recipient,
  // with only a generic status and no Diagnostic-Code.
  const std::string alias = postfix_style_report(
      "   ----- The following addresses had permanent fatal errors -----\n\"|exec /usr/bin/procmail\"\n"
      "    (expanded from: <b@example.net>)\n",
      "Final-Recipient: RFC822; b@example.net\nX-Actual-Recipient: RFC822; |exec /usr/bin/procmail #b@example.net\n"
      "Action: failed\nStatus: 5.5.0\n");
  CHECK(smtpcodes::name(first_row(alias).verdict.reason) == "system_error");
  // A mailbox that is not a program is not one.
  const std::string mailbox =
      postfix_style_report("   ----- Transcript of session follows -----\n554 \"b@mail.example.net\"... Refused\n",
                           "Final-Recipient: RFC822; b@example.net\nX-Actual-Recipient: RFC822; b@mail.example.net\n"
                           "Action: failed\nStatus: 5.5.0\n");
  CHECK(first_row(mailbox).verdict.reason != BounceReason::system_error);
}

TEST_CASE("an X-Unix exit status is no reply code; the transcript explains it") {
  // Sendmail: "Diagnostic-Code: X-Unix; 255" is the program's exit status.
  const std::string message = postfix_style_report(
      "   ----- The following addresses had permanent fatal errors -----\n|/home/kim/bin/filter.pl\n"
      "    (expanded from: <kim@example.net>)\n\n   ----- Transcript of session follows -----\n"
      "554 5.3.0 unknown mailer error 255\n",
      "Final-Recipient: RFC822; kim@example.net\nX-Actual-Recipient: X-Unix; |/home/kim/bin/filter.pl\n"
      "Action: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Unix; 255\n");
  const smtpcodes::BounceRecipient row = first_row(message);
  CHECK(row.verdict.reply_code.value() != 255);
  CHECK(smtpcodes::name(row.verdict.reason) == "system_error");
  // Postfix writes its local delivery's words after X-Unix: they are read.
  const std::string words = postfix_style_report(
      "<kim@example.net>: maildir delivery failed: Sorry, the user's maildir has overdrawn his diskspace quota\n",
      "Final-Recipient: rfc822; kim@example.net\nAction: failed\nStatus: 5.2.2\n"
      "Diagnostic-Code: x-unix; maildir delivery failed: quota exceeded\n");
  CHECK(smtpcodes::name(first_row(words).verdict.reason) == "mailbox_full");
}

TEST_CASE("delivery-status fields written into a plain notice are read as a delivery status") {
  // An MTA without MIME writes the RFC 3464 fields into the text.
  constexpr std::string_view notice =
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\n"
      "To: sender@example.com\n"
      "Subject: Returned mail: User unknown\n"
      "\n"
      "   ----- The following addresses had permanent fatal errors -----\n"
      "<someone@example.net>\n"
      "\n"
      "Reporting-MTA: dns; mx.example.org\n"
      "Arrival-Date: Thu, 1 Oct 2026 10:00:00 +0000\n"
      "\n"
      "Final-Recipient: RFC822; someone@example.net\n"
      "Action: failed\n"
      "Status: 5.1.1\n"
      "Diagnostic-Code: SMTP; 550 5.1.1 User unknown\n"
      "\n"
      "Return-Path: <sender@example.com>\n"
      "From: sender@example.com\n"
      "To: someone@example.net\n"
      "Subject: hello\n";
  const std::vector<Seen> seen = read(notice);
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "someone@example.net");
  CHECK(seen[0].source == BounceSource::delivery_status);
  CHECK(seen[0].status == "5.1.1");
  CHECK(seen[0].bounce == BounceType::hard);
  // The fields of the returned message end the block.
  CHECK(smtpcodes::detail::find_inline_delivery_status(notice).find("Return-Path") == std::string_view::npos);
  // Prose that only mentions a field name is not a delivery status.
  CHECK(smtpcodes::detail::find_inline_delivery_status("The status: unknown\nAction items: none\n").empty());
  CHECK(smtpcodes::detail::find_inline_delivery_status("no fields here\nat all\n").empty());
}

TEST_CASE("a bounce notice without codes still reports a failure") {
  const auto seen = read(
      "From: MAILER-DAEMON@mail.example.org\nSubject: Undeliverable: report\n\n"
      "Your message could not be delivered to the following recipients:\n\n<cara@example.com>\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "cara@example.com");
  CHECK(seen[0].action == DsnAction::failed);
  CHECK(seen[0].bounce != BounceType::none);
}

TEST_CASE("a prose bounce that names nobody is reported once, from the code's paragraph") {
  const auto seen = read(
      "From: postmaster@mail.example.org\nSubject: failure notice\n\nHi. This is the mail system.\n\n"
      "The remote server answered: 552 5.2.2 Mailbox full.\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "(none)");  // absent: the notice names nobody
  CHECK(seen[0].status == "5.2.2");
  CHECK(seen[0].reason == BounceReason::mailbox_full);
}

TEST_CASE("a feedback report without Original-Rcpt-To falls back to other recipient fields") {
  struct Row {
    std::string_view report_fields;
    std::string_view original_headers;
    std::string_view recipient;
  };
  constexpr Row rows[] = {
      {"Removal-Recipient: <dan@example.net>\n", "To: other@example.net\n", "dan@example.net"},
      {"", "X-HmXmrOriginalRecipient: <eve@example.net>\nTo: other@example.net\n", "eve@example.net"},
      {"", "To: Fay <fay@example.net>\n", "fay@example.net"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.recipient);
    const std::string message =
        "From: staff@hotmail.example\nSubject: complaint\n"
        "Content-Type: multipart/report; report-type=feedback-report; boundary=\"P\"\n\n--P\n"
        "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\n" +
        std::string(row.report_fields) + "\n--P\nContent-Type: text/rfc822-headers\n\n" +
        std::string(row.original_headers) + "\n--P--\n";
    const auto seen = read(message);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].recipient == row.recipient);
    CHECK(seen[0].reason == BounceReason::feedback_report);
    CHECK(seen[0].bounce == BounceType::none);
  }
}

TEST_CASE("the notice's own addresses are not recipients, display names or not") {
  // Once the display name hid the sender: "Shop <shop@example.org>" was
  // compared whole, and the sender's address in the text became a recipient.
  const auto seen = read(
      "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\nTo: Shop Team <shop@example.org>\n"
      "Subject: failure notice\n\nYour message from shop@example.org could not be delivered to "
      "kim@example.com:\n550 5.1.1 User unknown\n");
  REQUIRE(seen.size() == 1);
  CHECK(seen[0].recipient == "kim@example.com");
  CHECK(seen[0].status == "5.1.1");
}

// docs/limits.md: what the reader could not read shows on every row.
TEST_CASE("a delivery-status part too long to decode, and parts past the MIME depth, show in the rows") {
  const std::string fields =
      "Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; ann@example.com\r\nAction: failed\r\n"
      "Status: 5.1.1\r\n";
  // Quoted-printable that decodes to itself: the fields, padded past the buffer with soft line breaks.
  std::string long_part = fields;
  while (long_part.size() <= smtpcodes::max_encoded_delivery_status) long_part += "=\r\n";
  const auto notice = [](std::string_view encoding, const std::string& part) {
    return "From: MAILER-DAEMON@example.org\r\nContent-Type: multipart/report; report-type=delivery-status; "
           "boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n--b\r\n"
           "Content-Type: message/delivery-status\r\nContent-Transfer-Encoding: " +
           std::string(encoding) + "\r\n\r\n" + part + "\r\n--b--\r\n";
  };
  const auto rows_of = [](const std::string& message) {
    std::vector<smtpcodes::BounceRecipient> rows;
    smtpcodes::for_each_bounce_recipient(message, [&rows](const smtpcodes::BounceRecipient& r) { rows.push_back(r); });
    return rows;
  };

  const std::string short_message = notice("quoted-printable", fields);
  const auto short_rows = rows_of(short_message);
  REQUIRE(short_rows.size() == 1);
  CHECK_FALSE(short_rows[0].delivery_status_left_encoded);
  CHECK(short_rows[0].undecoded_multiparts == 0);

  const std::string long_message = notice("quoted-printable", long_part);
  const auto long_rows = rows_of(long_message);
  REQUIRE_FALSE(long_rows.empty());
  for (const auto& row : long_rows) CHECK(row.delivery_status_left_encoded);

  // Six nested multiparts: the innermost levels lie past max_mime_depth.
  std::string nested = "Content-Type: text/plain\r\n\r\nx\r\n";
  for (int level = 0; level < 6; ++level) {
    const std::string boundary = "n" + std::to_string(level);
    std::string outer = "Content-Type: multipart/mixed; boundary=\"";
    outer += boundary;
    outer += "\"\r\n\r\n--";
    outer += boundary;
    outer += "\r\n";
    outer += nested;
    outer += "\r\n--";
    outer += boundary;
    outer += "--\r\n";
    nested = outer;
  }
  const std::string deep_message = "From: MAILER-DAEMON@example.org\r\nSubject: Undelivered Mail\r\n" + nested +
                                   "\r\nThis is a permanent error.\r\n<bob@example.net>: 550 5.1.1 User unknown\r\n";
  const auto deep_rows = rows_of(deep_message);
  REQUIRE_FALSE(deep_rows.empty());
  for (const auto& row : deep_rows) CHECK(row.undecoded_multiparts > 0);
}

TEST_CASE("the notice's phrases, found in one pass, are those ifind finds one by one") {
  // Phrases that share first letters, overlap, repeat a letter, hold an
  // upper-case letter (which matches nothing), are one character long (a
  // window of one: one ifind each) or empty (found in any text, as ifind
  // finds it).
  constexpr std::string_view pool[] = {
      "will retry", "will be retried", "permanent error", "perm", "pp", "p", "a", "aA", "Ab", "4.4.7", "wi", "ill", ""};
  constexpr std::string_view alphabet = "wWiIlLpPaAbB4.7 er";
  std::mt19937 random(53);
  std::size_t found_count = 0;
  std::size_t missed_count = 0;
  std::size_t past_limit_count = 0;  // occurs, but ends past its limit
  for (int round = 0; round < 20000; ++round) {
    std::string text(random() % 64, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    if (random() % 2 == 0) text.insert(random() % (text.size() + 1), pool[random() % std::size(pool)]);
    smtpcodes::detail::SoughtPhrase sought[6]{};
    for (auto& phrase : sought) {
      phrase.text = pool[random() % std::size(pool)];
      if (random() % 3 == 0) phrase.within = random() % 70;
    }
    const smtpcodes::detail::PhraseSet set(sought);
    const std::uint64_t found = smtpcodes::detail::find_phrase_set(text, set);
    for (std::size_t k = 0; k < std::size(sought); ++k) {
      const std::string_view head = std::string_view(text).substr(0, sought[k].within);
      const bool expected = smtpcodes::detail::ifind(head, sought[k].text) != std::string_view::npos;
      const bool anywhere = smtpcodes::detail::ifind(text, sought[k].text) != std::string_view::npos;
      (expected ? found_count : missed_count) += 1;
      past_limit_count += anywhere && !expected ? 1U : 0U;
      CAPTURE(text);
      CAPTURE(sought[k].text);
      CAPTURE(sought[k].within);
      CHECK(((found >> k) & 1U) == (expected ? 1U : 0U));
    }
  }
  // The random texts exercise every outcome, each many times.
  CHECK(found_count > 10000);
  CHECK(missed_count > 10000);
  CHECK(past_limit_count > 1000);
}

TEST_CASE("a diagnostic's ISO-2022-JP escape is found wherever it stands, at compile time and at run time") {
  using smtpcodes::Charset;
  using smtpcodes::detail::diagnostic_charset;
  struct Row {
    std::string_view text;
    Charset charset;
  };
  constexpr Row rows[] = {
      {"\x1B$B", Charset::iso_2022_jp},
      {"\x1B$@", Charset::iso_2022_jp},
      {"550 unknown \x1B$B$O\x1B(B", Charset::iso_2022_jp},
      {"\x1B(B \x1B$ \x1B$C \x1B \x1B$@ after ESCs that start nothing", Charset::iso_2022_jp},
      {"550 unknown \x1B$", Charset::as_is},  // cut short
      {"550 unknown \x1B", Charset::as_is},
      {"\x1B\x1B$b", Charset::as_is},  // the final byte is upper case
      {"$B no escape", Charset::as_is},
      {"", Charset::as_is},
  };
  static_assert(diagnostic_charset(rows[3].text) == Charset::iso_2022_jp);
  static_assert(diagnostic_charset(rows[4].text) == Charset::as_is);
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(diagnostic_charset(row.text) == row.charset);
    // At every offset in a longer text: memchr's stretches of 16 and 32 bytes.
    for (std::size_t pad = 0; pad < 40; ++pad) {
      const std::string text = std::string(pad, 'x') + std::string(row.text);
      CHECK(diagnostic_charset(text) == row.charset);
    }
  }
}

TEST_CASE("a phrase set of up to twenty longer phrases answers as ifind does, with masks and a first-found stop") {
  constexpr std::string_view alphabet = "abcAB -:.\r\n\xC3";
  std::mt19937 random(3);
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> texts(1 + random() % 20);
    for (std::string& phrase : texts) {
      const std::size_t length = 2 + random() % 12;
      for (std::size_t i = 0; i < length; ++i) {
        char c = alphabet[random() % alphabet.size()];
        if (c >= 'A' && c <= 'Z' && random() % 4 != 0) c = static_cast<char>(c - 'A' + 'a');  // mostly lower case
        phrase += c;
      }
    }
    std::vector<smtpcodes::detail::SoughtPhrase> sought;
    sought.reserve(texts.size());
    for (const std::string& phrase : texts) {
      sought.push_back({phrase, random() % 3 == 0 ? random() % 80 : std::string_view::npos});
    }
    const smtpcodes::detail::PhraseSet set(sought.data(), sought.size());
    for (int attempt = 0; attempt < 10; ++attempt) {
      std::string text(random() % 100, ' ');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      if (random() % 2 == 0) text.insert(random() % (text.size() + 1), texts[random() % texts.size()]);
      std::uint64_t expected = 0;
      for (std::size_t k = 0; k < sought.size(); ++k) {
        const std::size_t at = smtpcodes::detail::ifind(text, sought[k].text);
        if (at != std::string_view::npos && at + sought[k].text.size() <= sought[k].within) {
          expected |= std::uint64_t{1} << k;
        }
      }
      const std::uint64_t mask = (std::uint64_t{random()} << 32U) | random();
      CAPTURE(text);
      CHECK(smtpcodes::detail::find_phrase_set(text, set) == expected);
      CHECK((smtpcodes::detail::find_phrase_set(text, set, mask) & mask) == (expected & mask));
      CHECK((smtpcodes::detail::find_phrase_set(text, set, mask, true) != 0) == ((expected & mask) != 0));
    }
  }
}

TEST_CASE("one walk finds what the separate walks found: explanation, charset, delivery-status part, feedback") {
  const std::string_view messages[] = {
      dsn_message,
      // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one message, written over several lines
      "Content-Type: multipart/report; report-type=feedback-report; boundary=f; charset=latin1\n\n--f\n"
      "Content-Type: text/html\n\n<p>x</p>\n--f\nContent-Type: text/plain ; charset=\"utf-8\"\n\nabuse report\n"
      "--f\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\n--f\n"
      "Content-Type: message/rfc822\n\nTo: a@example.com\n--f\nContent-Type: message/feedback-report\n\nlast\n--f--\n",
      "Content-Type: text/plain; charset=iso-8859-1\n\nplain body\n",
      "Subject: no structure\n\nContent-Type: message/delivery-status\n\nFinal-Recipient: rfc822; a@b.example\n--\n",
      "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
      "Content-Type: message/global-delivery-status\nContent-Transfer-Encoding: base64\n\nQQ==\n--b--\n--a--\n",
  };
  for (std::string_view message : messages) {
    CAPTURE(message);
    smtpcodes::detail::MessageStructure structure;
    smtpcodes::detail::read_structure(message, structure);
    // What each of the separate walks of 0.1 found.
    std::string_view explanation = smtpcodes::detail::split_part(message, 0).body;
    std::string_view charset = smtpcodes::detail::content_type_parameter(
        smtpcodes::header_value(smtpcodes::detail::split_part(message, 0).headers, "Content-Type"), "charset");
    bool explanation_found = false;
    std::string_view feedback;
    std::string_view original;
    smtpcodes::for_each_mime_part(message, [&](const smtpcodes::MimePart& part) {
      const std::string_view type = part.content_type();
      if (smtpcodes::detail::iequals(type, "message/feedback-report")) feedback = part.body;
      if (smtpcodes::detail::iequals(type, "message/rfc822")) original = part.body;
      if (part.depth == 0 || explanation_found) return;
      const std::string_view media = type.substr(0, type.find(' '));
      if (media.empty() || smtpcodes::detail::iequals(media, "text/plain")) {
        explanation_found = true;
        explanation = part.body;
        const std::string_view own =
            smtpcodes::detail::content_type_parameter(smtpcodes::header_value(part.headers, "Content-Type"), "charset");
        if (!own.empty()) charset = own;
      }
    });
    CHECK(structure.explanation_part == explanation);
    CHECK(structure.charset == charset);
    CHECK(structure.feedback == feedback);
    CHECK(structure.original_headers == original);
    const std::string_view found_status = smtpcodes::find_delivery_status(message);
    CHECK((structure.has_delivery_status ? structure.delivery_status
                                         : smtpcodes::detail::find_delivery_status_in_text(message)) == found_status);
  }
}

TEST_CASE("an address is found in prose from its '@', case ignored") {
  using smtpcodes::detail::ifind_address;
  constexpr std::size_t npos = std::string_view::npos;
  static_assert(ifind_address("to <Bea@Example.NET>: refused", "bea@example.net") == 4);
  struct Row {
    std::string_view text;
    std::string_view address;
    std::size_t at;
  };
  constexpr Row rows[] = {
      {"bea@example.net", "bea@example.net", 0},
      {"@ a@b x@example.net and bea@example.net", "bea@example.net", 24},  // other '@' first
      {"ea@example.net", "bea@example.net", npos},                         // too close to the start
      {"bea@example.ne", "bea@example.net", npos},                         // cut at the end
      {"BEA@EXAMPLE.NET", "bea@example.net", 0},
      {"no address here", "bea@example.net", npos},
      {"bea@example.net", "no-at-sign", npos},
  };
  // Longer than RFC 5321 allows: not looked for (the search stays linear).
  const std::string long_address = std::string(320, 'a') + "@example.net";
  CHECK(ifind_address(long_address, long_address) == npos);
  CHECK(ifind_address(long_address, long_address.substr(270)) == 270);
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(ifind_address(row.text, row.address) == row.at);
  }
}
