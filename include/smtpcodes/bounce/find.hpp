#ifndef SMTPCODES_BOUNCE_FIND_HPP
#define SMTPCODES_BOUNCE_FIND_HPP

// Finding reply codes and enhanced status codes in free text: diagnostic
// codes of delivery status notifications, MTA log lines, vendor prose.
//
// A candidate is a code standing on its own: three digits (reply code) or
// digit.1*3digit.1*3digit (enhanced status code, RFC 3463 §2) with no letter,
// digit or dot glued to either side, so IP addresses (192.5.1.1), version
// numbers (v2.5.1.0, 4.94.2-1), dates, times, queue ids and long error
// numbers never qualify. A reply code must start with 2 to 5, have a second
// digit 0 to 5 or 7 (571 is in real use; 587, 465 ... are ports), must not
// follow a word that makes it a quantity ("port", "size", "id", "over" ...)
// nor precede a unit ("bytes", "seconds", "messages" ...). A status must
// not follow a product or version word ("Exim 4.94.2", "version 2.1.5").
// In running prose (right after a letter or digit) either code must follow
// a word that introduces a reply ("said", "returned", "error" ...) or its
// partner code ("smtp; 2.1.5 250 OK"), so "wxPython 2.3.0" and "has 450"
// are not codes; a reply code that opens a continuation line ("550-Text",
// RFC 5321 §4.2) or that its status of the same class follows ("421 4.2.1",
// RFC 2034 §4) needs no introduction.
//
// The scan looks only at digits and their bounded neighbourhood, and the
// best-match bookkeeping reads the text between codes at most once, so the
// work is linear in the length of the text and allocation-free.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include <smtpcodes/detail/callback.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/reply_code.hpp>

namespace smtpcodes {
inline namespace v0 {

enum class CodeKind : std::uint8_t { reply_code, enhanced_status };

[[nodiscard]] constexpr std::string_view name(CodeKind kind) noexcept {
  switch (kind) {
    case CodeKind::reply_code: return "reply_code";
    case CodeKind::enhanced_status: return "enhanced_status";
  }
  return "undefined";
}

// One code found in a text, where it is and what it is.
struct CodeMatch {
  CodeKind kind{CodeKind::reply_code};
  std::size_t offset = 0;  // of the first digit
  std::size_t length = 0;
  ReplyCode reply_code;            // when kind == reply_code
  EnhancedStatus enhanced_status;  // when kind == enhanced_status
};

// A code found in a text and the offset of its first digit.
template <class Code>
struct Located {
  Code code;
  std::size_t offset = 0;

  friend constexpr bool operator==(const Located& a, const Located& b) noexcept {
    return a.code == b.code && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const Located& a, const Located& b) noexcept { return !(a == b); }
};

// The best reply code and the best enhanced status of a text (see
// find_codes). Either may be absent.
struct FoundCodes {
  std::optional<Located<ReplyCode>> reply_code;
  std::optional<Located<EnhancedStatus>> enhanced_status;

  [[nodiscard]] constexpr bool empty() const noexcept { return !reply_code && !enhanced_status; }

  // The 0.1 accessors, kept for one release.
  [[deprecated("test reply_code itself: it is a std::optional")]] [[nodiscard]] constexpr bool has_reply_code()
      const noexcept {
    return reply_code.has_value();
  }
  [[deprecated("test enhanced_status itself: it is a std::optional")]] [[nodiscard]] constexpr bool
  has_enhanced_status() const noexcept {
    return enhanced_status.has_value();
  }
};

// Up to `capacity` matches in the order they appear; `truncated` says that
// more were found than kept. for_each_code reaches all of them.
struct CodeMatches {
  static constexpr std::size_t capacity = 16;

  CodeMatch items[capacity]{};
  std::size_t count = 0;
  bool truncated = false;

  [[nodiscard]] constexpr std::size_t size() const noexcept { return count; }
  [[nodiscard]] constexpr bool empty() const noexcept { return count == 0; }
  [[nodiscard]] constexpr const CodeMatch* begin() const noexcept { return items; }
  [[nodiscard]] constexpr const CodeMatch* end() const noexcept { return items + count; }
  [[nodiscard]] constexpr const CodeMatch& operator[](std::size_t i) const noexcept { return items[i]; }
};

namespace detail {

// Words after which a three-digit number is a quantity, not a reply code.
inline constexpr std::string_view quantity_words[] = {
    "about"sv,    "after"sv, "approx"sv, "at"sv,       "attempt"sv,  "attempts"sv, "build"sv,   "byte"sv,  "bytes"sv,
    "count"sv,    "day"sv,   "days"sv,   "delay"sv,    "exceeded"sv, "exceeds"sv,  "gid"sv,     "hour"sv,  "hours"sv,
    "id"sv,       "in"sv,    "len"sv,    "length"sv,   "limit"sv,    "line"sv,     "lines"sv,   "max"sv,   "maximum"sv,
    "no"sv,       "nr"sv,    "nrcpt"sv,  "number"sv,   "of"sv,       "on"sv,       "only"sv,    "over"sv,  "page"sv,
    "pid"sv,      "port"sv,  "pri"sv,    "priority"sv, "qid"sv,      "queue"sv,    "release"sv, "retry"sv, "rev"sv,
    "revision"sv, "since"sv, "size"sv,   "than"sv,     "timeout"sv,  "total"sv,    "ttl"sv,     "uid"sv,   "until"sv,
    "up"sv,       "v"sv,     "ver"sv,    "version"sv,  "within"sv,   "year"sv,
};

// Words after which a number in prose introduces a server's reply.
inline constexpr std::string_view reply_intro_words[] = {
    "answer"sv,    "answered"sv, "code"sv,      "dsn"sv,       "error"sv,    "esmtp"sv,    "failed"sv,  "failure"sv,
    "fatal"sv,     "is"sv,       "message"sv,   "permanent"sv, "reason"sv,   "rejected"sv, "replied"sv, "reply"sv,
    "responded"sv, "response"sv, "result"sv,    "return"sv,    "returned"sv, "said"sv,     "says"sv,    "smtp"sv,
    "stat"sv,      "status"sv,   "temporary"sv, "transient"sv, "was"sv,      "with"sv,
};

// Units after which a three-digit number is a quantity.
inline constexpr std::string_view unit_words[] = {
    "b"sv,       "byte"sv,    "bytes"sv,  "connections"sv, "day"sv,   "days"sv,       "emails"sv, "errors"sv,
    "gb"sv,      "h"sv,       "hour"sv,   "hours"sv,       "k"sv,     "kb"sv,         "kbytes"sv, "kib"sv,
    "mails"sv,   "mb"sv,      "mbytes"sv, "messages"sv,    "mib"sv,   "min"sv,        "mins"sv,   "minute"sv,
    "minutes"sv, "ms"sv,      "msgs"sv,   "percent"sv,     "rcpts"sv, "recipients"sv, "s"sv,      "sec"sv,
    "second"sv,  "seconds"sv, "secs"sv,   "times"sv,       "users"sv,
};

// Words before a dotted number that make it a version, not a status.
inline constexpr std::string_view version_words[] = {
    "address"sv,  "build"sv,  "courier"sv, "exim"sv, "firmware"sv, "host"sv,    "ip"sv,       "ipv4"sv,
    "java"sv,     "kernel"sv, "linux"sv,   "node"sv, "openssl"sv,  "patch"sv,   "perl"sv,     "php"sv,
    "postfix"sv,  "python"sv, "qmail"sv,   "rel"sv,  "release"sv,  "rev"sv,     "revision"sv, "ruby"sv,
    "sendmail"sv, "smtpd"sv,  "update"sv,  "v"sv,    "ver"sv,      "version"sv,
};

// A word list sorted by first letter, with where each letter's group
// begins, so that a look-up compares only the few words sharing the first
// letter of the word it is given. The lists above are written sorted, so the
// index is one pass that every includer can afford (sorting here would cost
// each translation unit thousands of constexpr steps).
template <std::size_t N>
struct WordIndex {
  static_assert(N < 256, "the group bounds are bytes");
  const std::string_view* words = nullptr;
  std::uint8_t first[27]{};  // words[first[l]] to words[first[l + 1] - 1] start with 'a' + l
  bool sorted_lower_case = true;
};

template <std::size_t N>
[[nodiscard]] constexpr WordIndex<N> index_words(const std::string_view (&list)[N]) noexcept {
  WordIndex<N> index;
  index.words = list;
  std::size_t letter = 0;
  for (std::size_t i = 0; i < N; ++i) {
    const char initial = list[i].empty() ? '\0' : list[i][0];
    if (initial < 'a' || initial > 'z' || static_cast<std::size_t>(initial - 'a') + 1 < letter) {
      index.sorted_lower_case = false;
      continue;
    }
    while (letter <= static_cast<std::size_t>(initial - 'a')) index.first[letter++] = static_cast<std::uint8_t>(i);
  }
  while (letter <= 26) index.first[letter++] = static_cast<std::uint8_t>(N);
  return index;
}

inline constexpr auto quantity_index = index_words(quantity_words);
inline constexpr auto reply_intro_index = index_words(reply_intro_words);
inline constexpr auto unit_index = index_words(unit_words);
inline constexpr auto version_index = index_words(version_words);
static_assert(quantity_index.sorted_lower_case && reply_intro_index.sorted_lower_case && unit_index.sorted_lower_case &&
                  version_index.sorted_lower_case,
              "every word list is lower case and sorted by first letter");

template <std::size_t N>
[[nodiscard]] constexpr bool is_one_of(std::string_view word, const WordIndex<N>& index) noexcept {
  if (word.empty()) return false;
  const char first = to_lower(word[0]);
  if (first < 'a' || first > 'z') return false;
  const auto letter = static_cast<std::size_t>(first - 'a');
  for (std::size_t i = index.first[letter]; i < index.first[letter + 1]; ++i) {
    const std::string_view candidate = index.words[i];
    if (candidate.size() == word.size() && iequals(word, candidate)) return true;
  }
  return false;
}

// The word just before `pos`, skipping blanks and the punctuation that may
// sit between a word and a code ("dsn=", "port:", "said: '"). Also reports
// the character just before the code, skipping blanks only.
struct WordBefore {
  std::string_view word;
  char previous = '\0';  // last non-blank character before the code, or 0
};

[[nodiscard]] constexpr WordBefore word_before(std::string_view text, std::size_t pos) noexcept {
  WordBefore result;
  std::size_t i = pos;
  while (i > 0 && is_space_or_tab(text[i - 1])) --i;
  if (i > 0) result.previous = text[i - 1];
  std::size_t skipped = 0;
  while (i > 0 && skipped < 4) {
    const char c = text[i - 1];
    if (!(is_space_or_tab(c) || c == '=' || c == ':' || c == '(' || c == ')' || c == '[' || c == '\'' || c == '"' ||
          c == '#')) {
      break;
    }
    --i;
    ++skipped;
  }
  const std::size_t end = i;
  while (i > 0 && end - i < 16 && is_alpha(text[i - 1])) --i;
  if (i > 0 && is_alnum(text[i - 1])) return result;  // part of a longer token
  result.word = text.substr(i, end - i);
  return result;
}

[[nodiscard]] constexpr std::string_view word_after(std::string_view text, std::size_t pos) noexcept {
  if (pos < text.size() && is_space_or_tab(text[pos])) ++pos;
  std::size_t end = pos;
  while (end < text.size() && end - pos < 16 && is_alpha(text[end])) ++end;
  return text.substr(pos, end - pos);
}

// May a code start at pos, judging by the character before it?
[[nodiscard]] constexpr bool starts_a_token(std::string_view text, std::size_t pos, bool reply) noexcept {
  if (pos == 0) return true;
  const char p = text[pos - 1];
  if (is_space(p)) return true;
  switch (p) {
    case '(':
    case '[':
    case '<':
    case '"':
    case '\'':
      // An attribute's value ("<img height=\"400\">") is no code.
      return pos == 1 || text[pos - 2] != '=';
    case '{':
    case '`':
    case '#':
    case ';':
    case ',':
    case '=':
    case '>':
    case '*':
    case '|': return true;
    case ':':
      // host:port and times glue digits to a colon; "Status:5.1.1" is fine.
      return pos == 1 || !(reply ? is_alnum(text[pos - 2]) : is_digit(text[pos - 2]));
    case '-':
      // A status after "550-" (RFC 5321 §4.2.1 continuation line), or a code
      // after a dash list item; never a reply code inside "925-423-5635".
      return pos == 1 || is_space(text[pos - 2]) || (!reply && is_digit(text[pos - 2]));
    default: return false;
  }
}

// May a code end at pos, judging by what follows it?
[[nodiscard]] constexpr bool ends_a_token(std::string_view text, std::size_t pos, bool reply) noexcept {
  if (pos == text.size()) return true;
  const char c = text[pos];
  const bool digit_follows = pos + 1 < text.size() && is_digit(text[pos + 1]);
  const bool alnum_follows = pos + 1 < text.size() && is_alnum(text[pos + 1]);
  if (is_alnum(c) || c == '_' || c == '@' || c == '/' || c == '%' || c == '+') return false;
  if ((c == '.' || c == ':' || c == ',') && digit_follows) return false;  // 1.2.3.4, 1.2.3:25
  // "550-Please ..." continues a reply (RFC 5321 §4.2.1); "4.94.2-deb" is a version.
  if (!reply && c == '-' && alnum_follows && !digit_follows) return false;
  return true;
}

[[nodiscard]] constexpr bool plausible_reply_digits(std::string_view three) noexcept {
  return three[0] >= '2' && three[0] <= '5' && (three[1] <= '5' || three[1] == '7');
}

// Is a code whose preceding context is `before` the inner, quoted reply of
// a server: right after a quote or after "said:"?
[[nodiscard]] constexpr bool is_quoted(const WordBefore& before) noexcept {
  return before.previous == '\'' || before.previous == '"' || iequals(before.word, "said");
}

// The longest enhanced status code: class "." 3 digits "." 3 digits (RFC 3463 §2).
inline constexpr std::size_t max_enhanced_status_length = 9;

// Does a code of `kind` stand just before pos, with blanks between? A reply
// code and its enhanced status code are written side by side, in either
// order ("550 5.1.1" as RFC 2034 §4 puts it, "smtp; 2.1.5 250 OK" in some
// MTAs' Diagnostic-Code), so each vouches for the other in running prose.
// The look-back is bounded by the longest code.
[[nodiscard]] constexpr bool code_before(std::string_view text, std::size_t pos, CodeKind kind) noexcept {
  std::size_t end = pos;
  while (end > 0 && is_space_or_tab(text[end - 1])) --end;
  if (end == pos) return false;
  std::size_t start = end;
  while (start > 0 && end - start <= max_enhanced_status_length &&
         (is_digit(text[start - 1]) || text[start - 1] == '.')) {
    --start;
  }
  if (start > 0 && (is_alnum(text[start - 1]) || text[start - 1] == '.')) return false;  // part of a longer token
  const std::string_view token = text.substr(start, end - start);
  if (kind == CodeKind::reply_code) {
    return token.size() == 3 && is_digit(token[0]) && is_digit(token[1]) && is_digit(token[2]) &&
           plausible_reply_digits(token);
  }
  std::size_t length = 0;
  const auto status = scan_enhanced_status(token, ParseMode::strict, length);
  return status && length == token.size();
}

// Does the reply code that ends at pos open a reply line, "550-Text" or
// "550-\"Text" or "550-5.1.1" (RFC 5321 §4.2: Reply-code "-" textstring)?
// Text that starts with a capital, a quote or a status: a range or a
// compound ("100-200", "450-page") never does.
[[nodiscard]] constexpr bool opens_reply_line(std::string_view text, std::size_t pos) noexcept {
  if (pos + 1 >= text.size() || text[pos] != '-') return false;
  const char c = text[pos + 1];
  if ((c >= 'A' && c <= 'Z') || c == '"' || c == '\'') return true;
  return is_digit(c) && pos + 2 < text.size() && text[pos + 2] == '.';
}

// May a code whose context is `before` stand in running prose? Right after
// a letter or digit, only if a word that introduces a reply ("said",
// "returned", "error" ...) or its partner code comes before it: "... has
// 450 ..." is a quantity and "wxPython 2.3.0" a version.
[[nodiscard]] constexpr bool introduced(std::string_view text, std::size_t pos, const WordBefore& before,
                                        CodeKind partner) noexcept {
  return !is_alnum(before.previous) || is_one_of(before.word, reply_intro_index) || code_before(text, pos, partner);
}

// Does the reply code that ends at pos have an enhanced status code of its
// class right after it, "421 4.2.1" (RFC 2034 §4: Reply-code SP
// Enhanced-status-code)? Such a pair is a reply wherever it stands.
[[nodiscard]] constexpr bool precedes_its_status(std::string_view text, std::size_t pos, ReplyCode code) noexcept {
  if (pos + 1 >= text.size() || text[pos] != ' ') return false;
  std::size_t length = 0;
  const auto status = scan_enhanced_status(text.substr(pos + 1), ParseMode::strict, length);
  return status && ends_a_token(text, pos + 1 + length, false) && status->class_digit() == code.first_digit();
}

// A code candidate at pos (a digit starting a token), or nothing. `end` is
// where scanning continues either way; `quoted` is is_quoted of the code's
// context, which BestCodeFinder needs and would otherwise look up again.
[[nodiscard]] constexpr bool candidate_at(std::string_view text, std::size_t pos, CodeMatch& match, std::size_t& end,
                                          bool& quoted) noexcept {
  std::size_t run = pos;
  while (run < text.size() && is_digit(text[run])) ++run;
  end = run;
  const std::size_t digits = run - pos;
  if (digits == 1 && run < text.size() && text[run] == '.') {
    if (!starts_a_token(text, pos, false)) return false;
    std::size_t length = 0;
    const auto status = scan_enhanced_status(text.substr(pos), ParseMode::strict, length);
    if (!status) return false;
    end = pos + length;
    if (!ends_a_token(text, end, false)) return false;
    const WordBefore before = word_before(text, pos);
    if (is_one_of(before.word, version_index)) return false;
    if (!introduced(text, pos, before, CodeKind::reply_code)) return false;
    quoted = is_quoted(before);
    match = CodeMatch{CodeKind::enhanced_status, pos, length, ReplyCode{}, *status};
    return true;
  }
  if (digits != 3 || !plausible_reply_digits(text.substr(pos, 3))) return false;
  if (!starts_a_token(text, pos, true) || !ends_a_token(text, run, true)) return false;
  std::size_t length = 0;
  const auto code = scan_reply_code(text.substr(pos, 3), ParseMode::lenient, length);
  if (!code) return false;
  const WordBefore before = word_before(text, pos);
  if (is_one_of(before.word, quantity_index)) return false;
  if (is_one_of(word_after(text, run), unit_index)) return false;
  if (!introduced(text, pos, before, CodeKind::enhanced_status) && !opens_reply_line(text, run) &&
      !precedes_its_status(text, run, *code)) {
    return false;
  }
  quoted = is_quoted(before);
  match = CodeMatch{CodeKind::reply_code, pos, 3, *code, EnhancedStatus{}};
  return true;
}

// The digits among the eight characters at p[0..7], all at once: a byte x
// is a digit when x ^ '0' is below 10, and subtracting 10 from every byte
// then sets its top bit (bytes of 0x80 and up have it set after the xor and
// are masked out by ~y). A borrow can flag a byte above a digit too, never
// one below, so the lowest flag is exact and the mask is zero without digits.
[[nodiscard]] constexpr std::uint64_t digit_flags8(const char* p) noexcept {
  // Written out so that compilers read the eight characters with one load.
  const auto at = [p](int i) noexcept { return std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i); };
  const std::uint64_t word = at(0) | at(1) | at(2) | at(3) | at(4) | at(5) | at(6) | at(7);
  const std::uint64_t y = word ^ 0x3030303030303030U;
  return (y - 0x0A0A0A0A0A0A0A0AU) & ~y & 0x8080808080808080U;
}

// Which byte (0 to 7) holds the lowest flag of a non-zero digit_flags8
// mask: a 1 in every byte below it, summed into the top byte.
[[nodiscard]] constexpr std::size_t first_flagged_byte(std::uint64_t flags) noexcept {
  const std::uint64_t lowest = flags & (~flags + 1);
  const std::uint64_t below = ((lowest >> 7) - 1) & 0x0101010101010101U;
  return static_cast<std::size_t>((below * 0x0101010101010101U) >> 56);
}

template <class Callback>
inline constexpr bool is_nothrow_scan_callback = noexcept(std::declval<Callback&>()(CodeMatch{}, false));

// Calls callback(match, quoted) for every code in text, in order, until it
// returns false (see candidate_at for `quoted`). Returns the number of
// matches reported.
template <class Callback>
constexpr std::size_t scan_codes(std::string_view text,
                                 Callback&& callback) noexcept(is_nothrow_scan_callback<Callback>) {
  std::size_t reported = 0;
  std::size_t pos = 0;
  const std::size_t size = text.size();
  for (;;) {
    // The hot loop, eight characters a step until a digit.
    std::uint64_t flags = 0;
    while (pos + 8 <= size && (flags = digit_flags8(text.data() + pos)) == 0) pos += 8;
    if (flags != 0) {
      pos += first_flagged_byte(flags);
    } else {
      while (pos < size && !is_digit(text[pos])) ++pos;
    }
    if (pos >= size) break;
    // Cheap filter first: only a lone digit before a dot or exactly three
    // digits can start a code, and not right after a letter, digit or dot.
    std::size_t run = pos + 1;
    while (run < size && is_digit(text[run])) ++run;
    const bool shape = (run - pos == 1 && run < size && text[run] == '.') || run - pos == 3;
    const char before = pos > 0 ? text[pos - 1] : ' ';
    if (!shape || is_alnum(before) || before == '.') {
      while (run < size && (is_digit(text[run]) || text[run] == '.')) ++run;
      pos = run;
      continue;
    }
    CodeMatch match;
    std::size_t end = pos;
    bool quoted = false;
    const bool found = candidate_at(text, pos, match, end, quoted);
    // A rejected dotted number is skipped whole, so its tail cannot match.
    while (!found && end < size && (is_digit(text[end]) || text[end] == '.')) ++end;
    pos = end > pos ? end : pos + 1;
    if (!found) continue;
    ++reported;
    if (!callback(match, quoted)) break;
  }
  return reported;
}

}  // namespace detail

// Calls callback(const CodeMatch&) for every code in text, in order. The
// callback returns bool (false stops the walk) or void (docs/api.md); the
// walk is noexcept exactly when the callback is. Returns the number of
// matches reported.
template <class Callback>
constexpr std::size_t for_each_code(std::string_view text, Callback&& callback) noexcept(
    detail::is_nothrow_walk_callback_v<Callback, CodeMatch>) {
  return detail::scan_codes(text, [&callback](const CodeMatch& match,
                                              bool) noexcept(detail::is_nothrow_walk_callback_v<Callback, CodeMatch>) {
    return detail::continue_walk(callback, match);
  });
}

// The first CodeMatches::capacity codes of text.
[[nodiscard]] constexpr CodeMatches find_all_codes(std::string_view text) noexcept {
  CodeMatches matches;
  for_each_code(text, [&matches](const CodeMatch& match) noexcept {
    if (matches.count == CodeMatches::capacity) {
      matches.truncated = true;
      return false;
    }
    matches.items[matches.count++] = match;
    return true;
  });
  return matches;
}

namespace detail {

// A code unit's half, built whole and then copied: std::optional's converting
// assignment is not constexpr before C++20, its trivial copy assignment is.
// (A member template here is "undefined" to clang 14 in constant expressions
// of the class's earlier members.)
template <class Code>
[[nodiscard]] constexpr std::optional<Located<Code>> located(Code code, std::size_t offset) noexcept {
  return Located<Code>{code, offset};
}

// A reply code, a status or both found next to each other, with a score.
struct CodeUnit {
  FoundCodes codes;
  int score = -1;
};

// The scores behind the best-match rules below. A lone code scores at most
// lone_code_score + failure_bonus + specific_status_bonus + inner_reply_bonus.
// A failure counts for more than a specific status, which counts for more
// than being quoted.
inline constexpr int lone_code_score = 10;
inline constexpr int failure_bonus = 4;
inline constexpr int specific_status_bonus = 2;
inline constexpr int inner_reply_bonus = 1;
// Any pair beats any lone code (rule 1) ...
inline constexpr int disagreeing_pair_score = 20;
// ... and a pair whose class agrees beats any pair that does not.
inline constexpr int agreeing_pair_score = 40;
inline constexpr int max_bonus = failure_bonus + specific_status_bonus + inner_reply_bonus;
static_assert(specific_status_bonus > inner_reply_bonus && failure_bonus > specific_status_bonus + inner_reply_bonus,
              "each rule outweighs every later one");
static_assert(lone_code_score + max_bonus < disagreeing_pair_score &&
                  disagreeing_pair_score + max_bonus < agreeing_pair_score,
              "a pair beats a lone code, an agreeing pair any other");

// Best-match rules, highest score wins, the first on a tie:
//  1. a reply code directly followed by a status ("550 5.1.1", "550-5.1.1")
//     or a status shortly before a reply code ("#5.7.1 (553 ...") beats a
//     code alone; a pair whose class agrees with the reply code's first
//     digit beats one that does not (RFC 3463 §2);
//  2. failures (4xx, 5xx, 4.x.x, 5.x.x) beat successes;
//  3. a specific status beats X.0.0;
//  4. a code right after a quote or after "said:" is the inner, quoted
//     reply, and beats an otherwise equal outer one.
// The missing half of the winner is then filled from the best lone code of
// the same class.
class BestCodeFinder {
  static constexpr std::size_t npos = std::string_view::npos;

 public:
  explicit constexpr BestCodeFinder(std::string_view text) noexcept : text_(text) {}

  // `quoted` as candidate_at reports it for the match.
  constexpr void add(const CodeMatch& match, bool quoted) noexcept {
    if (match.kind == CodeKind::enhanced_status) {
      if (has_pending_ && match.offset == pending_.offset + 4 &&
          (text_[match.offset - 1] == ' ' || text_[match.offset - 1] == '-')) {
        score_pair(pending_, match, pending_quoted_);
        remember_reply(pending_);
        has_pending_ = false;
        return;
      }
      flush();
      score_status(match, quoted);
      last_status_ = match;
      last_status_quoted_ = quoted;
      has_last_status_ = true;
      return;
    }
    flush();
    pending_ = match;
    pending_quoted_ = quoted;
    has_pending_ = true;
  }

  // Called after a reply code has been scored, so it counts for later ones only.
  constexpr void remember_reply(const CodeMatch& reply) noexcept {
    last_reply_end_ = reply.offset + reply.length;
    if (line_end_ != npos && line_end_ < last_reply_end_) line_end_ = npos;
  }

  [[nodiscard]] constexpr FoundCodes result() noexcept {
    flush();
    FoundCodes found = best_.codes;
    if (best_.score < 0) return found;
    if (found.reply_code && !found.enhanced_status) {
      const LoneCode& status = best_status_[slot_of(found.reply_code->code.first_digit())];
      if (status.score > 0) found.enhanced_status = located(status.enhanced_status, status.offset);
    } else if (found.enhanced_status && !found.reply_code) {
      const LoneCode& reply = best_reply_[slot_of(found.enhanced_status->code.class_digit())];
      if (reply.score > 0) found.reply_code = located(reply.reply_code, reply.offset);
    }
    return found;
  }

 private:
  // The best code of one class found alone; every member zero while there
  // is none, so that the tables start out as plain zeroed memory.
  struct LoneCode {
    int score = 0;
    std::size_t offset = 0;
    ReplyCode reply_code;
    EnhancedStatus enhanced_status;
  };

  // Reply codes found here start with 2 to 5 (plausible_reply_digits) and
  // statuses have class 2, 4 or 5 (RFC 3463 §3.1), so four slots suffice.
  [[nodiscard]] static constexpr std::size_t slot_of(unsigned digit) noexcept { return (digit - 2U) & 3U; }

  // A reply quoted after another one on the same line: "554 <a@b>... 550
  // Host unknown". Whether a line ends between the last reply and pos is
  // answered from a cursor that only moves forward (reply ends only grow),
  // so that all the calls together read the text once.
  [[nodiscard]] constexpr bool is_inner(std::size_t pos, bool quoted) noexcept {
    if (quoted) return true;
    if (last_reply_end_ == 0 || last_reply_end_ > pos) return false;
    if (line_end_ == npos) {
      std::size_t i = checked_to_ > last_reply_end_ ? checked_to_ : last_reply_end_;
      while (i < pos && text_[i] != '\n' && text_[i] != '\r') ++i;
      if (i < pos) line_end_ = i;
      if (i > checked_to_) checked_to_ = i;
    }
    return line_end_ == npos || line_end_ >= pos;
  }

  // A lone reply code still waiting for a status; pair it with a status
  // just before it, if any ("#5.0.0 smtp; 550", "5.7.1 (553 ...").
  constexpr void flush() noexcept {
    if (!has_pending_) return;
    has_pending_ = false;
    score_reply(pending_, pending_quoted_);
    remember_reply(pending_);
    if (!has_last_status_) return;
    // Between them only punctuation, blanks and the "smtp;" of a
    // Diagnostic-Code (RFC 3464 §2.3.6).
    constexpr std::string_view diagnostic_type = "smtp;";
    constexpr std::size_t max_gap = diagnostic_type.size() + 3;
    const std::size_t status_end = last_status_.offset + last_status_.length;
    if (pending_.offset < status_end || pending_.offset - status_end > max_gap) return;
    for (std::size_t i = status_end; i < pending_.offset; ++i) {
      if (!is_alnum(text_[i])) continue;
      if (!istarts_with(text_.substr(i), diagnostic_type)) return;
      i += diagnostic_type.size() - 1;
    }
    score_pair(pending_, last_status_, last_status_quoted_);
  }

  constexpr void consider(const CodeUnit& unit) noexcept {
    if (unit.score > best_.score) best_ = unit;
  }

  constexpr void score_reply(const CodeMatch& reply, bool quoted) noexcept {
    CodeUnit unit;
    unit.codes.reply_code = located(reply.reply_code, reply.offset);
    unit.score = lone_code_score + (reply.reply_code.is_failure() ? failure_bonus : 0) +
                 (is_inner(reply.offset, quoted) ? inner_reply_bonus : 0);
    consider(unit);
    LoneCode& slot = best_reply_[slot_of(reply.reply_code.first_digit())];
    if (unit.score > slot.score) {
      slot.score = unit.score;
      slot.offset = reply.offset;
      slot.reply_code = reply.reply_code;
    }
  }

  constexpr void score_status(const CodeMatch& status, bool quoted) noexcept {
    CodeUnit unit;
    unit.codes.enhanced_status = located(status.enhanced_status, status.offset);
    unit.score = lone_code_score + specificity(status.enhanced_status) +
                 (is_inner(status.offset, quoted) ? inner_reply_bonus : 0);
    consider(unit);
    LoneCode& slot = best_status_[slot_of(status.enhanced_status.class_digit())];
    if (unit.score > slot.score) {
      slot.score = unit.score;
      slot.offset = status.offset;
      slot.enhanced_status = status.enhanced_status;
    }
  }

  // `first_quoted`: whether the earlier of the two codes is quoted.
  constexpr void score_pair(const CodeMatch& reply, const CodeMatch& status, bool first_quoted) noexcept {
    CodeUnit unit;
    unit.codes.reply_code = located(reply.reply_code, reply.offset);
    unit.codes.enhanced_status = located(status.enhanced_status, status.offset);
    const bool agrees = reply.reply_code.first_digit() == status.enhanced_status.class_digit();
    const std::size_t first = reply.offset < status.offset ? reply.offset : status.offset;
    unit.score = (agrees ? agreeing_pair_score : disagreeing_pair_score) + specificity(status.enhanced_status) +
                 (is_inner(first, first_quoted) ? inner_reply_bonus : 0);
    consider(unit);
  }

  [[nodiscard]] static constexpr int specificity(EnhancedStatus status) noexcept {
    return (status.is_failure() ? failure_bonus : 0) +
           (status.subject_number() != 0 || status.detail() != 0 ? specific_status_bonus : 0);
  }

  std::string_view text_;
  CodeUnit best_;
  LoneCode best_reply_[4]{};   // by first digit, see slot_of
  LoneCode best_status_[4]{};  // by class digit, see slot_of
  CodeMatch pending_;
  CodeMatch last_status_;
  std::size_t last_reply_end_ = 0;
  // The first line break at or after last_reply_end_, once is_inner has met
  // one; and how far is_inner has looked for it.
  std::size_t line_end_ = npos;
  std::size_t checked_to_ = 0;
  bool has_pending_ = false;
  bool has_last_status_ = false;
  bool pending_quoted_ = false;
  bool last_status_quoted_ = false;
};

}  // namespace detail

// The reply code and enhanced status that best describe text, by the rules
// of detail::BestCodeFinder. find_all_codes and for_each_code list the rest.
[[nodiscard]] constexpr FoundCodes find_codes(std::string_view text) noexcept {
  detail::BestCodeFinder finder(text);
  detail::scan_codes(text, [&finder](const CodeMatch& match, bool quoted) noexcept {
    finder.add(match, quoted);
    return true;
  });
  return finder.result();
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_FIND_HPP
