#ifndef SMTPCODES_BOUNCE_SMTP_COMMAND_HPP
#define SMTPCODES_BOUNCE_SMTP_COMMAND_HPP

// Which SMTP command a failure answered, as the notice words it. It tells a
// refusal of the address (RCPT TO) from a refusal of the message after the
// server had accepted the address (DATA, end of data), which the classifier
// does not treat as proof that the address is bad.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <smtpcodes/detail/digits.hpp>
#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {

// The stages of an SMTP transaction (RFC 5321 §3.1-3.3, §4.1.1), in order.
enum class SmtpCommand : std::uint8_t {
  unknown,      // the notice does not say
  connect,      // the connection or the server's greeting
  hello,        // EHLO, HELO or LHLO
  starttls,     // STARTTLS (RFC 3207)
  auth,         // AUTH (RFC 4954)
  mail_from,    // MAIL FROM
  rcpt_to,      // RCPT TO
  data,         // the DATA command
  end_of_data,  // the message itself, answered after its final "."
};

[[nodiscard]] constexpr std::string_view name(SmtpCommand command) noexcept {
  switch (command) {
    case SmtpCommand::connect: return "connect";
    case SmtpCommand::hello: return "hello";
    case SmtpCommand::starttls: return "starttls";
    case SmtpCommand::auth: return "auth";
    case SmtpCommand::mail_from: return "mail_from";
    case SmtpCommand::rcpt_to: return "rcpt_to";
    case SmtpCommand::data: return "data";
    case SmtpCommand::end_of_data: return "end_of_data";
    case SmtpCommand::unknown: break;
  }
  return "unknown";
}

[[nodiscard]] constexpr std::string_view title(SmtpCommand command) noexcept {
  switch (command) {
    case SmtpCommand::connect: return "Connection or greeting";
    case SmtpCommand::hello: return "EHLO or HELO";
    case SmtpCommand::starttls: return "STARTTLS";
    case SmtpCommand::auth: return "AUTH";
    case SmtpCommand::mail_from: return "MAIL FROM";
    case SmtpCommand::rcpt_to: return "RCPT TO";
    case SmtpCommand::data: return "DATA";
    case SmtpCommand::end_of_data: return "End of message data";
    case SmtpCommand::unknown: break;
  }
  return "Unknown";
}

// Was the address already accepted when the failure came?
[[nodiscard]] constexpr bool is_after_recipients(SmtpCommand command) noexcept {
  return command == SmtpCommand::data || command == SmtpCommand::end_of_data;
}

namespace detail {

// Words that introduce the command a reply answered, in the MTAs' own
// templates:
//  - Postfix (smtp(8) client): "(in reply to RCPT TO command)", "(in reply
//    to end of DATA command)", "while sending RCPT TO", "while receiving
//    the initial server greeting", "while performing the EHLO handshake";
//  - Exim (smtp transport): "SMTP error from remote mail server after RCPT
//    TO:<...>:", "after end of data:", "after pipelined DATA", "after
//    initial connection";
//  - Sendmail's transcript: ">>> RCPT To:<...>" then "<<< 550 ...";
//  - DragonFly Mail Agent: "did not like our RCPT TO:".
inline constexpr std::string_view command_markers[] = {
    "in reply to "sv,      "after pipelined "sv,  "after "sv, ">>> "sv, "while sending "sv, "while receiving "sv,
    "while performing "sv, "did not like our "sv,
};

struct CommandWord {
  std::string_view text;  // lower case, a word or words at a word boundary
  SmtpCommand command;
};

// What may follow a marker. Longer readings first ("end of data" before
// "data", "mail from" before "mail").
inline constexpr CommandWord command_words[] = {
    {"rcpt to"sv, SmtpCommand::rcpt_to},
    {"rcpt"sv, SmtpCommand::rcpt_to},
    {"mail from"sv, SmtpCommand::mail_from},
    {"end of data"sv, SmtpCommand::end_of_data},
    {"message body"sv, SmtpCommand::end_of_data},
    {"data"sv, SmtpCommand::data},
    {"ehlo"sv, SmtpCommand::hello},
    {"helo"sv, SmtpCommand::hello},
    {"lhlo"sv, SmtpCommand::hello},
    {"the ehlo handshake"sv, SmtpCommand::hello},
    {"starttls"sv, SmtpCommand::starttls},
    {"auth"sv, SmtpCommand::auth},
    {"initial connection"sv, SmtpCommand::connect},
    {"the initial server greeting"sv, SmtpCommand::connect},
};

// Where words, found at text[pos], end: case ignored, a space in words
// matching any run of white space (a notice may fold its lines there).
// npos when they are not there.
[[nodiscard]] constexpr std::size_t words_end(std::string_view text, std::size_t pos, std::string_view words) noexcept {
  std::size_t t = pos;
  for (const char w : words) {
    if (t == text.size()) return std::string_view::npos;
    if (w == ' ') {
      if (!is_space(text[t])) return std::string_view::npos;
      while (t < text.size() && is_space(text[t])) ++t;
      continue;
    }
    if (to_lower(text[t]) != w) return std::string_view::npos;
    ++t;
  }
  return t;
}

// The command named at text[pos], a whole word or words.
[[nodiscard]] constexpr SmtpCommand command_word_at(std::string_view text, std::size_t pos) noexcept {
  for (const CommandWord& word : command_words) {
    const std::size_t end = words_end(text, pos, word.text);
    if (end != std::string_view::npos && (end == text.size() || !is_alnum(text[end]))) return word.command;
  }
  return SmtpCommand::unknown;
}

}  // namespace detail

namespace detail {

// The first characters of command_markers and of a transcript's "<<< ",
// case ignored: one test per character of the text (a bit test, not a table
// the compiler would build in every translation unit).
[[nodiscard]] constexpr bool may_start_command_marker(char c) noexcept {
  switch (c) {
    case 'i':
    case 'I':
    case 'a':
    case 'A':
    case 'w':
    case 'W':
    case 'd':
    case 'D':
    case '<':
    case '>': return true;
    default: return false;
  }
}

// Where a transcript's reply line ("<<< 550 ...") starts its code, or npos.
[[nodiscard]] constexpr std::size_t transcript_reply_code(std::string_view text, std::size_t pos) noexcept {
  const std::size_t code = words_end(text, pos, "<<< "sv);
  if (code == std::string_view::npos || text.size() - code < 3) return std::string_view::npos;
  return is_digit(text[code]) && is_digit(text[code + 1]) && is_digit(text[code + 2]) ? code : std::string_view::npos;
}

// A transcript's answer to DATA when no recipient was accepted (RFC 2920
// §3.1 lets a client send DATA before the recipients' replies arrive).
[[nodiscard]] constexpr bool refuses_data_for_want_of_recipients(std::string_view code) noexcept {
  return code.substr(0, 3) == "503"sv || code.substr(0, 3) == "554"sv;
}

}  // namespace detail

// The command the failure in text answered. MTAs that name it ("in reply
// to RCPT TO command", "after end of data", "did not like our DATA") are
// taken at their word, the last such mention winning. A Sendmail
// transcript (">>> DATA", then "<<< 550 ...") gives the command sent before
// its first failing reply; with pipelining (RFC 2920) the client sends DATA
// before the recipients' replies arrive, so when a later reply refuses DATA
// itself (503 or 554: no valid recipients), the failure answered RCPT TO.
// SmtpCommand::unknown when the text names none. Linear in the text: each
// position is tried against a fixed set of short words.
[[nodiscard]] constexpr SmtpCommand find_smtp_command(std::string_view text) noexcept {
  SmtpCommand named = SmtpCommand::unknown;     // from a template that names the command
  SmtpCommand sent = SmtpCommand::unknown;      // the last command of a transcript
  SmtpCommand answered = SmtpCommand::unknown;  // the one the transcript's first failing reply answered
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    if (!detail::may_start_command_marker(text[pos])) continue;
    const char c = detail::to_lower(text[pos]);
    if (pos > 0 && detail::is_alnum(text[pos - 1]) && c != '>') continue;
    if (c == '<') {
      const std::size_t code = detail::transcript_reply_code(text, pos);
      if (code == std::string_view::npos || (text[code] != '4' && text[code] != '5')) continue;
      if (answered == SmtpCommand::unknown) {
        answered = sent;
      } else if (answered == SmtpCommand::data && detail::refuses_data_for_want_of_recipients(text.substr(code))) {
        answered = SmtpCommand::rcpt_to;
      }
      continue;
    }
    for (const std::string_view marker : detail::command_markers) {
      if (marker[0] != c) continue;
      const std::size_t end = detail::words_end(text, pos, marker);
      if (end == std::string_view::npos) continue;
      const SmtpCommand command = detail::command_word_at(text, end);
      if (command == SmtpCommand::unknown) continue;
      (c == '>' ? sent : named) = command;
      break;
    }
  }
  if (named != SmtpCommand::unknown) return named;
  return answered != SmtpCommand::unknown ? answered : sent;
}

// The remote server's failing reply in a Sendmail transcript, for one
// recipient: Sendmail writes what it sent as ">>> " lines and what the server
// answered as "<<< " lines (its session transcript), and then its own
// summary ("554 <a@b>... Remote protocol error"), which may name another
// code. The reply to a RCPT TO that names address is the recipient's; the
// first failing reply to any other command (MAIL FROM, DATA, the greeting)
// concerns every recipient. Returns the reply from its code to the end of
// its line, or an empty view. Linear in the text.
[[nodiscard]] constexpr std::string_view find_transcript_reply(std::string_view text,
                                                               std::string_view address) noexcept {
  std::string_view for_all;
  bool answers_other_recipient = false;  // the last command was a RCPT TO for someone else
  bool answers_this_recipient = false;
  bool answers_data = false;
  for (std::size_t line = 0; line < text.size();) {
    std::size_t end = line;
    while (end < text.size() && text[end] != '\n') ++end;
    const std::string_view content = text.substr(line, end - line);
    if (const std::size_t command = detail::words_end(text, line, std::string_view(">>> "));
        command != std::string_view::npos) {
      const bool rcpt = detail::command_word_at(text, command) == SmtpCommand::rcpt_to;
      // ">>> RCPT To:<a@b>": the address between the angle brackets.
      const std::size_t open = content.find('<');
      const std::size_t close = open == std::string_view::npos ? open : content.find('>', open);
      const bool names =
          close != std::string_view::npos && detail::iequals(content.substr(open + 1, close - open - 1), address);
      answers_data = detail::command_word_at(text, command) == SmtpCommand::data;
      answers_this_recipient = rcpt && names;
      answers_other_recipient = rcpt && !names;
    } else if (const std::size_t code = detail::transcript_reply_code(text, line);
               code != std::string_view::npos && (text[code] == '4' || text[code] == '5')) {
      std::string_view reply = text.substr(code, end - code);
      while (!reply.empty() && detail::is_space(reply.back())) reply.remove_suffix(1);
      if (answers_this_recipient) return reply;
      // A refused DATA after refused recipients (RFC 2920 pipelining) says nothing of its own.
      const bool for_want_of_recipients = answers_data && detail::refuses_data_for_want_of_recipients(reply);
      if (!answers_other_recipient && !for_want_of_recipients && for_all.empty()) for_all = reply;
    }
    line = end + 1;
  }
  return for_all;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_SMTP_COMMAND_HPP
