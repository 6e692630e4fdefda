// Dialects: which MTA or service wrote a notice, from minimal notices
// written for this test in the shape each MTA's templates give.
#include <doctest/doctest.h>

#include <string_view>

#include <smtpcodes/bounce/dialect.hpp>
#include <smtpcodes/bounce/message.hpp>

using smtpcodes::BounceReason;
using smtpcodes::BounceRecipient;
using smtpcodes::Dialect;

namespace {

Dialect dialect_of(std::string_view message) {
  Dialect dialect = Dialect::unknown;
  smtpcodes::for_each_bounce_recipient(message, [&dialect](const BounceRecipient& r) { dialect = r.dialect; });
  return dialect;
}

}  // namespace

TEST_CASE("dialects are recognised from the notice's own words and fields") {
  struct Row {
    std::string_view message;
    Dialect dialect;
  };
  const Row rows[] = {
      {"From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\n\n"
       "This is the mail system at host mx.example.org.\n\n<a@example.com>: 550 5.1.1 unknown\n",
       Dialect::postfix},
      {"From: Mail Delivery System <Mailer-Daemon@example.org>\nSubject: Mail delivery failed\n\n"
       "This message was created automatically by mail delivery software.\n\n  a@example.com\n    550 5.1.1 unknown\n",
       Dialect::exim},
      {"From: MAILER-DAEMON@example.org\nSubject: failure notice\n\nHi. This is the qmail-send program at "
       "example.org.\n\n<a@example.com>:\n550 5.1.1 unknown\n",
       Dialect::qmail},
      {"From: Mail Delivery Subsystem <MAILER-DAEMON@example.org>\nSubject: Returned mail: see transcript\n\n"
       "The original message was received at Mon, 1 Jan 2024\n\n   ----- Transcript of session follows -----\n"
       "550 5.1.1 <a@example.com>... User unknown\n",
       Dialect::sendmail},
      {"From: postmaster@example.org\nSubject: Undeliverable: hi\n\nDelivery has failed to these recipients or "
       "groups:\n\na@example.com\nThe e-mail address you entered couldn't be found. 550 5.1.1\n",
       Dialect::exchange2007},
      {"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification "
       "(Failure)\n\nDelivery to the following recipient failed permanently:\n\n     a@example.com\n\n"
       "550 5.1.1 The email account that you tried to reach does not exist.\n",
       Dialect::gmail},
      {"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification "
       "(Failure)\nX-Failed-Recipients: group@googlegroups.com\n\nHello a@example.com,\nthe group you tried to "
       "contact may not exist.\n",
       Dialect::google_groups},
      {"From: MAILER-DAEMON@james.example.org\nSubject: [BOUNCE]\n\nHi. This is the James mail server at "
       "james.example.org.\nThis is a permanent error; I've given up.\n\nFailed recipient(s):\na@example.com\n\n"
       "Error message:\n550 5.1.1 unknown\n",
       Dialect::james},
      {"From: postmaster@gw.example.jp\nSubject: Mail could not be delivered\n\n"
       "Message from InterScan Messaging Security Suite\n\nUnable to deliver message to <a@example.com>.\n",
       Dialect::trendmicro},
      {"From: postmaster@example.org\nSubject: Undeliverable: hi\n\nDelivery has failed to these recipients or "
       "distribution lists:\n\na@example.com\nThe recipient's e-mail address was not found.\n",
       Dialect::exchange2007},
      {"From: postmaster@example.org\nSubject: Undeliverable: hi\n\nYour message\n\n  To:      a@example.com\n"
       "  Subject: hi\n  Sent:    Mon, 1 Jan 2024\n\ndid not reach some or all of the intended recipients.\n",
       Dialect::exchange2003},
      {"From: postmaster@example.org\nSubject: Undeliverable: hi\nX-Mailer: Internet Mail Service (5.5.2653.19)\n\n"
       "Your message\n\n  To:      a@example.com\n\ndid not reach the following recipient(s):\n\n"
       "a@example.com on Mon, 1 Jan 2024\n    The recipient name is not recognized\n",
       Dialect::exchange2003},
      {"From: Postmaster@example.org\nSubject: DELIVERY FAILURE: User Neko (a@example.com) not listed in Domino "
       "Directory\n\nYour message\n\n  Subject: hi\n\nwas not delivered to:\n\n  a@example.com\n",
       Dialect::domino},
      {"From: postmaster@example.org\nSubject: Undeliverable message\n\n------- Failure Reasons  --------\n\n"
       "User not listed in public Name & Address Book\na@example.com\n",
       Dialect::domino},
      {"From: postmaster@mail.hotmail.com\nSubject: Delivery Status Notification (Failure)\n\nThis is an "
       "automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed.\n\n"
       "       a@example.com\n",
       Dialect::office365},
      {"From: MAILER-DAEMON <>\nSubject: Mail delivery failed\n\nThis is the DragonFly Mail Agent v0.13 at "
       "mx.example.org.\n\nThere was an error delivering your mail to <a@example.com>.\n\n"
       "mx.example.com [192.0.2.1] did not like our RCPT TO:\n550 5.1.1 unknown\n",
       Dialect::dragonfly},
      // Postfix's Subject stays when a site translates the template's text.
      {"From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\n\n"
       "I'm sorry to have to inform you that your message could not be delivered.\n\n"
       "<a@example.com>: 550 5.1.1 unknown\n",
       Dialect::postfix},
      {"From: MAILER-DAEMON@mx.example.org (Mail Delivery System)\nSubject: Postfix SMTP server: errors from "
       "client.example.net[192.0.2.1]\n\nTranscript of session follows.\n\n Out: 220 mx.example.org ESMTP\n",
       Dialect::postfix},
      // Microsoft's SMTP service, Gmail and Amazon SES all use this Subject: it names no dialect.
      {"From: postmaster@example.org\nSubject: Delivery Status Notification (Failure)\n\nThis is an "
       "automatically generated Delivery Status Notification.\n\nDelivery to the following recipients failed.\n\n"
       "       a@example.com\n",
       Dialect::unknown},
      {"From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n<a@example.com>: 550 5.1.1 unknown\n",
       Dialect::unknown},
  };
  for (const Row& row : rows) {
    CAPTURE(row.message);
    CHECK(smtpcodes::name(dialect_of(row.message)) == smtpcodes::name(row.dialect));
  }
}

TEST_CASE("a dialect is never recognised from the quoted original message") {
  CHECK(dialect_of("From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\n\n"
                   "<a@example.com>: 550 5.1.1 unknown\n\n--- Below this line is a copy of the message.\n\n"
                   "This is the mail system at host mx.example.org.\n") == Dialect::unknown);
}

TEST_CASE("Google Groups refusals are refusals to post, in any language") {
  // "Hola ... el grupo ... quizás no exista": no phrase of the table, the dialect decides.
  BounceReason reason = BounceReason::unknown;
  smtpcodes::for_each_bounce_recipient(
      "From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification "
      "(Failure)\nX-Failed-Recipients: grupo@googlegroups.com\n\nHola, a@example.com: el grupo quiz\xC3\xA1s no "
      "exista.\n",
      [&reason](const BounceRecipient& r) { reason = r.verdict.reason; });
  CHECK(reason == BounceReason::sender_rejected);
}

TEST_CASE("every dialect row has a name and a source") {
  for (const smtpcodes::DialectInfo& info : smtpcodes::detail::dialects) {
    CAPTURE(info.name);
    CHECK_FALSE(info.name.empty());
    CHECK_FALSE(info.source.empty());
    CHECK_FALSE(info.marker.text.empty());
    CHECK(smtpcodes::name(info.dialect) == info.name);
  }
  CHECK(smtpcodes::name(Dialect::unknown) == "unknown");
}
