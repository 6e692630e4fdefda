// Postfix, Exim and Sendmail delivery lines.
#include <doctest/doctest.h>

#include <string_view>

#include <smtpcodes/bounce/mta_log.hpp>

using smtpcodes::DsnAction;
using smtpcodes::MtaLogFormat;

using smtpcodes::MtaLogError;
using smtpcodes::MtaLogErrorKind;

static_assert(smtpcodes::parse_mta_log_line(
                  "postfix/smtp[1]: 4F: to=<a@example.com>, relay=x, dsn=5.1.1, status=bounced (host said: 550)")
                  ->recipient == "a@example.com");
static_assert(smtpcodes::parse_mta_log_line("Nov 17 09:00:00 host kernel: eth0 up") ==
              MtaLogError{MtaLogErrorKind::no_recipient, 36});
static_assert(smtpcodes::name(MtaLogErrorKind::no_outcome) == "no_outcome");

TEST_CASE("parse_mta_log_line") {
  struct Row {
    std::string_view line;
    MtaLogFormat format;
    std::string_view recipient;
    DsnAction action;
    std::string_view status;
    std::string_view diagnostic;
  };
  constexpr Row rows[] = {
      {"Nov 17 09:00:01 mail postfix/smtp[2211]: 8F1D21C0E4: to=<kim@example.com>, relay=mx.example.com[192.0.2.10]:25,"
       " delay=1.2, delays=0.1/0/0.6/0.5, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.10] said: 550 5.1.1"
       " <kim@example.com>: User unknown (in reply to RCPT TO command))",
       MtaLogFormat::postfix, "kim@example.com", DsnAction::failed, "5.1.1",
       "host mx.example.com[192.0.2.10] said: 550 5.1.1 <kim@example.com>: User unknown (in reply to RCPT TO command)"},
      {"Nov 17 09:00:02 mail postfix/smtp[2212]: 9A0B31C0E5: to=<lee@example.net>, orig_to=<l@example.net>, "
       "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.net[198.51.100.7]:25: Connection timed "
       "out)",
       MtaLogFormat::postfix, "lee@example.net", DsnAction::delayed, "4.4.1",
       "connect to mx.example.net[198.51.100.7]:25: Connection timed out"},
      {"Nov 17 09:00:03 mail postfix/smtp[2213]: AB1C41C0E6: to=<mia@example.org>, dsn=2.0.0, status=sent (250 2.0.0 "
       "OK)",
       MtaLogFormat::postfix, "mia@example.org", DsnAction::delivered, "2.0.0", "250 2.0.0 OK"},
      {"2026-11-17 09:01:00 1tLmNo-000Abc-1x ** oscar@example.net R=dnslookup T=remote_smtp H=mx.example.net "
       "[198.51.100.7]: SMTP error from remote mail server after RCPT TO:<oscar@example.net>: 552 5.2.2 Mailbox full",
       MtaLogFormat::exim, "oscar@example.net", DsnAction::failed, "",
       "SMTP error from remote mail server after RCPT TO:<oscar@example.net>: 552 5.2.2 Mailbox full"},
      {"2026-11-17 09:01:05 1tLmNp-000Abd-2y == pat@example.com R=dnslookup T=remote_smtp defer (-44) H=mx.example.com "
       "[192.0.2.10]: SMTP error from remote mail server after RCPT TO:<pat@example.com>: 421 4.7.0 Try later",
       MtaLogFormat::exim, "pat@example.com", DsnAction::delayed, "",
       "SMTP error from remote mail server after RCPT TO:<pat@example.com>: 421 4.7.0 Try later"},
      {"2026-11-17 09:01:09 1tLmNq-000Abe-3z ** nobody@example.invalid: Unrouteable address", MtaLogFormat::exim,
       "nobody@example.invalid", DsnAction::failed, "", "Unrouteable address"},
      {"2026-11-17 09:01:10 1tLmNr-000Abf-4a => quinn@example.org R=dnslookup T=remote_smtp H=mx.example.org "
       "[203.0.113.5] C=\"250 OK\"",
       MtaLogFormat::exim, "quinn@example.org", DsnAction::delivered, "", ""},
      {"Nov 17 09:02:00 relay sendmail[3311]: 2AHB20x3003311: to=<quinn@example.org>, delay=00:00:01, mailer=esmtp, "
       "pri=120000, relay=mx.example.org. [203.0.113.5], dsn=5.1.1, stat=User unknown",
       MtaLogFormat::sendmail, "quinn@example.org", DsnAction::failed, "5.1.1", "User unknown"},
      {"Nov 17 09:02:05 relay sendmail[3312]: 2AHB20x3003312: to=<rita@example.com>, delay=00:00:05, dsn=4.0.0, "
       "stat=Deferred: Connection refused by mx.example.com.",
       MtaLogFormat::sendmail, "rita@example.com", DsnAction::delayed, "4.0.0",
       "Deferred: Connection refused by mx.example.com."},
      {"Nov 17 09:02:06 relay sendmail[3313]: 2AHB20x3003313: to=<sam@example.com>, dsn=2.0.0, stat=Sent (OK id=1)",
       MtaLogFormat::sendmail, "sam@example.com", DsnAction::delivered, "2.0.0", "Sent (OK id=1)"},
      // A field whose name ends in "status=" before the real one (it hid the outcome once).
      {"Nov 17 09:00:04 mail postfix/smtp[2214]: BC2D51C0E7: to=<ned@example.com>, xstatus=queued, dsn=5.7.1, "
       "status=bounced (host said: 554 5.7.1 Rejected)",
       MtaLogFormat::postfix, "ned@example.com", DsnAction::failed, "5.7.1", "host said: 554 5.7.1 Rejected"},
      {"Nov 17 09:02:07 relay sendmail[3314]: 2AHB20x3003314: to=<tom@example.com>, xstat=1, dsn=5.1.1, "
       "stat=User unknown",
       MtaLogFormat::sendmail, "tom@example.com", DsnAction::failed, "5.1.1", "User unknown"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const auto parsed = smtpcodes::parse_mta_log_line(row.line);
    REQUIRE(parsed.has_value());
    const smtpcodes::MtaLogEntry& entry = *parsed;
    CHECK(entry.format == row.format);
    CHECK(entry.recipient == row.recipient);
    CHECK(entry.action == row.action);
    CHECK(entry.status_text == row.status);
    CHECK(entry.diagnostic == row.diagnostic);
    // Every field is a view into the line, the MTA's outcome word included.
    for (const std::string_view field : {entry.recipient, entry.outcome, entry.status_text, entry.diagnostic}) {
      if (field.empty()) continue;
      CHECK(field.data() >= row.line.data());
      CHECK(field.data() + field.size() <= row.line.data() + row.line.size());
    }
  }
}

TEST_CASE("parse_mta_log_line: other lines are errors saying why and where") {
  struct Row {
    std::string_view line;
    MtaLogError error;
  };
  constexpr std::string_view qmgr =
      "Nov 17 09:00:00 mail postfix/qmgr[99]: 8F1D21C0E4: from=<a@example.org>, size=1234, nrcpt=1 (queue active)";
  constexpr std::string_view daemon = "2026-11-17 09:01:00 exim 4.96 daemon started: pid=1, -q30m == ready";
  constexpr std::string_view no_outcome = "Nov 17 09:00:00 mail postfix/smtp[1]: 4F: to=<a@example.com>, relay=x";
  const Row rows[] = {
      {qmgr, {MtaLogErrorKind::no_recipient, qmgr.size()}},
      {"", {MtaLogErrorKind::no_recipient, 0}},
      // Exim's marker followed by a word, not an address: the offset is the word's.
      {daemon, {MtaLogErrorKind::not_an_address, daemon.find(" == ") + 4}},
      {no_outcome, {MtaLogErrorKind::no_outcome, no_outcome.find("to=")}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const auto parsed = smtpcodes::parse_mta_log_line(row.line);
    REQUIRE_FALSE(parsed.has_value());
    CHECK(smtpcodes::name(parsed.error().kind) == smtpcodes::name(row.error.kind));
    CHECK(parsed.error().offset == row.error.offset);
  }
}
