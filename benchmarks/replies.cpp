// Whole replies and the streaming parser against the baselines. All rows
// apply RFC 5321 §4.2 strictly: CRLF line endings, a valid code on every
// line, "-" after the code on every line but the last, lines of at most 512
// octets (§4.5.3.1.5). A whole-reply row returns the code or -1; a stream
// row returns how many replies it found.
#include <cstdio>
#include <cstring>
#include <regex>
#include <sstream>
#include <string>

#include "harness.hpp"

namespace {

constexpr std::size_t max_line_length = 512;  // with the code and the CRLF

// The code at the start of a line without its CRLF, or -1.
int hand_code(std::string_view line) {
  if (line.size() < 3) return -1;
  const unsigned a = static_cast<unsigned>(line[0] - '2');
  const unsigned b = static_cast<unsigned>(line[1] - '0');
  const unsigned c = static_cast<unsigned>(line[2] - '0');
  if (a > 3 || b > 5 || c > 9) return -1;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return -1;
  return static_cast<int>((a + 2) * 100 + b * 10 + c);
}

int sscanf_code(std::string_view line) {
  unsigned value = 0;
  int consumed = 0;
  // The line is followed by CRLF, so sscanf stops there at the latest.
  if (std::sscanf(line.data(), "%3u%n", &value, &consumed) != 1 || consumed != 3) return -1;
  if (value < 200 || value > 559 || value / 10 % 10 > 5) return -1;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return -1;
  return static_cast<int>(value);
}

int regex_code(std::string_view line) {
  static const std::regex pattern("([2-5][0-5][0-9])(?:[ -][^\\r\\n]*)?", std::regex::optimize);
  std::cmatch match;
  if (!std::regex_match(line.data(), line.data() + line.size(), match, pattern)) return -1;
  return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
}

// A reply line's code and enhanced status code as one number, code * 10^9 +
// EnhancedStatus::key() (0 without one), or -1 when the line is rejected.
long code_and_status(unsigned code, unsigned status_class, unsigned subject, unsigned detail) {
  return static_cast<long>(code) * 1000000000L + static_cast<long>(status_class) * 1000000L +
         static_cast<long>(subject) * 1000L + static_cast<long>(detail);
}

// One part of an enhanced status code, RFC 3463 §2 strictly: 1 to 3 digits,
// no leading zero; pos moves past it.
bool hand_status_part(std::string_view text, std::size_t& pos, unsigned& value) {
  const std::size_t start = pos;
  value = 0;
  while (pos < text.size() && pos - start < 4 && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + static_cast<unsigned>(text[pos] - '0');
    ++pos;
  }
  const std::size_t digits = pos - start;
  return digits >= 1 && digits <= 3 && (digits == 1 || text[start] != '0');
}

// The minimal hand-written scanner for one line: its CRLF (or its absence
// when whole is false), the length limit, the code and separator, and an
// enhanced status code at the start of the text followed by SP or the end.
// whole: the line is a whole reply, so it ends in CRLF and is a last line.
long hand_reply_line(std::string_view line, bool whole) {
  std::size_t size = line.size();
  const bool terminated = size != 0 && line[size - 1] == '\n';
  if (terminated) {
    if (size < 2 || line[size - 2] != '\r' || line.find('\n') != size - 1) return -1;
    size -= 2;
  } else if (whole) {
    return -1;
  }
  if (line.size() > max_line_length) return -1;
  const std::string_view content = line.substr(0, size);
  const int code = hand_code(content);
  if (code < 0 || (whole && content.size() > 3 && content[3] == '-')) return -1;
  unsigned status_class = 0;
  unsigned subject = 0;
  unsigned detail = 0;
  if (content.size() > 5 && (content[4] == '2' || content[4] == '4' || content[4] == '5') && content[5] == '.') {
    std::size_t pos = 6;
    if (hand_status_part(content, pos, subject) && pos < content.size() && content[pos] == '.' &&
        hand_status_part(content, ++pos, detail) && (pos == content.size() || content[pos] == ' ')) {
      status_class = static_cast<unsigned>(content[4] - '0');
    } else {
      subject = 0;
      detail = 0;
    }
  }
  return code_and_status(static_cast<unsigned>(code), status_class, subject, detail);
}

// The same with one std::regex for the code and the enhanced status code.
long regex_reply_line(std::string_view line, bool whole) {
  static const std::regex pattern(
      "([2-5][0-5][0-9])(?:([ -])(?:([245])\\.(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})(?= |$))?[^\\r\\n]*)?",
      std::regex::optimize);
  std::size_t size = line.size();
  const bool terminated = size != 0 && line[size - 1] == '\n';
  if (terminated) {
    if (size < 2 || line[size - 2] != '\r' || line.find('\n') != size - 1) return -1;
    size -= 2;
  } else if (whole) {
    return -1;
  }
  if (line.size() > max_line_length) return -1;
  std::cmatch match;
  if (!std::regex_match(line.data(), line.data() + size, match, pattern)) return -1;
  if (whole && match[2].matched && match.str(2) == "-") return -1;
  const auto number = [&match](std::size_t group) {
    return match[group].matched ? static_cast<unsigned>(std::stoul(match.str(group))) : 0U;
  };
  return code_and_status(number(1), number(3), number(4), number(5));
}

long library_reply_line(std::string_view line) {
  const auto parsed = smtpcodes::parse_reply_line(line);
  if (!parsed) return -1;
  const smtpcodes::EnhancedStatus status = parsed->enhanced_status;
  return code_and_status(parsed->code.value(), status.class_digit(), status.subject_number(), status.detail());
}

long library_one_line_reply(std::string_view text) {
  const auto reply = smtpcodes::parse_whole_reply(text);
  if (!reply) return -1;
  const smtpcodes::EnhancedStatus status = reply->enhanced_status();
  return code_and_status(reply->code().value(), status.class_digit(), status.subject_number(), status.detail());
}

// Follows the lines of a reply: feed each line (without CRLF) to add_line;
// it says whether the reply is complete, failed, or goes on.
class ReplyTracker {
 public:
  enum class State { more, complete, failed };

  template <class CodeOf>
  State add_line(std::string_view line, bool has_cr, CodeOf code_of) {
    if (!has_cr || line.size() + 2 > max_line_length) return fail();
    // Lines whose codes differ break a MUST of RFC 5321 §4.2.1, but the
    // reply is still clear: smtpcodes reports it as a diagnostic and takes
    // the last line's code, and so do the baselines.
    const int line_code = code_of(line);
    if (line_code < 0) return fail();
    code_ = line_code;
    if (line.size() > 3 && line[3] == '-') return State::more;
    return State::complete;
  }
  int code() const { return code_; }
  void reset() { code_ = -1; }

 private:
  State fail() {
    code_ = -1;
    return State::failed;
  }
  int code_ = -1;
};

template <class CodeOf>
int whole_reply(std::string_view text, CodeOf code_of) {
  ReplyTracker tracker;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* found = std::memchr(text.data() + pos, '\n', text.size() - pos);
    if (found == nullptr) return -1;  // the last line has no line ending
    const auto feed = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    const bool has_cr = feed > pos && text[feed - 1] == '\r';
    const std::string_view line = text.substr(pos, feed - pos - (has_cr ? 1 : 0));
    pos = feed + 1;
    const ReplyTracker::State state = tracker.add_line(line, has_cr, code_of);
    if (state == ReplyTracker::State::failed) return -1;
    if (state == ReplyTracker::State::complete) return pos == text.size() ? tracker.code() : -1;
  }
  return -1;
}

// Counts the replies in a stream; after a bad line, goes on at the next one.
template <class CodeOf>
long stream_replies(std::string_view text, CodeOf code_of) {
  ReplyTracker tracker;
  long replies = 0;
  std::size_t pos = 0;
  while (const void* found = std::memchr(text.data() + pos, '\n', text.size() - pos)) {
    const auto feed = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    const bool has_cr = feed > pos && text[feed - 1] == '\r';
    const std::string_view line = text.substr(pos, feed - pos - (has_cr ? 1 : 0));
    pos = feed + 1;
    if (tracker.add_line(line, has_cr, code_of) == ReplyTracker::State::complete) {
      ++replies;
      tracker.reset();
    }
  }
  return replies;
}

// The heavy way: std::istringstream, std::getline and a std::regex per line.
long stream_replies_heavy(std::string_view text) {
  std::istringstream in{std::string(text)};
  ReplyTracker tracker;
  long replies = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (in.eof()) break;  // the last line had no line ending
    const bool has_cr = !line.empty() && line.back() == '\r';
    if (has_cr) line.pop_back();
    if (tracker.add_line(line, has_cr, regex_code) == ReplyTracker::State::complete) {
      ++replies;
      tracker.reset();
    }
  }
  return replies;
}

// What memchr alone costs over the same bytes: it only counts lines.
long count_lines(std::string_view text) {
  long lines = 0;
  const char* at = text.data();
  const char* const end = text.data() + text.size();
  while (const void* found = std::memchr(at, '\n', static_cast<std::size_t>(end - at))) {
    ++lines;
    at = static_cast<const char*>(found) + 1;
  }
  return lines;
}

// The library's stream, fed in 4 KiB chunks as a read() loop would.
long library_stream(std::string_view text) {
  static char buffer[16384];
  smtpcodes::ReplyStream stream(buffer, sizeof buffer);
  long replies = 0;
  for (;;) {
    const std::string_view chunk = text.substr(0, 4096);
    const std::size_t taken = stream.feed(chunk);
    text.remove_prefix(taken);
    if (text.empty()) stream.finish();
    for (;;) {
      const smtpcodes::ReplyStreamStatus status = stream.next();
      if (status == smtpcodes::ReplyStreamStatus::reply) {
        if (stream.reply().complete()) ++replies;
      } else if (status == smtpcodes::ReplyStreamStatus::end_of_stream) {
        return replies;
      } else if (status == smtpcodes::ReplyStreamStatus::need_more_data) {
        break;
      }
    }
  }
}

}  // namespace

SMTPCODES_BENCHMARK("parse_whole_reply", "smtpcodes", library, whole_replies, [](std::string_view text) {
  const auto reply = smtpcodes::parse_whole_reply(text);
  return reply ? static_cast<int>(reply->code().value()) : -1;
});
SMTPCODES_BENCHMARK("parse_whole_reply", "hand scanner", hand, whole_replies,
                    [](std::string_view text) { return whole_reply(text, hand_code); });
SMTPCODES_BENCHMARK("parse_whole_reply", "sscanf", libc, whole_replies,
                    [](std::string_view text) { return whole_reply(text, sscanf_code); });
SMTPCODES_BENCHMARK("parse_whole_reply", "std::regex", heavy, whole_replies,
                    [](std::string_view text) { return whole_reply(text, regex_code); });

SMTPCODES_BENCHMARK("parse_reply_line", "smtpcodes", library, reply_lines, library_reply_line);
SMTPCODES_BENCHMARK("parse_reply_line", "hand scanner", hand, reply_lines,
                    [](std::string_view line) { return hand_reply_line(line, false); });
SMTPCODES_BENCHMARK("parse_reply_line", "std::regex", heavy, reply_lines,
                    [](std::string_view line) { return regex_reply_line(line, false); });

SMTPCODES_BENCHMARK("parse_whole_reply, one line", "smtpcodes", library, one_line_replies, library_one_line_reply);
SMTPCODES_BENCHMARK("parse_whole_reply, one line", "hand scanner", hand, one_line_replies,
                    [](std::string_view text) { return hand_reply_line(text, true); });
SMTPCODES_BENCHMARK("parse_whole_reply, one line", "std::regex", heavy, one_line_replies,
                    [](std::string_view text) { return regex_reply_line(text, true); });

SMTPCODES_BENCHMARK("ReplyStream, EHLO-heavy", "smtpcodes", library, ehlo_heavy_streams, library_stream);
SMTPCODES_BENCHMARK("ReplyStream, EHLO-heavy", "hand splitter", hand, ehlo_heavy_streams,
                    [](std::string_view text) { return stream_replies(text, hand_code); });
SMTPCODES_BENCHMARK("ReplyStream, EHLO-heavy", "memchr (lines only)", libc, ehlo_heavy_streams, count_lines);
SMTPCODES_BENCHMARK("ReplyStream, EHLO-heavy", "istringstream + std::regex", heavy, ehlo_heavy_streams,
                    stream_replies_heavy);

SMTPCODES_BENCHMARK("ReplyStream, bounce-heavy", "smtpcodes", library, bounce_heavy_streams, library_stream);
SMTPCODES_BENCHMARK("ReplyStream, bounce-heavy", "hand splitter", hand, bounce_heavy_streams,
                    [](std::string_view text) { return stream_replies(text, hand_code); });
SMTPCODES_BENCHMARK("ReplyStream, bounce-heavy", "memchr (lines only)", libc, bounce_heavy_streams, count_lines);
SMTPCODES_BENCHMARK("ReplyStream, bounce-heavy", "istringstream + std::regex", heavy, bounce_heavy_streams,
                    stream_replies_heavy);
