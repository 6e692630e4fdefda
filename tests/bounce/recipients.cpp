// Who failed: the wrong-recipient kinds of issue 13, each from a minimal
// notice written for this test.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounce/message.hpp>

using smtpcodes::BounceReason;
using smtpcodes::BounceRecipient;
using smtpcodes::BounceType;
using smtpcodes::DsnAction;

namespace {

struct Row {
  std::string recipient;  // "(none)" when absent
  DsnAction action;
  BounceReason reason;
  BounceType bounce;
  std::string status;
  unsigned reply;
};

std::vector<Row> read(std::string_view message) {
  std::vector<Row> rows;
  smtpcodes::for_each_bounce_recipient(message, [&rows](const BounceRecipient& r) {
    const bool has_status = r.verdict.enhanced_status.class_digit() != 0;
    rows.push_back(Row{std::string(r.recipient.value_or("(none)")), r.action, r.verdict.reason, r.verdict.bounce,
                       has_status ? std::string(smtpcodes::to_string(r.verdict.enhanced_status).view()) : "",
                       r.verdict.reply_code.value()});
  });
  return rows;
}

// A multipart/report notice: its prose, then a delivery-status part with
// the given per-recipient fields.
std::string dsn_report(std::string_view prose, std::string_view recipient_fields) {
  std::string message =
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\nTo: ann@example.org\n"
      "Subject: Returned mail\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\n";
  message.append(prose).append(
      "\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n");
  message.append(recipient_fields).append("\n--b--\n");
  return message;
}

}  // namespace

TEST_CASE("a quoted original message gives neither codes nor recipients") {
  const auto rows = read(
      "From: postmaster@example.org\nTo: list-admin@example.com\nSubject: FAILED MAIL\n\n"
      "Your message to carol@example.org could not be delivered: no such user.\n\n"
      "Original message as received is as follows:\n"
      "========\n"
      ">From: someone@example.net\n"
      ">Subject: [ANNOUNCE] widget 2.3.0 released\n"
      "Subject: widget 2.3.0 and 5.1.1 notes, write to other@example.net\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "carol@example.org");
  CHECK(rows[0].status.empty());
  CHECK(rows[0].reason == BounceReason::unknown_recipient);
}

TEST_CASE("junk around an @ is not an address") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n"
      "Encoded junk 5$@.w2 and MWc@.n and x@y.z1 here.\n\n"
      "<dave@example.com>: 550 5.1.1 user unknown\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "dave@example.com");
}

TEST_CASE("an address inside a sentence is a recipient only when no line opens with one") {
  // Prose that explains the site's address form names no recipient.
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n"
      "The following recipient(s) cannot be reached:\n\n"
      "      jdoe@lab.example on 1/1/2024\n"
      "            <mx.lab.example #5.1.1 smtp;550 5.1.1 unknown user>\n\n"
      "Addresses here have the form lastnameNumber@lab.example, for example smith12@lab.example.\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "jdoe@lab.example");
  CHECK(rows[0].status == "5.1.1");
  // A notice whose template names the recipient only inside a sentence.
  const auto sentence = read(
      "From: MAILER-DAEMON@example.org\nSubject: Delivery Status Notification (Failure)\n\n"
      "Your message wasn't delivered to kim@example.com because the address couldn't be found.\n");
  REQUIRE(sentence.size() == 1);
  CHECK(sentence[0].recipient == "kim@example.com");
}

TEST_CASE("the Exchange 'Your message / To:' block names the list, not a failed recipient") {
  const auto rows = read(
      "From: postmaster@example.org\nSubject: Undeliverable: news\n\n"
      "Your message\n\n"
      "  To:      list@lists.example.com\n"
      "  Subject: news\n\n"
      "did not reach the following recipient(s):\n\n"
      "erin@example.org on Mon, 1 Jan 2024 10:00:00 +0000\n"
      "    The e-mail account does not exist at the organization this message was sent to.\n"
      "    <mx.example.org #5.1.1>\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "erin@example.org");
  CHECK(rows[0].reason == BounceReason::unknown_recipient);
}

TEST_CASE("a text part whose charset is folded without ';' is still read") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n"
      "Content-Type: multipart/mixed; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n charset=us-ascii\n\n"
      "<frank@example.com>: 550 5.1.1 user unknown\n"
      "--b\nContent-Type: message/rfc822\n\nFrom: me@example.net\nTo: frank@example.com\n\nhi\n--b--\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "frank@example.com");
}

TEST_CASE("a failure notice that names nobody gives one row without an address") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Mail delivery failed\n\n"
      "Your message could not be delivered: the mailbox is full.\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "(none)");
  CHECK(rows[0].reason == BounceReason::mailbox_full);
}

TEST_CASE("addresses inside a quoted server reply are not recipients") {
  // Postfix wraps a long reply onto an indented line.
  const auto postfix = read(
      "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail Returned to Sender\n\n"
      "<grace@example.com>: host mx.example.com[192.0.2.1] said: 550 5.2.1\n"
      "    <other@example.net>... Mailbox disabled (in reply to RCPT TO command)\n");
  REQUIRE(postfix.size() == 1);
  CHECK(postfix[0].recipient == "grace@example.com");
  CHECK(postfix[0].status == "5.2.1");
  CHECK(postfix[0].reply == 550);
  // Exim names the address an alias was generated from.
  const auto exim = read(
      "From: Mail Delivery System <Mailer-Daemon@example.org>\nSubject: Mail delivery failed\n\n"
      "This message was created automatically by mail delivery software.\n\n"
      "  heidi@example.com\n"
      "    (generated from john@example.com)\n"
      "    SMTP error from remote mail server after RCPT TO:<heidi@example.com>:\n"
      "    550 5.1.1 No such user\n");
  REQUIRE(exim.size() == 1);
  CHECK(exim[0].recipient == "heidi@example.com");
}

TEST_CASE("Sendmail's line about a failed address names a recipient and holds its reason") {
  // Sendmail writes "<code> [<status>] <address>... <reason>" for each failed
  // address, also when the reason has no code of its own, and may report
  // several sessions in one transcript. The address is the notice's, the code
  // Sendmail's; a reply to DATA in one session does not explain an address
  // that failed elsewhere; "Remote protocol error" only sums up its session.
  const auto rows = read(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@relay.example.org>\n"
      "To: alice@example.org\nSubject: Returned mail: Host unknown\n\n"
      "   ----- Transcript of session follows -----\n"
      "While talking to mx.example.net:\n"
      ">>> DATA\n"
      "<<< 550 Message rejected as spam\n"
      "554 <bob@example.net>... Remote protocol error: Connection reset by peer\n"
      "550 example.com (smtp)... 550 Host unknown\n"
      "554 <carol@example.com>... 550 Host unknown (Authoritative answer from name server)\n"
      "550 5.1.1 <dave@example.edu>... User unknown\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].recipient == "bob@example.net");
  CHECK(rows[0].reason == BounceReason::spam_or_content);  // the session's reply to DATA
  CHECK(rows[0].reply == 550);
  CHECK(rows[1].recipient == "carol@example.com");
  CHECK(rows[1].reason == BounceReason::unknown_domain);
  CHECK(rows[1].bounce == BounceType::hard);
  CHECK(rows[2].recipient == "dave@example.edu");
  CHECK(rows[2].reason == BounceReason::unknown_recipient);
  CHECK(rows[2].status == "5.1.1");
}

TEST_CASE("a lone DSN recipient without a diagnostic takes the text about the one address the notice names") {
  // Sendmail names the address as the sender wrote it, before the alias was
  // expanded, and its DSN may carry no Diagnostic-Code; the transcript holds
  // the code.
  const auto rows =
      read(dsn_report("   ----- The following addresses had permanent fatal errors -----\n"
                      "<bob@example.edu>\n\n"
                      "   ----- Transcript of session follows -----\n"
                      "550 5.1.2 <bob@example.edu>... Host unknown (Name server: mail.example.edu: host not found)\n",
                      "Final-Recipient: RFC822; robert@mail.example.edu\nAction: failed\nStatus: 5.1.2\n"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "robert@mail.example.edu");
  CHECK(rows[0].reason == BounceReason::unknown_domain);
  CHECK(rows[0].status == "5.1.2");
  CHECK(rows[0].reply == 550);
}

TEST_CASE("a DSN row reports the address the sender gave, and reads the text about the final one") {
  // Two virtual aliases expanded: the prose names the final addresses, the
  // delivery-status part both (RFC 3464 §2.3.1-2), without a Diagnostic-Code.
  std::vector<BounceRecipient> rows;
  const std::string message = dsn_report(
      "<ann.lee@mail.example.com>: host mail.example.com said: 550 5.1.1 User unknown\n\n"
      "<bo.ng@mail.example.com>: host mail.example.com said: 552 5.2.2 Mailbox full\n",
      "Final-Recipient: rfc822; ann.lee@mail.example.com\nOriginal-Recipient: rfc822;ann@example.com\n"
      "Action: failed\nStatus: 5.0.0\n\n"
      "Final-Recipient: rfc822; bo.ng@mail.example.com\nOriginal-Recipient: rfc822;bo@example.com\n"
      "Action: failed\nStatus: 5.0.0\n");
  smtpcodes::for_each_bounce_recipient(message, [&rows](const BounceRecipient& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].recipient == "ann@example.com");
  CHECK(rows[0].final_recipient == "ann.lee@mail.example.com");
  CHECK(rows[0].verdict.reason == BounceReason::unknown_recipient);
  CHECK(rows[0].verdict.reply_code.value() == 550);
  CHECK(rows[1].recipient == "bo@example.com");
  CHECK(rows[1].verdict.reason == BounceReason::mailbox_full);
  CHECK(rows[1].verdict.reply_code.value() == 552);
  // The same addresses: no final_recipient of its own.
  const auto same = dsn_report("",
                               "Final-Recipient: rfc822; ann@example.com\nOriginal-Recipient: rfc822;ann@example.com\n"
                               "Action: failed\nStatus: 5.1.1\n");
  rows.clear();
  smtpcodes::for_each_bounce_recipient(same, [&rows](const BounceRecipient& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].final_recipient.empty());
}

TEST_CASE("a comment on the Status field explains a recipient that has no Diagnostic-Code") {
  // The form of RFC 3464's own example (Appendix: a delay for one of three recipients).
  const auto rows = read(dsn_report("The following address had delivery problems.\n",
                                    "Final-Recipient: rfc822;bob@example.net\nAction: delayed\n"
                                    "Status: 4.0.0 (example.net: host name lookup failure)\n"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].action == DsnAction::delayed);
  CHECK(rows[0].reason == BounceReason::network_error);
  CHECK(rows[0].bounce == BounceType::soft);
}

TEST_CASE("SendGrid's 'Action: expired' is a failure the MTA gave up on") {
  const std::string message = dsn_report("The message could not be delivered.\n",
                                         "Final-Recipient: rfc822; bob@example.net\nAction: expired\nStatus: \n"
                                         "Diagnostic-Code: smtp; Connection timed out\n");
  std::vector<BounceRecipient> rows;
  smtpcodes::for_each_bounce_recipient(message, [&rows](const BounceRecipient& r) { rows.push_back(r); });
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].action == DsnAction::failed);
  CHECK(rows[0].verdict.reason == BounceReason::expired);
  CHECK(rows[0].verdict.text_reason == BounceReason::network_error);
  CHECK(rows[0].verdict.gave_up);
  CHECK(rows[0].verdict.bounce == BounceType::soft);
}

TEST_CASE("a delivery-status part sent quoted-printable is decoded before it is read") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Delivery Status Notification (Failure)\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: text/plain\n\nSee below.\n"
      "--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Reporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; ivan=40example.com\n"
      "Action: failed\nStatus: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 unknown =\nuser\n"
      "--b--\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "ivan@example.com");
  CHECK(rows[0].reason == BounceReason::unknown_recipient);
}

TEST_CASE("a DSN without Action and Status but a 5xx diagnostic has failed") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Returned mail\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n\n"
      "--b\nContent-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; judy@example.com\n"
      "Diagnostic-Code: smtp; 550 No such user here\n"
      "--b--\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].action == DsnAction::failed);
  CHECK(rows[0].bounce == BounceType::hard);
}

TEST_CASE("qmail's 'couldn't find any host by that name' under 'permanent error' is a hard unknown domain") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: failure notice\n\n"
      "Hi. This is the qmail-send program at example.org.\n"
      "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
      "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
      "<kim@nowhere.example>:\n"
      "Sorry, I couldn't find any host by that name.\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "kim@nowhere.example");
  CHECK(rows[0].reason == BounceReason::unknown_domain);
  CHECK(rows[0].bounce == BounceType::hard);
  CHECK(rows[0].action == DsnAction::failed);
}

TEST_CASE("a notice whose MTA gave up after transient errors reports a failed action and an expiry") {
  // qmail-send returns a message it deferred past its queue lifetime; the
  // last error's status is transient, but nothing will be tried again.
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: failure notice\n\n"
      "Hi. This is the qmail-send program at example.org.\n"
      "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
      "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
      "<ann@example.com>:\n"
      "Resources temporarily unavailable, please try again later [#4.1.9]. I'm not going to try again; this "
      "message has been in the queue too long.\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].action == DsnAction::failed);
  CHECK(rows[0].reason == BounceReason::expired);
  CHECK(rows[0].bounce == BounceType::soft);
}

TEST_CASE("addresses offered as examples, placeholders and senders in prose are no recipients") {
  // A directory's notice names the failed name without a domain, then
  // explains with examples: none of them failed.
  const auto examples = read(
      "From: MAILER-DAEMON@mx.example.edu\nSubject: Returned mail: User unknown\n\n"
      " --------Message not delivered to the following:\n\n ann    No matches to directory query\n\n"
      " Query the directory with ``finger NAME@directory.example.edu'' first, or send to the most explicit\n"
      " form of the name, e.g., if\n mike.fox@example.edu fails, try michael.j.fox@example.edu.\n");
  REQUIRE(examples.size() == 1);
  CHECK(examples[0].recipient == "(none)");
  // The envelope sender a recipient refuses mail from is not the recipient.
  const auto sender = read(
      "From: MAILER-DAEMON@example.org\nSubject: Returned mail\n\n"
      "Your mail to the following recipients could not be delivered because they are not accepting mail from "
      "list@lists.example.com:\n\tann\n");
  REQUIRE(sender.size() == 1);
  CHECK(sender[0].recipient == "(none)");
  // A recipient line beside such prose is still read.
  const auto both = read(
      "From: MAILER-DAEMON@example.org\nSubject: Returned mail\n\n"
      "<bob@example.com>: 550 5.1.1 User unknown\n\n"
      "Try a full name instead, e.g. bob.lee@example.com.\n");
  REQUIRE(both.size() == 1);
  CHECK(both[0].recipient == "bob@example.com");
}

TEST_CASE("an address inside a URL is the value of its parameter, not the URL") {
  const auto rows = read(
      "From: MAILER-DAEMON@example.org\nSubject: Undeliverable mail\n\n"
      "Your message could not be delivered to the address in //web.example.net/wam/addme?a=bob@example.net "
      "because the mailbox is full.\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "bob@example.net");
}

TEST_CASE("an Exchange X.400 recipient line gives the Internet address without its SMTP= attribute") {
  const auto rows = read(
      "From: System Administrator <postmaster@example.org>\nSubject: Undeliverable: report\n\n"
      "Your message\n\n  To:      team@example.org\n  Subject: report\n\n"
      "did not reach the following recipient(s):\n\n"
      "c=US;a= ;p=Example;o=Site1;dda:SMTP=ann.lee@example.com; on Fri, 4 Oct 2002 17:12:28 -0400\n"
      "    The recipient name is not recognized\n"
      "    MSEXCH:IMS:Example:Site1:MAIL01 0 (000C05A6) Unknown Recipient\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "ann.lee@example.com");
  CHECK(rows[0].reason == BounceReason::unknown_recipient);
}

TEST_CASE("Sendmail's subject for a message returned at its queue timeout says it gave up") {
  // Sendmail (deliver.c) titles the return "Returned mail: Cannot send
  // message for <timeout>"; the text holds only the last deferral.
  const std::string text =
      "\n<ann@example.net>... Deferred\n"
      "421 mx.example.net (smtp)... Deferred: Connection timed out during user open with mx.example.net\n";
  const auto rows = read(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>\nSubject: Returned mail: Cannot send message "
      "for 5 days\n" +
      text);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].reason == BounceReason::expired);
  CHECK(rows[0].action == DsnAction::failed);
  CHECK(rows[0].bounce == BounceType::soft);
  // The warning sent while it still tries is a delay, not an expiry.
  const auto warning = read(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>\nSubject: Warning: could not send message for past "
      "4 hours\n" +
      text);
  REQUIRE(warning.size() == 1);
  CHECK(warning[0].reason == BounceReason::network_error);
  CHECK(warning[0].action == DsnAction::delayed);
}

TEST_CASE("a transcript of several sessions does not lend one recipient's reason to another") {
  // A Sendmail notice without a DSN part: the first session's DATA was
  // refused in words that name no reason, the second's RCPT for an unknown user.
  const auto rows = read(
      "From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>\nSubject: Returned mail: User unknown\n\n"
      "   ----- Transcript of session follows -----\n"
      "While talking to mx.example.net:\n"
      ">>> DATA\n"
      "<<< 550 Duplicate copy not taken\n"
      "554 <ann@example.net>... Remote protocol error: Connection reset by peer\n"
      "While talking to mx.example.com:\n"
      ">>> RCPT To:<bob@example.com>\n"
      "<<< 550 No such user here\n"
      "550 <bob@example.com>... User unknown\n\n"
      "   ----- Unsent message follows -----\n"
      "Subject: hello\n\nhi\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].recipient == "ann@example.net");
  CHECK(rows[0].reason != BounceReason::unknown_recipient);
  CHECK(rows[0].bounce == BounceType::soft);
  CHECK(rows[1].recipient == "bob@example.com");
  CHECK(rows[1].reason == BounceReason::unknown_recipient);
}

TEST_CASE("Exchange 'The following message to <addr> was undeliverable' gives a row with its codes") {
  const auto rows = read(
      "From: postmaster@example.org\nSubject: Undeliverable: hello\n\n"
      "The following message to <leo@example.com> was undeliverable.\n"
      "The reason for the problem:\n"
      "5.1.0 - Unknown address error 550-'5.4.1 Recipient address rejected: Access denied'\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "leo@example.com");
  CHECK(rows[0].reply == 550);
}

TEST_CASE("X-Failed-Recipients has no cap") {
  std::string message = "From: Mailer-Daemon@example.org\nSubject: Mail delivery failed\nX-Failed-Recipients: ";
  for (int i = 0; i < 100; ++i) message += (i != 0 ? ", u" : "u") + std::to_string(i) + "@example.com";
  message += "\n\nA message that you sent could not be delivered.\n550 5.1.1 unknown user\n";
  CHECK(read(message).size() == 100);
}

TEST_CASE("prose recipients beyond max_text_recipients are counted, not silently lost") {
  std::string message = "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n";
  for (std::size_t i = 0; i < smtpcodes::max_text_recipients + 6; ++i) {
    message += "<u" + std::to_string(i) + "@example.com>: 550 5.1.1 unknown\n";
  }
  std::size_t rows = 0;
  std::size_t dropped = 0;
  smtpcodes::for_each_bounce_recipient(message, [&](const BounceRecipient& r) {
    ++rows;
    dropped = r.dropped_recipients;
  });
  CHECK(rows == smtpcodes::max_text_recipients);
  CHECK(dropped == 6);
}

TEST_CASE("Exchange's 'Remote Server returned' keeps its reply code when the recipient is named twice") {
  const auto rows = read(
      "From: postmaster@contoso.example\nSubject: Undeliverable: hi\n\n"
      "Delivery has failed to these recipients or groups:\n\n"
      "ann@fabrikam.example\nThe email address couldn't be found. See DSN code 5.1.1 for tips.\n\n"
      "Diagnostic information for administrators:\n\nGenerating server: mail.contoso.example\n\n"
      "ann@fabrikam.example\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].recipient == "ann@fabrikam.example");
  CHECK(rows[0].status == "5.1.1");
  CHECK(rows[0].reply == 550);
}

TEST_CASE("prose cut at max_paragraph_span says so on the recipient") {
  const std::string head = "From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n";
  std::string long_prose;
  while (long_prose.size() <= smtpcodes::max_paragraph_span) long_prose += "The remote system said nothing useful.\n\n";
  struct Case {
    std::string name;
    std::string message;
    bool reached;
  };
  const Case cases[] = {
      {"short", head + "<u@example.com>:\nmailbox unavailable\n", false},
      {"long, after a recipient line", head + "<u@example.com>:\n" + long_prose, true},
      {"long, naming nobody", head + "Delivery failed.\n\n" + long_prose, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::size_t rows = 0;
    bool reached = !c.reached;
    smtpcodes::for_each_bounce_recipient(c.message, [&](const BounceRecipient& r) {
      ++rows;
      reached = r.paragraph_span_reached;
      CHECK(r.diagnostic.size() <= smtpcodes::max_paragraph_span);
    });
    CHECK(rows == 1);
    CHECK(reached == c.reached);
  }
}

TEST_CASE("the walk stops when the callback says so, and propagates its exceptions") {
  std::string message =
      "From: Mailer-Daemon@example.org\nSubject: Mail delivery failed\nX-Failed-Recipients: "
      "a@example.com, b@example.com\n\n550 5.1.1 unknown user\n";
  std::size_t calls = 0;
  smtpcodes::for_each_bounce_recipient(message, [&calls](const BounceRecipient&) {
    ++calls;
    return false;
  });
  CHECK(calls == 1);
  const auto throwing = [](const BounceRecipient&) { throw 42; };
  static_assert(!noexcept(smtpcodes::for_each_bounce_recipient(std::string_view{}, throwing)));
  const auto quiet = [](const BounceRecipient&) noexcept {};
  const auto loud_text = [](const smtpcodes::TextRecipient&) {};
  static_assert(noexcept(smtpcodes::for_each_bounce_recipient(std::string_view{}, quiet)));
  static_assert(!noexcept(smtpcodes::for_each_text_recipient(std::string_view{}, loud_text)));
  CHECK_THROWS_AS(smtpcodes::for_each_bounce_recipient(message, throwing), int);
}
