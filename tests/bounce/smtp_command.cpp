// find_smtp_command: which command a failure answered, in the words of
// each MTA's templates (docs/bounces.md, "Hard or soft"), and what the
// classifier makes of it. Every text here is written for this test.
#include <doctest/doctest.h>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounce/classify.hpp>
#include <smtpcodes/bounce/message.hpp>
#include <smtpcodes/bounce/smtp_command.hpp>

using smtpcodes::SmtpCommand;

namespace {

struct Row {
  std::string_view text;
  SmtpCommand command;
};

// find_smtp_command as it was before it passed over the text sixteen
// characters a step: each character tested on its own.
SmtpCommand smtp_command_reference(std::string_view text) {
  using namespace smtpcodes::detail;
  SmtpCommand named = SmtpCommand::unknown;
  SmtpCommand sent = SmtpCommand::unknown;
  SmtpCommand answered = SmtpCommand::unknown;
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!may_start_command_marker(text[pos])) continue;
    const char c = to_lower(text[pos]);
    if (pos > 0 && is_alnum(text[pos - 1]) && c != '>') continue;
    if (c == '<') {
      const std::size_t code = transcript_reply_code(text, pos);
      if (code == std::string_view::npos || (text[code] != '4' && text[code] != '5')) continue;
      if (answered == SmtpCommand::unknown) {
        answered = sent;
      } else if (answered == SmtpCommand::data && refuses_data_for_want_of_recipients(text.substr(code))) {
        answered = SmtpCommand::rcpt_to;
      }
      continue;
    }
    for (const std::string_view marker : command_markers) {
      if (marker[0] != c) continue;
      const std::size_t end = words_end(text, pos, marker);
      if (end == std::string_view::npos) continue;
      const SmtpCommand command = command_word_at(text, end);
      if (command == SmtpCommand::unknown) continue;
      (c == '>' ? sent : named) = command;
      break;
    }
  }
  if (named != SmtpCommand::unknown) return named;
  return answered != SmtpCommand::unknown ? answered : sent;
}

// find_transcript_reply as it was before it read a transcript once for all
// its recipients: the transcript read again for each one, line by line.
std::string_view transcript_reply_reference(std::string_view text, std::string_view address) {
  using smtpcodes::detail::command_word_at;
  using smtpcodes::detail::words_end;
  std::string_view for_all;
  bool answers_other_recipient = false;
  bool answers_this_recipient = false;
  bool answers_data = false;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t end = line;
    while (end < text.size() && text[end] != '\n') ++end;
    const std::string_view content = text.substr(line, end - line);
    if (const std::size_t command = words_end(text, line, ">>> "); command != std::string_view::npos) {
      const bool rcpt = command_word_at(text, command) == SmtpCommand::rcpt_to;
      const std::size_t open = content.find('<');
      const std::size_t close = open == std::string_view::npos ? open : content.find('>', open);
      const bool names = close != std::string_view::npos &&
                         smtpcodes::detail::iequals(content.substr(open + 1, close - open - 1), address);
      answers_data = command_word_at(text, command) == SmtpCommand::data;
      answers_this_recipient = rcpt && names;
      answers_other_recipient = rcpt && !names;
    } else if (const std::size_t code = smtpcodes::detail::transcript_reply_code(text, line);
               code != std::string_view::npos && (text[code] == '4' || text[code] == '5')) {
      std::string_view reply = text.substr(code, end - code);
      while (!reply.empty() && smtpcodes::detail::is_space(reply.back())) reply.remove_suffix(1);
      if (answers_this_recipient) return reply;
      const bool for_want_of_recipients = answers_data && smtpcodes::detail::refuses_data_for_want_of_recipients(reply);
      if (!answers_other_recipient && !for_want_of_recipients && for_all.empty()) for_all = reply;
    }
    line = end + 1;
  }
  return for_all;
}

}  // namespace

TEST_CASE("the command a failure answered") {
  using C = SmtpCommand;
  constexpr Row rows[] = {
      // Postfix's smtp client.
      {"host mx.example.net[192.0.2.1] said: 550 5.1.1 <a@example.net>: User unknown (in reply to RCPT TO command)",
       C::rcpt_to},
      {"said: 550 5.7.1 Message rejected (in reply to end of DATA command)", C::end_of_data},
      {"said: 554 5.5.1 no valid recipients (in reply to DATA command)", C::data},
      {"said: 553 sender rejected (in reply to MAIL FROM command)", C::mail_from},
      {"said: 554 not welcome (in reply to EHLO command)", C::hello},
      {"lost connection with mx.example.net[192.0.2.1] while sending RCPT TO", C::rcpt_to},
      {"conversation with mx.example.net timed out while sending message body", C::end_of_data},
      {"lost connection with mx.example.net while receiving the initial server greeting", C::connect},
      {"said: 530 must issue STARTTLS first (in reply to MAIL FROM command)", C::mail_from},
      // Folded over two lines.
      {"said: 550 User unknown (in reply to\n    end of DATA command)", C::end_of_data},
      // Exim's smtp transport.
      {"SMTP error from remote mail server after RCPT TO:<a@example.net>: 550 unknown user", C::rcpt_to},
      {"SMTP error from remote mail server after end of data: 550 rejected", C::end_of_data},
      {"SMTP error from remote mail server after pipelined RCPT TO:<a@example.net>: 550 no", C::rcpt_to},
      {"SMTP error from remote mail server after MAIL FROM:<s@example.org> SIZE=1234: 550 no", C::mail_from},
      {"SMTP error from remote mail server after initial connection: 554 go away", C::connect},
      {"SMTP error from remote mail server after STARTTLS: 454 TLS not available", C::starttls},
      // Sendmail's transcript.
      {"... while talking to mx.example.net.:\n>>> RCPT To:<a@example.net>\n<<< 550 5.1.1 User unknown", C::rcpt_to},
      {"... while talking to mx.example.net.:\n>>> DATA\n<<< 550 Unknown user a@example.net", C::data},
      // Pipelining (RFC 2920): the refusal answered RCPT TO, the 503 or 554 answered DATA.
      {">>> DATA\n<<< 550 5.1.1 <a@example.net>... User unknown\n<<< 503 5.0.0 Need RCPT (recipient)", C::rcpt_to},
      {">>> DATA\n<<< 550 <a@example.net>: User unknown\n<<< 554 Error: no valid recipients", C::rcpt_to},
      // Without pipelining: the first failing reply answered the command before it.
      {">>> RCPT To:<a@example.net>\n<<< 550 5.1.1 user unknown\n>>> DATA\n<<< 554 5.5.1 no valid recipients",
       C::rcpt_to},
      {">>> MAIL From:<s@example.org>\n<<< 250 ok\n>>> RCPT To:<a@example.net>\n<<< 250 ok\n>>> DATA\n"
       "<<< 554 5.7.1 Message rejected",
       C::data},
      {">>> DATA\n<<< 451 4.3.0 try again later", C::data},
      // DragonFly Mail Agent.
      {"mx.example.net [192.0.2.1] did not like our RCPT TO: 551 5.7.1 not authorized", C::rcpt_to},
      {"mx.example.net [192.0.2.1] did not like our DATA: 554 rejected", C::data},
      // The last one wins: the failure is the last thing a notice reports.
      {"after RCPT TO:<a@example.net>: 451 try later ... after end of data: 550 rejected", C::end_of_data},
      // No command.
      {"550 5.1.1 User unknown", C::unknown},
      {"", C::unknown},
      {"after 5 days of retrying", C::unknown},
      {"mail sent after the data were collected", C::unknown},
      {"in reply to your message", C::unknown},
      {"metadata processing failed", C::unknown},
      {"refused: baud rate", C::unknown},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text);
    CHECK(smtpcodes::find_smtp_command(row.text) == row.command);
  }
}

TEST_CASE("find_smtp_command works at compile time") {
  static_assert(smtpcodes::find_smtp_command("(in reply to RCPT TO command)") == SmtpCommand::rcpt_to);
  static_assert(smtpcodes::find_smtp_command("550 no") == SmtpCommand::unknown);
  static_assert(smtpcodes::is_after_recipients(SmtpCommand::end_of_data));
  static_assert(!smtpcodes::is_after_recipients(SmtpCommand::rcpt_to));
  CHECK(smtpcodes::name(SmtpCommand::end_of_data) == "end_of_data");
  CHECK(smtpcodes::title(SmtpCommand::rcpt_to) == "RCPT TO");
  CHECK(smtpcodes::name(SmtpCommand::unknown) == "unknown");
}

TEST_CASE("an unknown user refused after DATA is a soft bounce") {
  smtpcodes::BounceFacts facts;
  facts.action = smtpcodes::DsnAction::failed;
  facts.diagnostic = "550 5.1.1 <a@example.net>: User unknown (in reply to end of DATA command)";
  const smtpcodes::Verdict after_data = smtpcodes::classify(facts);
  CHECK(after_data.reason == smtpcodes::BounceReason::unknown_recipient);
  CHECK(after_data.smtp_command == SmtpCommand::end_of_data);
  CHECK(after_data.bounce == smtpcodes::BounceType::soft);

  facts.diagnostic = "550 5.1.1 <a@example.net>: User unknown (in reply to RCPT TO command)";
  const smtpcodes::Verdict at_rcpt = smtpcodes::classify(facts);
  CHECK(at_rcpt.smtp_command == SmtpCommand::rcpt_to);
  CHECK(at_rcpt.bounce == smtpcodes::BounceType::hard);

  // The command the caller knows wins over the text.
  facts.smtp_command = SmtpCommand::data;
  CHECK(smtpcodes::classify(facts).bounce == smtpcodes::BounceType::soft);

  // A domain that does not exist is hard whenever it is said.
  facts.smtp_command = SmtpCommand::unknown;
  facts.diagnostic = "SMTP error from remote mail server after end of data: 550 5.1.2 Host unknown";
  CHECK(smtpcodes::classify(facts).bounce == smtpcodes::BounceType::hard);
}

namespace {

struct FailedRow {
  std::string_view why;
  std::string_view status;  // the Status field
  std::string_view diagnostic;
  smtpcodes::BounceReason reason;
  smtpcodes::BounceType bounce;
};

}  // namespace

TEST_CASE("derived and null-MX statuses against the server's text") {
  using R = smtpcodes::BounceReason;
  constexpr auto hard = smtpcodes::BounceType::hard;
  constexpr auto soft = smtpcodes::BounceType::soft;
  constexpr FailedRow rows[] = {
      // Sendmail writes 5.1.6 for any 551: the server said "not our customer".
      {"derived 5.1.6", "5.1.6", "551 not our customer", R::unknown_recipient, hard},
      {"the server's own 5.1.6 stays specific", "5.1.6", "551 5.1.6 not our customer", R::mailbox_moved, hard},
      // Sendmail writes 5.2.2 (mailbox full) for any 552; the text says the message is too big.
      {"derived 5.2.2", "5.2.2", "552 Message size exceeds fixed maximum message size", R::message_too_large, soft},
      // Sendmail's guesses for a bare reply to RCPT TO (usersmtp.c): 550 -> 5.1.1, 553 -> 5.1.3.
      {"derived 5.1.1, the server says disabled", "5.1.1", "550 This mailbox is disabled", R::mailbox_disabled, soft},
      {"derived 5.1.3, the server names a blocklist", "5.1.3", "553 Rejected: listed at zen.spamhaus.org", R::blocked,
       soft},
      {"derived 5.1.1, text that names nothing: the status still decides", "5.1.1",
       "550 Requested action not taken: mailbox unavailable", R::unknown_recipient, hard},
      {"a status that is not the derivation", "5.1.1", "554 Message refused for policy reasons", R::unknown_recipient,
       hard},
      // RFC 7505 null MX, with RFC 7504's words for 521.
      {"null MX for the recipient's domain", "5.7.27", "550 Host does not accept mail", R::no_mail_domain, hard},
      {"null MX of the sender, in RFC 7505's words", "5.7.27", "550 5.7.27 Sender address has null MX",
       R::sender_rejected, soft},
  };
  for (const FailedRow& row : rows) {
    CAPTURE(row.why);
    smtpcodes::BounceFacts facts;
    facts.action = smtpcodes::DsnAction::failed;
    facts.enhanced_status = *smtpcodes::parse_enhanced_status(row.status);
    facts.diagnostic = row.diagnostic;
    const smtpcodes::Verdict verdict = smtpcodes::classify(facts);
    CHECK(verdict.reason == row.reason);
    CHECK(verdict.bounce == row.bounce);
  }
}

TEST_CASE("the command a failure answered, found sixteen characters a step, is the one each character finds") {
  // Markers and commands in any case, inside words and not, after letters,
  // digits, '>' and bytes past ASCII, at every offset of a step.
  const std::string_view pieces[] = {"in reply to ",
                                     "after ",
                                     "after pipelined ",
                                     ">>> ",
                                     "<<< 550 5.1.1 x\n",
                                     "<<< 503 no\n",
                                     "<<< 250 ok\n",
                                     "while sending ",
                                     "while receiving ",
                                     "while performing ",
                                     "did not like our ",
                                     "RCPT TO",
                                     "rcpt",
                                     "DATA",
                                     "end of data",
                                     "MAIL FROM",
                                     "EHLO",
                                     "the initial server greeting",
                                     "initial connection",
                                     "x",
                                     "9",
                                     "said",
                                     "aid",
                                     "Wait",
                                     "dIA",
                                     "-",
                                     "<",
                                     ">",
                                     "\n",
                                     " ",
                                     "\t",
                                     "\xC3\xA9",
                                     "A",
                                     "W",
                                     "D",
                                     "I",
                                     "\x80"};
  std::mt19937 random(41);
  std::size_t named = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (std::size_t count = random() % 40; count > 0; --count) text += pieces[random() % std::size(pieces)];
    const SmtpCommand expected = smtp_command_reference(text);
    named += expected != SmtpCommand::unknown ? 1U : 0U;
    CAPTURE(text);
    CHECK(smtpcodes::find_smtp_command(text) == expected);
  }
  CHECK(named > 3000);
}

TEST_CASE("the server's reply in a Sendmail transcript, per recipient") {
  struct TranscriptRow {
    std::string_view why;
    std::string_view address;
    std::string_view reply;  // expected; empty for none
  };
  constexpr std::string_view transcript =
      "   ----- Transcript of session follows -----\n"
      "... while talking to mx.example.net.:\n"
      ">>> MAIL From:<sender@example.org>\n"
      "<<< 250 2.1.0 Ok\n"
      ">>> RCPT To:<first@example.net>\n"
      "<<< 550 5.1.1 <first@example.net>... User unknown\n"
      "550 5.1.1 first@example.net... User unknown\n"
      ">>> RCPT To:<Second@Example.net>\n"
      "<<< 452 4.2.2 Over quota\r\n"
      ">>> DATA\n"
      "<<< 554 5.5.1 No valid recipients\n";
  const TranscriptRow rows[] = {
      {"the reply to its own RCPT TO", "first@example.net", "550 5.1.1 <first@example.net>... User unknown"},
      {"addresses compare without case", "second@example.net", "452 4.2.2 Over quota"},
      {"not in the transcript: DATA refused for want of recipients says nothing", "third@example.net", ""},
  };
  for (const TranscriptRow& row : rows) {
    CAPTURE(row.why);
    CHECK(smtpcodes::find_transcript_reply(transcript, row.address) == row.reply);
  }
  // A refusal before any recipient concerns them all; 2xx and 3xx are no failure.
  constexpr std::string_view refused_sender =
      ">>> MAIL From:<sender@example.org>\n<<< 550 Insecure Mail Relay\n"
      "554 <someone@example.net>... Remote protocol error\n";
  static_assert(smtpcodes::find_transcript_reply(refused_sender, "someone@example.net") == "550 Insecure Mail Relay");
  static_assert(smtpcodes::find_transcript_reply(">>> DATA\n<<< 354 go ahead\n", "a@b").empty());
  CHECK(smtpcodes::find_transcript_reply("550 5.1.1 no transcript here", "a@b").empty());
}

TEST_CASE("a transcript read once answers for each recipient what reading it for that recipient answers") {
  // Commands, replies and other lines in random order, with line ends of
  // every kind; some transcripts refuse more recipients than the table holds.
  const std::string_view lines[] = {">>> MAIL From:<sender@example.org>",
                                    ">>> DATA",
                                    ">>> RCPT To:",
                                    ">>> rcpt to:",
                                    ">>> EHLO mx.example.org",
                                    "<<< 250 2.1.5 Ok",
                                    "<<< 550 5.1.1 User unknown",
                                    "<<< 452 4.2.2 Over quota  ",
                                    "<<< 554 5.5.1 No valid recipients",
                                    "<<< 503 5.5.1 No recipients",
                                    "<<< 354 go ahead",
                                    "550 5.1.1 a@x... User unknown",
                                    ">>>",
                                    "<<<",
                                    ">>> RCPT To:<>",
                                    "... while talking to mx.example.net.:",
                                    ""};
  const std::string_view ends[] = {"\n", "\r\n", "\r", " \n", ""};
  std::mt19937 random(17);
  std::size_t reply_count = 0;
  std::size_t past_table = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::size_t addresses = 1 + random() % 90;
    // A fifth of the transcripts are long and mostly RCPT TO commands.
    const bool long_text = random() % 5 == 0;
    const std::size_t length = long_text ? 300 + random() % 200 : random() % 40;
    std::string text;
    for (std::size_t i = 0; i < length; ++i) {
      const std::string_view line = long_text && random() % 2 == 0 ? lines[2] : lines[random() % std::size(lines)];
      text += line;
      const bool rcpt = line.substr(0, 9) == ">>> RCPT " || line.substr(0, 9) == ">>> rcpt ";
      if (rcpt) {
        text +=
            "<user" + std::to_string(random() % addresses) + (random() % 4 == 0 ? "@Example.NET>" : "@example.net>");
      }
      // Replies told apart by a number, so that one taken for another shows.
      if (line.substr(0, 4) == "<<< ") text += " #" + std::to_string(i);
      text += ends[random() % std::size(ends)];
      if (rcpt && random() % 2 == 0) text += "<<< 550 5.1.1 refused #" + std::to_string(i) + "\n";
    }
    smtpcodes::detail::TranscriptReplies replies;
    replies.read_from(text);
    past_table += replies.overflow != std::string_view::npos ? 1U : 0U;
    // As many lookups as the table answers exactly: every address, then a few that appear nowhere.
    for (std::size_t i = 0; i < addresses + 3 && i < smtpcodes::detail::max_transcript_recipients; ++i) {
      const std::string address = i < addresses ? "user" + std::to_string(i) + "@example.net" : "nobody@example.net";
      const std::string_view expected = transcript_reply_reference(text, address);
      reply_count += expected.empty() ? 0U : 1U;
      CAPTURE(text);
      CAPTURE(address);
      CHECK(replies.find(address) == expected);
      CHECK(smtpcodes::find_transcript_reply(text, address) == expected);
    }
    CHECK(smtpcodes::find_transcript_reply(text, "") == transcript_reply_reference(text, ""));
  }
  CHECK(reply_count > 10000);
  CHECK(past_table > 100);
}

TEST_CASE("past a full table, lookups read the transcript again up to a bound, then take the reply for all") {
  constexpr std::size_t capacity = smtpcodes::detail::max_transcript_recipients;
  std::string text = ">>> MAIL From:<sender@example.org>\n<<< 451 4.3.0 Try later\n";
  for (std::size_t i = 0; i < 2 * capacity + 10; ++i) {
    text +=
        ">>> RCPT To:<user" + std::to_string(i) + "@example.net>\n<<< 550 5.1.1 unknown " + std::to_string(i) + "\n";
  }
  smtpcodes::detail::TranscriptReplies replies;
  replies.read_from(text);
  CHECK(replies.count == capacity);
  // In the table: no lookup past it.
  for (std::size_t i = 0; i < capacity; ++i) {
    CHECK(replies.find("user" + std::to_string(i) + "@example.net") == "550 5.1.1 unknown " + std::to_string(i));
  }
  CHECK(replies.lookups_past_table == 0);
  for (std::size_t i = capacity; i < 2 * capacity; ++i) {
    CHECK(replies.find("user" + std::to_string(i) + "@example.net") == "550 5.1.1 unknown " + std::to_string(i));
  }
  CHECK(replies.lookups_past_table == capacity);
  bool exhausted = false;
  CHECK(replies.find("user" + std::to_string(2 * capacity) + "@example.net", exhausted) == "451 4.3.0 Try later");
  CHECK(exhausted);  // the bound bit: the row says so
  // An address the transcript never names costs no lookup and meets no bound.
  CHECK(replies.find("nobody@example.net", exhausted) == "451 4.3.0 Try later");
  CHECK_FALSE(exhausted);
  CHECK(replies.find("user3@example.net", exhausted) == "550 5.1.1 unknown 3");
  CHECK_FALSE(exhausted);
  // One lookup alone reads as far as it needs.
  const std::string last = "user" + std::to_string(2 * capacity + 9) + "@example.net";
  CHECK(smtpcodes::find_transcript_reply(text, last) == "550 5.1.1 unknown " + std::to_string(2 * capacity + 9));
}

TEST_CASE("a Sendmail notice without a delivery-status part takes the server's reply from its transcript") {
  const std::string message =
      "From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.org>\n"
      "Subject: Returned mail: Deferred: Connection timed out\n\n"
      "   ----- Transcript of session follows -----\n"
      "While talking to mx.example.net:\n"
      ">>> MAIL From:<sender@example.org>\n"
      "<<< 550 Insecure Mail Relay\n"
      "554 <someone@example.net>... Remote protocol error\n\n"
      "   ----- Unsent message follows -----\n"
      "From: sender@example.org\nTo: someone@example.net\nSubject: hello\n\nhello\n";
  std::size_t rows = 0;
  smtpcodes::for_each_bounce_recipient(message, [&rows](const smtpcodes::BounceRecipient& r) {
    ++rows;
    CHECK(r.diagnostic == "550 Insecure Mail Relay");
    CHECK(r.verdict.reply_code.value() == 550);
    CHECK(r.verdict.reason == smtpcodes::BounceReason::relay_denied);
  });
  CHECK(rows == 1);
}
