#ifndef SMTPCODES_BOUNCE_SMTP_COMMAND_HPP
#define SMTPCODES_BOUNCE_SMTP_COMMAND_HPP

// Which SMTP command a failure answered, as the notice words it. It tells a
// refusal of the address (RCPT TO) from a refusal of the message after the
// server had accepted the address (DATA, end of data), which the classifier
// does not treat as proof that the address is bad.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/digits.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/detail/vector_text.hpp>

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

// May a marker start at text[pos]: one of its first characters, and not
// inside a word ('>' may be: ">>>" follows anything)?
[[nodiscard]] constexpr bool may_start_command_marker_at(std::string_view text, std::size_t pos) noexcept {
  const char c = text[pos];
  return may_start_command_marker(c) && (pos == 0 || !is_alnum(text[pos - 1]) || c == '>');
}

// The characters that next_command_marker looks for: a marker that starts
// with another must be added there, and to may_start_command_marker.
[[nodiscard]] constexpr bool command_markers_start_with_i_a_w_d_or_gt() noexcept {
  for (const std::string_view marker : command_markers) {
    if (marker[0] != 'i' && marker[0] != 'a' && marker[0] != 'w' && marker[0] != 'd' && marker[0] != '>') return false;
  }
  return true;
}
static_assert(command_markers_start_with_i_a_w_d_or_gt(), "next_command_marker looks for these characters only");

#if defined(__SSE2__) && defined(__GNUC__)  // detail/vector_text.hpp
// The first position from pos on where a marker may start, size when none:
// sixteen characters a step, each tested with the one before it (most of a
// notice's text starts no marker).
[[nodiscard]] inline std::size_t next_command_marker(std::string_view text, std::size_t pos) noexcept {
  constexpr std::size_t step = 16;
  if (pos == 0 && !text.empty()) {
    if (may_start_command_marker_at(text, 0)) return 0;
    pos = 1;
  }
  for (; text.size() - pos >= step; pos += step) {
    vector_bytes bytes;
    vector_bytes before;
    std::memcpy(&bytes, text.data() + pos, sizeof bytes);
    std::memcpy(&before, text.data() + pos - 1, sizeof before);
    const vector_bytes lower = bytes | 0x20;
    const auto first = (lower == 'i') | (lower == 'a') | (lower == 'w') | (lower == 'd') | (bytes == '<');
    // A letter or a digit before: then letter is below 26, or digit below 10.
    const vector_unsigned_bytes letter = reinterpret_cast<vector_unsigned_bytes>(before | 0x20) - 'a';
    const vector_unsigned_bytes digit = reinterpret_cast<vector_unsigned_bytes>(before) - '0';
    const auto in_word = (letter < 26) | (digit < 10);
    const auto starts = (first & ~in_word) | (bytes == '>');
    const auto mask = static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(starts)));
    if (mask != 0) return pos + static_cast<std::size_t>(__builtin_ctz(mask));
  }
  for (; pos < text.size(); ++pos) {
    if (may_start_command_marker_at(text, pos)) return pos;
  }
  return text.size();
}
#else
[[nodiscard]] inline std::size_t next_command_marker(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && !may_start_command_marker_at(text, pos)) ++pos;
  return pos;
}
#endif

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
    if (!SMTPCODES_CONSTANT_EVALUATED()) {
      pos = detail::next_command_marker(text, pos);
      if (pos == text.size()) break;
    }
    if (!detail::may_start_command_marker_at(text, pos)) continue;
    const char c = detail::to_lower(text[pos]);
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

namespace detail {

// Where the line at text[line] ends: its '\n', or the end of the text.
[[nodiscard]] constexpr std::size_t transcript_line_end(std::string_view text, std::size_t line) noexcept {
  const std::size_t feed = find_byte(text, '\n', line);
  return feed == std::string_view::npos ? text.size() : feed;
}

// What one line of a Sendmail transcript says: a command the client sent
// (">>> "), a failing reply of the server ("<<< 4xx" or "<<< 5xx"), or
// neither.
struct TranscriptLine {
  std::size_t end = 0;  // where the line ends (transcript_line_end)
  bool command = false;
  SmtpCommand sent = SmtpCommand::unknown;  // the command, on a command line
  bool names = false;                       // a command line with an address in angle brackets
  std::string_view address;                 // that address
  std::string_view reply;                   // a failing reply, from its code, without trailing white space
};

[[nodiscard]] constexpr TranscriptLine read_transcript_line(std::string_view text, std::size_t line) noexcept {
  TranscriptLine read;
  read.end = transcript_line_end(text, line);
  // Only these two characters start a line that says something.
  if (text[line] != '>' && text[line] != '<') return read;
  if (const std::size_t command = words_end(text, line, ">>> "sv); command != std::string_view::npos) {
    read.command = true;
    read.sent = command_word_at(text, command);
    // ">>> RCPT To:<a@b>": the address between the angle brackets.
    const std::string_view content = text.substr(line, read.end - line);
    const std::size_t open = content.find('<');
    const std::size_t close = open == std::string_view::npos ? open : content.find('>', open);
    read.names = close != std::string_view::npos;
    if (read.names) read.address = content.substr(open + 1, close - open - 1);
    return read;
  }
  const std::size_t code = transcript_reply_code(text, line);
  if (code == std::string_view::npos || (text[code] != '4' && text[code] != '5')) return read;
  read.reply = text.substr(code, read.end - code);
  while (!read.reply.empty() && is_space(read.reply.back())) read.reply.remove_suffix(1);
  return read;
}

// A refused DATA after refused recipients (RFC 2920 pipelining) says nothing of its own.
[[nodiscard]] constexpr bool speaks_for_all(SmtpCommand sent, std::string_view reply) noexcept {
  return sent != SmtpCommand::rcpt_to && !(sent == SmtpCommand::data && refuses_data_for_want_of_recipients(reply));
}

// The first failing reply to a RCPT TO that names address, reading the
// transcript from the line at `from`; empty when there is none.
[[nodiscard]] constexpr std::string_view reply_to_recipient(std::string_view text, std::size_t from,
                                                            std::string_view address) noexcept {
  bool answers_recipient = false;  // the last command was a RCPT TO for address
  for (std::size_t line = from; line < text.size();) {
    const TranscriptLine read = read_transcript_line(text, line);
    if (read.command) {
      answers_recipient = read.sent == SmtpCommand::rcpt_to && read.names && iequals(read.address, address);
    } else if (answers_recipient && !read.reply.empty()) {
      return read.reply;
    }
    line = read.end + 1;
  }
  return {};
}

// The refused recipients a transcript's table holds. An address that a
// full table lacks is looked for in the rest of the transcript by this many
// lookups at most; later ones take the reply for all. Only a notice with
// more refusals than this and as many more rows (from X-Failed-Recipients:
// its prose gives max_text_recipients at most) meets the bound, which keeps
// reading it linear in its size.
inline constexpr std::size_t max_transcript_recipients = 64;

// The failing replies of a Sendmail transcript, read in one pass: the first
// reply to each RCPT TO that names an address, and the first failing reply
// to any other command, so that each recipient of a notice is looked up
// without reading the transcript again.
struct TranscriptReplies {
  std::string_view text;
  std::string_view address[max_transcript_recipients]{};  // as a RCPT TO names it
  std::string_view reply[max_transcript_recipients]{};    // the first failing reply to that RCPT TO
  std::size_t count = 0;
  std::string_view for_all;  // the first failing reply to another command
  // The line of the first RCPT TO whose reply the table had no room for
  // (npos: it holds them all), and how many lookups have read from there.
  std::size_t overflow = std::string_view::npos;
  std::size_t lookups_past_table = 0;
  // Three bits for each address a RCPT TO names from the overflow line on (a
  // Bloom filter of a hash of it, case ignored; 4 KB): a lookup that finds one of
  // its bits clear knows without reading that the rest of the transcript does
  // not name its address, so an X-Failed-Recipients list of addresses the
  // transcript lacks costs no reading (false positives read, within the bound).
  static constexpr std::size_t filter_bits = 32768;
  std::uint64_t named_later[filter_bits / 64]{};
  bool read = false;

  constexpr void mark_named_later(std::string_view name) noexcept {
    const std::uint64_t hash = hash_lower(name);
    for (const std::uint64_t bit : {hash % filter_bits, (hash >> 21) % filter_bits, (hash >> 42) % filter_bits}) {
      named_later[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
  [[nodiscard]] constexpr bool may_be_named_later(std::string_view name) const noexcept {
    const std::uint64_t hash = hash_lower(name);
    for (const std::uint64_t bit : {hash % filter_bits, (hash >> 21) % filter_bits, (hash >> 42) % filter_bits}) {
      if ((named_later[bit / 64] >> (bit % 64) & 1U) == 0) return false;
    }
    return true;
  }

  constexpr void read_from(std::string_view transcript) noexcept {
    if (read) return;
    read = true;
    text = transcript;
    TranscriptLine sent;      // the last command line
    std::size_t sent_at = 0;  // where it starts
    bool answered = false;    // a failing reply to it came already
    for (std::size_t line = 0; line < text.size();) {
      const TranscriptLine read_line = read_transcript_line(text, line);
      if (read_line.command) {
        sent = read_line;
        sent_at = line;
        answered = false;
        if (overflow != std::string_view::npos && sent.sent == SmtpCommand::rcpt_to && sent.names) {
          mark_named_later(sent.address);
        }
      } else if (!read_line.reply.empty()) {
        // Only the first reply to a RCPT TO can be its recipient's.
        if (sent.sent == SmtpCommand::rcpt_to && sent.names && !answered && overflow == std::string_view::npos) {
          if (count == max_transcript_recipients) {
            overflow = sent_at;
            mark_named_later(sent.address);
          } else {
            address[count] = sent.address;
            reply[count++] = read_line.reply;
          }
        } else if (for_all.empty() && speaks_for_all(sent.sent, read_line.reply)) {
          for_all = read_line.reply;
        }
        answered = true;
      }
      line = read_line.end + 1;
    }
  }

  // The reply to the RCPT TO that names recipient, else the one for all;
  // exhausted says whether the bound on lookups kept the rest of the
  // transcript, which may name recipient, from being read.
  [[nodiscard]] constexpr std::string_view find(std::string_view recipient, bool& exhausted) noexcept {
    exhausted = false;
    for (std::size_t i = 0; i < count; ++i) {
      if (iequals(address[i], recipient)) return reply[i];
    }
    if (overflow == std::string_view::npos || !may_be_named_later(recipient)) return for_all;
    if (lookups_past_table == max_transcript_recipients) {
      exhausted = true;
      return for_all;
    }
    ++lookups_past_table;
    const std::string_view later = reply_to_recipient(text, overflow, recipient);
    return later.empty() ? for_all : later;
  }
  [[nodiscard]] constexpr std::string_view find(std::string_view recipient) noexcept {
    bool exhausted = false;
    return find(recipient, exhausted);
  }
};

}  // namespace detail

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
  detail::TranscriptReplies replies;
  replies.read_from(text);
  return replies.find(address);
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_SMTP_COMMAND_HPP
