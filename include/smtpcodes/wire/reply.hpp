#ifndef SMTPCODES_WIRE_REPLY_HPP
#define SMTPCODES_WIRE_REPLY_HPP

// A whole SMTP reply as it arrives on the wire: one or more lines, the reply
// code, the enhanced status code the text may begin with, and what was
// irregular about it. The lines are views into the input; nothing is
// allocated, and parse_whole_reply() works in constant expressions.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/owning_temporary.hpp>
#include <smtpcodes/detail/standard_parts.hpp>  // std::forward_iterator_tag
#include <smtpcodes/detail/vector_text.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/reply_code.hpp>
#include <smtpcodes/result.hpp>

namespace smtpcodes {
inline namespace v0 {

// How a reply is parsed. The defaults follow RFC 5321.
struct ReplyOptions {
  // strict: RFC 5321 §4.2 reply codes (2-5, 0-5, 0-9) and CRLF line endings.
  // lenient: any code 100-999, a bare LF ending a line, a TAB after the code.
  ParseMode mode = ParseMode::strict;
  // The longest line accepted, in octets, counting the code and the line
  // ending. RFC 5321 §4.5.3.1.5 sets 512; real servers send longer lines, so
  // raise it for them. A longer line is the error line_too_long.
  std::size_t max_line_length = 512;
  // Whether input that ends before the last line of the reply gives a reply
  // marked incomplete (true) or the error incomplete_reply (false).
  bool allow_incomplete = false;
};

// What is wrong with a reply when no reply can be given for it.
enum class ReplyErrorKind : std::uint8_t {
  empty_input = 1,
  invalid_reply_code,  // a line does not start with a reply code; code_error says why
  bare_line_feed,      // strict mode: a line ends in LF without CR (RFC 5321 §2.3.8)
  line_too_long,       // a line is longer than ReplyOptions::max_line_length
  too_many_lines,      // more lines than the reply type holds
  incomplete_reply,    // the input ends before the last line (ddd SP) of the reply
  trailing_data,       // parse_whole_reply: something follows the last line
  buffer_full,         // a stream: the reply does not fit the buffer
};

[[nodiscard]] constexpr std::string_view name(ReplyErrorKind kind) noexcept {
  switch (kind) {
    case ReplyErrorKind::empty_input: return "empty_input";
    case ReplyErrorKind::invalid_reply_code: return "invalid_reply_code";
    case ReplyErrorKind::bare_line_feed: return "bare_line_feed";
    case ReplyErrorKind::line_too_long: return "line_too_long";
    case ReplyErrorKind::too_many_lines: return "too_many_lines";
    case ReplyErrorKind::incomplete_reply: return "incomplete_reply";
    case ReplyErrorKind::trailing_data: return "trailing_data";
    case ReplyErrorKind::buffer_full: return "buffer_full";
  }
  return "unknown_error";
}

[[nodiscard]] constexpr std::string_view message(ReplyErrorKind kind) noexcept {
  switch (kind) {
    case ReplyErrorKind::empty_input: return "the input is empty";
    case ReplyErrorKind::invalid_reply_code: return "a reply line does not start with a valid reply code";
    case ReplyErrorKind::bare_line_feed:
      return "a line ends in a bare LF; SMTP lines end in CRLF (RFC 5321 section 2.3.8)";
    case ReplyErrorKind::line_too_long: return "a reply line is longer than the configured limit";
    case ReplyErrorKind::too_many_lines: return "the reply has more lines than the reply type can hold";
    case ReplyErrorKind::incomplete_reply: return "the input ends before the last line of the reply";
    case ReplyErrorKind::trailing_data: return "unexpected data after the last line of the reply";
    case ReplyErrorKind::buffer_full: return "the reply does not fit in the stream's buffer";
  }
  return "unknown error";
}

struct ReplyError {
  ReplyErrorKind kind{ReplyErrorKind::empty_input};
  std::size_t offset{0};        // from the start of the reply: the offending line, or byte
  std::size_t line{0};          // 0-based index of the offending line
  ParseErrorKind code_error{};  // for invalid_reply_code: what the code scanner found
  // The lines the error took from the input, from the start of the reply to
  // where parsing resumes, a line cut off by the end of the input included.
  // After too_many_lines or buffer_full that is the whole reply: parsing
  // resumes after its last line, at the start of the next reply.
  std::size_t dropped_lines{0};

  friend constexpr bool operator==(const ReplyError& a, const ReplyError& b) noexcept {
    return a.kind == b.kind && a.offset == b.offset && a.line == b.line && a.code_error == b.code_error &&
           a.dropped_lines == b.dropped_lines;
  }
  friend constexpr bool operator!=(const ReplyError& a, const ReplyError& b) noexcept { return !(a == b); }
};

[[nodiscard]] constexpr std::string_view message(const ReplyError& error) noexcept {
  return error.kind == ReplyErrorKind::invalid_reply_code ? message(error.code_error) : message(error.kind);
}

// Irregularities a reply can carry and still be parsed. Each is one bit of
// ReplyDiagnostics. Those marked "RFC" break a MUST of the cited RFC (see
// ReplyDiagnostics::violations); the others are worth knowing but legal.
enum class ReplyDiagnostic : std::uint8_t {
  reply_codes_differ,              // RFC 5321 §4.2.1: a continuation line has another code than the last line
  non_standard_code,               // RFC 5321 §4.2: a code outside 2-5/0-5/0-9 (lenient only)
  irregular_separator,             // RFC 5321 §4.2: TAB, CR or LF right after the code (lenient only)
  bare_line_feed,                  // RFC 5321 §2.3.8: a line ends in LF alone (lenient only)
  missing_line_ending,             // RFC 5321 §4.2: the last line has no CRLF (the input ended)
  enhanced_class_mismatch,         // RFC 3463 §2: the class of an enhanced code is not the reply's first digit
  enhanced_missing_on_some_lines,  // RFC 2034 §4: some lines begin with an enhanced code, others not
  enhanced_statuses_differ,        // the lines carry different enhanced codes
  malformed_enhanced_status,       // a line's text starts like an enhanced code ("5.1", "5.1.1x") but is not one
  control_characters,              // RFC 5321 §4.2: text holds control bytes other than TAB (NUL counts too)
  nul_character,                   // text holds a NUL byte, which C strings would cut off
  non_ascii_text,                  // octets above 127; legal UTF-8 under RFC 6531 (SMTPUTF8)
  invalid_utf8,                    // RFC 6531 §3.7.4: the non-ASCII text is not well-formed UTF-8
  empty_text,                      // a line has no text after its code (legal, e.g. a bare "250")
  reply_code_in_text,              // a line's text begins with a reply code, as in Exim's "503-503 ..."
};

inline constexpr std::size_t reply_diagnostic_count = 15;
static_assert(static_cast<std::size_t>(ReplyDiagnostic::reply_code_in_text) + 1 == reply_diagnostic_count,
              "reply_diagnostic_count counts every ReplyDiagnostic");

[[nodiscard]] constexpr std::string_view name(ReplyDiagnostic diagnostic) noexcept {
  switch (diagnostic) {
    case ReplyDiagnostic::reply_codes_differ: return "reply_codes_differ";
    case ReplyDiagnostic::non_standard_code: return "non_standard_code";
    case ReplyDiagnostic::irregular_separator: return "irregular_separator";
    case ReplyDiagnostic::bare_line_feed: return "bare_line_feed";
    case ReplyDiagnostic::missing_line_ending: return "missing_line_ending";
    case ReplyDiagnostic::enhanced_class_mismatch: return "enhanced_class_mismatch";
    case ReplyDiagnostic::enhanced_missing_on_some_lines: return "enhanced_missing_on_some_lines";
    case ReplyDiagnostic::enhanced_statuses_differ: return "enhanced_statuses_differ";
    case ReplyDiagnostic::malformed_enhanced_status: return "malformed_enhanced_status";
    case ReplyDiagnostic::control_characters: return "control_characters";
    case ReplyDiagnostic::nul_character: return "nul_character";
    case ReplyDiagnostic::non_ascii_text: return "non_ascii_text";
    case ReplyDiagnostic::invalid_utf8: return "invalid_utf8";
    case ReplyDiagnostic::empty_text: return "empty_text";
    case ReplyDiagnostic::reply_code_in_text: return "reply_code_in_text";
  }
  return "unknown_diagnostic";
}

// A set of ReplyDiagnostic, one bit each.
class ReplyDiagnostics {
 public:
  constexpr ReplyDiagnostics() noexcept = default;

  [[nodiscard]] constexpr bool has(ReplyDiagnostic diagnostic) const noexcept { return (bits_ & bit(diagnostic)) != 0; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
  constexpr void add(ReplyDiagnostic diagnostic) noexcept { bits_ |= bit(diagnostic); }

  // The diagnostics that break a MUST of RFC 5321, 3463, 2034 or 6531.
  [[nodiscard]] constexpr ReplyDiagnostics violations() const noexcept {
    const std::uint32_t mask =
        bit(ReplyDiagnostic::reply_codes_differ) | bit(ReplyDiagnostic::non_standard_code) |
        bit(ReplyDiagnostic::irregular_separator) | bit(ReplyDiagnostic::bare_line_feed) |
        bit(ReplyDiagnostic::missing_line_ending) | bit(ReplyDiagnostic::enhanced_class_mismatch) |
        bit(ReplyDiagnostic::enhanced_missing_on_some_lines) | bit(ReplyDiagnostic::control_characters) |
        bit(ReplyDiagnostic::nul_character) | bit(ReplyDiagnostic::invalid_utf8);
    ReplyDiagnostics result;
    result.bits_ = bits_ & mask;
    return result;
  }

  friend constexpr bool operator==(ReplyDiagnostics a, ReplyDiagnostics b) noexcept { return a.bits_ == b.bits_; }
  friend constexpr bool operator!=(ReplyDiagnostics a, ReplyDiagnostics b) noexcept { return a.bits_ != b.bits_; }

  // The diagnostics in the set, in the order of ReplyDiagnostic.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ReplyDiagnostic;
    using difference_type = std::ptrdiff_t;
    using pointer = const ReplyDiagnostic*;
    using reference = ReplyDiagnostic;

    constexpr iterator() noexcept = default;
    constexpr explicit iterator(std::uint32_t remaining) noexcept : remaining_(remaining) {}
    constexpr ReplyDiagnostic operator*() const noexcept {
      unsigned lowest = 0;
      while ((remaining_ >> lowest & 1U) == 0) ++lowest;
      return static_cast<ReplyDiagnostic>(lowest);
    }
    constexpr iterator& operator++() noexcept {
      remaining_ &= remaining_ - 1;
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.remaining_ == b.remaining_; }
    friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.remaining_ != b.remaining_; }

   private:
    std::uint32_t remaining_ = 0;
  };
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator{bits_}; }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator{}; }
  [[nodiscard]] constexpr std::size_t size() const noexcept {
    std::size_t count = 0;
    for (std::uint32_t rest = bits_; rest != 0; rest &= rest - 1) ++count;
    return count;
  }

 private:
  static constexpr std::uint32_t bit(ReplyDiagnostic diagnostic) noexcept {
    return std::uint32_t{1} << static_cast<unsigned>(diagnostic);
  }
  std::uint32_t bits_ = 0;
};

// One line of a reply.
struct ReplyLine {
  // After "ddd-" or "ddd SP", without the line ending: "5.1.1 User unknown".
  std::string_view text;
  // text less a leading enhanced status code and the spaces after it.
  std::string_view message;
  // The enhanced status code this line begins with (RFC 2034 §4); empty
  // (class_digit() == 0) when it has none.
  EnhancedStatus enhanced_status;
  ReplyCode code;  // as written on this line
};

namespace detail {

// A line as BasicReply keeps it. Trivially default constructible, so the
// slots of a reply need no setup: each is written when its line is scanned,
// and a one-line reply costs one slot, not max_lines.
struct ReplyLineSlot {
  const char* text;
  std::size_t text_size;
  std::size_t message_start;  // in text
  std::uint16_t code;
  std::uint16_t subject;
  std::uint16_t detail;
  std::uint8_t status_class;  // 0: no enhanced status code
};

[[nodiscard]] constexpr ReplyLine line_of(const ReplyLineSlot& slot) noexcept {
  ReplyLine line;
  line.text = std::string_view(slot.text, slot.text_size);
  line.message = std::string_view(slot.text + slot.message_start, slot.text_size - slot.message_start);
  line.enhanced_status =
      slot.status_class == 0 ? EnhancedStatus{} : make_enhanced_status(slot.status_class, slot.subject, slot.detail);
  line.code = make_reply_code(slot.code);
  return line;
}

[[nodiscard]] constexpr ReplyLineSlot slot_of(const ReplyLine& line) noexcept {
  return ReplyLineSlot{line.text.data(),
                       line.text.size(),
                       line.text.size() - line.message.size(),
                       line.code.value(),
                       line.enhanced_status.subject_number(),
                       line.enhanced_status.detail(),
                       line.enhanced_status.class_digit()};
}

}  // namespace detail

// Where Reply::enhanced_status() came from.
enum class EnhancedStatusSource : std::uint8_t {
  none,     // the reply carries no enhanced status code
  given,    // the server sent it at the start of the text (RFC 2034)
  derived,  // not sent, derived from the reply code by the registry
};

[[nodiscard]] constexpr std::string_view name(EnhancedStatusSource source) noexcept {
  switch (source) {
    case EnhancedStatusSource::none: return "none";
    case EnhancedStatusSource::given: return "given";
    case EnhancedStatusSource::derived: return "derived";
  }
  return "none";
}

template <std::size_t MaxLines>
class BasicReply;
namespace detail {
enum class ReplyLineStep : std::uint8_t;
template <std::size_t MaxLines>
constexpr void begin_reply(BasicReply<MaxLines>& reply) noexcept;
template <std::size_t MaxLines>
constexpr ReplyLineStep scan_reply_line(BasicReply<MaxLines>& reply, std::string_view input, std::size_t start,
                                        std::size_t feed, std::size_t index, const ReplyOptions& options,
                                        ReplyError& error) noexcept;
template <std::size_t MaxLines>
bool scan_plain_reply_line(BasicReply<MaxLines>& reply, std::string_view input, std::size_t start, std::size_t index,
                           const ReplyOptions& options, std::size_t& next, bool& last) noexcept;
template <std::size_t MaxLines>
constexpr void end_reply(BasicReply<MaxLines>& reply, std::string_view raw, std::size_t line_count,
                         bool complete) noexcept;
struct PlainLine;
template <std::size_t MaxLines>
void set_plain_line_reply(BasicReply<MaxLines>& reply, std::string_view raw, const PlainLine& line) noexcept;
template <std::size_t MaxLines>
constexpr void rebase_reply(BasicReply<MaxLines>& reply, const char* raw) noexcept;
}  // namespace detail

// A parsed reply holding up to MaxLines lines by value. Reply (32 lines) fits
// any EHLO reply seen in practice; a longer reply is the error too_many_lines,
// so pick a larger MaxLines for peers that need it.
template <std::size_t MaxLines>
class BasicReply {
  static_assert(MaxLines >= 1, "a reply has at least one line");

 public:
  static constexpr std::size_t max_lines = MaxLines;

  // User-provided, so that a value-initialized reply (BasicReply{}, a
  // Result's value) does not zero its kilobyte of line slots first.
  constexpr BasicReply() noexcept {}  // NOLINT(modernize-use-equals-default)

  // The reply code of the last line (RFC 5321 §4.2.1: all lines should agree;
  // reply_codes_differ says when they do not).
  [[nodiscard]] constexpr ReplyCode code() const noexcept { return code_; }

  // The enhanced status code of the first line that has one (or the derived
  // one); empty when enhanced_status_source() is none.
  [[nodiscard]] constexpr EnhancedStatus enhanced_status() const noexcept { return enhanced_status_; }
  [[nodiscard]] constexpr bool has_enhanced_status() const noexcept { return source_ != EnhancedStatusSource::none; }
  // given or none from the parser; derived after add_derived_enhanced_status()
  // (derived_reply.hpp) or set_derived_enhanced_status().
  [[nodiscard]] constexpr EnhancedStatusSource enhanced_status_source() const noexcept { return source_; }

  [[nodiscard]] constexpr std::size_t line_count() const noexcept { return line_count_; }
  // Precondition: index < line_count(). The line is made from its slot on
  // each call: cheap, and a value.
  [[nodiscard]] constexpr ReplyLine line(std::size_t index) const noexcept {
    return detail::line_of(slots_.lines[index]);
  }

  // The lines in order.
  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ReplyLine;
    using difference_type = std::ptrdiff_t;
    using pointer = const ReplyLine*;
    using reference = ReplyLine;

    // What operator-> gives: the line, held by value.
    struct arrow {
      ReplyLine line;
      constexpr const ReplyLine* operator->() const noexcept { return &line; }
    };

    constexpr iterator() noexcept = default;
    constexpr iterator(const BasicReply* reply, std::size_t index) noexcept : reply_(reply), index_(index) {}
    constexpr ReplyLine operator*() const noexcept { return reply_->line(index_); }
    constexpr arrow operator->() const noexcept { return arrow{reply_->line(index_)}; }
    constexpr iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++index_;
      return before;
    }
    friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.index_ == b.index_; }
    friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.index_ != b.index_; }

   private:
    const BasicReply* reply_ = nullptr;
    std::size_t index_ = 0;
  };
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator{this, 0}; }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator{this, line_count_}; }

  // Whether the last line (ddd SP or a bare ddd) was seen. Only a reply
  // parsed with allow_incomplete, or a stream's last reply when the peer
  // closed the connection mid-reply, can be incomplete.
  [[nodiscard]] constexpr bool complete() const noexcept { return complete_; }
  [[nodiscard]] constexpr ReplyDiagnostics diagnostics() const noexcept { return diagnostics_; }
  // The bytes of the reply, line endings included.
  [[nodiscard]] constexpr std::string_view raw() const noexcept { return raw_; }

  // Records an enhanced status code derived from the reply code (the hook
  // for the registry); a reply that carries one keeps it.
  constexpr void set_derived_enhanced_status(EnhancedStatus status) noexcept {
    if (source_ != EnhancedStatusSource::none) return;
    enhanced_status_ = status;
    source_ = EnhancedStatusSource::derived;
  }

 private:
  // The parser's steps, shared by scan_reply() and the stream.
  template <std::size_t N>
  friend constexpr void detail::begin_reply(BasicReply<N>&) noexcept;
  template <std::size_t N>
  friend constexpr detail::ReplyLineStep detail::scan_reply_line(BasicReply<N>&, std::string_view, std::size_t,
                                                                 std::size_t, std::size_t, const ReplyOptions&,
                                                                 ReplyError&) noexcept;
  template <std::size_t N>
  friend bool detail::scan_plain_reply_line(BasicReply<N>&, std::string_view, std::size_t, std::size_t,
                                            const ReplyOptions&, std::size_t&, bool&) noexcept;
  template <std::size_t N>
  friend constexpr void detail::end_reply(BasicReply<N>&, std::string_view, std::size_t, bool) noexcept;
  template <std::size_t N>
  friend constexpr void detail::rebase_reply(BasicReply<N>&, const char*) noexcept;
  template <std::size_t N>
  friend void detail::set_plain_line_reply(BasicReply<N>&, std::string_view, const detail::PlainLine&) noexcept;

  // At run time the slots start unset (a union's other member is the one
  // set up); in a constant expression they start zeroed, which C++17 needs.
  // A slot is written whole, with a trivial assignment, before it is read.
  union Slots {
    struct Zeroed {};
    constexpr Slots() noexcept : unset() {}
    constexpr explicit Slots(Zeroed /*tag*/) noexcept : lines{} {}
    char unset;
    detail::ReplyLineSlot lines[MaxLines];
  };
  Slots slots_ = SMTPCODES_CONSTANT_EVALUATED() ? Slots(typename Slots::Zeroed{}) : Slots();
  std::string_view raw_{};
  std::size_t line_count_ = 0;
  ReplyDiagnostics diagnostics_{};
  EnhancedStatus enhanced_status_{};
  ReplyCode code_{};
  EnhancedStatusSource source_ = EnhancedStatusSource::none;
  bool complete_ = false;
};

using Reply = BasicReply<32>;

namespace detail {

// What the start of one line (without its ending) says.
struct ReplyLineHead {
  ReplyCode code;
  bool last = false;       // "ddd SP", a bare "ddd" (or lenient TAB/CR/LF)
  bool irregular = false;  // lenient: TAB, CR or LF after the code
  std::string_view text;   // after the separator
};

// Reads the code and separator of one line (its ending already removed).
[[nodiscard]] constexpr Result<ReplyLineHead> scan_reply_line_head(std::string_view line, ParseMode mode) noexcept {
  std::size_t end = 0;
  const Result<ReplyCode> code = scan_reply_code(line, mode, end);
  if (!code) return code.error();
  ReplyLineHead head;
  head.code = *code;
  if (end == line.size()) {
    head.last = true;
    return head;
  }
  const char separator = line[end];
  head.last = separator != '-';
  head.irregular = separator != '-' && separator != ' ';
  head.text = std::string_view(line.data() + end + 1, line.size() - end - 1);
  return head;
}

// The offset of the first LF at or after from, or npos. At run time
// memchr, which reads many bytes at a time: finding line ends is most of what
// a stream of replies costs.
[[nodiscard]] constexpr std::size_t find_line_feed(std::string_view input, std::size_t from) noexcept {
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
    if (from >= input.size()) return std::string_view::npos;
    const void* feed = std::memchr(input.data() + from, '\n', input.size() - from);
    return feed == nullptr ? std::string_view::npos
                           : static_cast<std::size_t>(static_cast<const char*>(feed) - input.data());
  }
  for (std::size_t i = from; i < input.size(); ++i) {
    if (input[i] == '\n') return i;
  }
  return std::string_view::npos;
}

// Length of a well-formed UTF-8 sequence at text[i] (RFC 3629 §4), 0 if none.
[[nodiscard]] constexpr std::size_t utf8_sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - i < length) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// True if each of the eight bytes of word is printable ASCII, %x20-7E: no
// byte below 0x20 (the classic borrow test, exact for "is there such a
// byte"), and none at or above 0x7F: adding 1 to each byte sets the high
// bit of 0x7F and keeps that of 0x80-FF; only 0xFF carries into the next
// byte, and it is already caught.
[[nodiscard]] constexpr bool all_printable_ascii(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101U;
  constexpr std::uint64_t highs = 0x8080808080808080U;
  const std::uint64_t below_space = (word - ones * 0x20) & ~word;
  return ((word | (word + ones) | below_space) & highs) == 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
// Sixteen bytes at a time (the vector types of detail/vector_text.hpp).
#define SMTPCODES_DETAIL_VECTOR_TEXT 1
#endif

// The steps run once per line of a stream: inlined into their callers, they
// save a tenth of a stream's instructions.
#if defined(__GNUC__)
#define SMTPCODES_DETAIL_INLINE_STEP __attribute__((always_inline))
#define SMTPCODES_DETAIL_OUT_OF_LINE __attribute__((noinline))
#else
#define SMTPCODES_DETAIL_INLINE_STEP
#define SMTPCODES_DETAIL_OUT_OF_LINE
#endif

// The offset of the first byte at or after from that is not printable
// ASCII (%x20-7E), or size if there is none: where a line's plain text stops,
// at its CR or LF or at a byte to report. At run time only. It reads several
// bytes at a time, but never outside data[0, size), and never in a 4 KiB
// page (the smallest page size) after the one that holds the answer: a
// parser reads only the lines it needs, even of input that ends in a guard
// page.
#if defined(__GNUC__) && !defined(__clang__)
// g++ 12 at -O3, inlining this into a caller with a short constant buffer,
// warns that the sixteen-byte reads may pass its end: the loops read them
// only while at least sixteen bytes remain, which it does not follow.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline std::size_t find_text_stop(const char* data, std::size_t from,
                                                                             std::size_t size) noexcept {
  constexpr std::uintptr_t page = 4096;
#ifdef SMTPCODES_DETAIL_VECTOR_TEXT
  constexpr std::size_t step = 16;
  // A bit for each byte of the sixteen at data[at] that is printable: as
  // signed bytes plus one, %x20-7E are 0x21-7F and every other byte (0x7F and
  // 0x80-FF wrap round) is 0x20 or less.
  const auto plain = [data](std::size_t at) {
    vector_unsigned_bytes bytes;
    std::memcpy(&bytes, data + at, sizeof bytes);
    const vector_bytes printable = reinterpret_cast<vector_bytes>(bytes + 1) > 0x20;
    return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(printable)));
  };
  const auto stops = [&plain](std::size_t at) { return plain(at) ^ 0xFFFFU; };
#else
  constexpr std::size_t step = 8;
#endif
  while (from < size) {
    // The bytes up to the end of from's page, or of the input.
    const std::size_t room = page - (reinterpret_cast<std::uintptr_t>(data + from) & (page - 1));
    const std::size_t end = size - from > room ? from + room : size;
#ifdef SMTPCODES_DETAIL_VECTOR_TEXT
    // Two steps at a time over long text (bounce lines).
    for (; end - from >= 2 * step; from += 2 * step) {
      const unsigned mask = ~(plain(from) | plain(from + step) << step);
      if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    for (; end - from >= step; from += step) {
#ifdef SMTPCODES_DETAIL_VECTOR_TEXT
      const unsigned mask = stops(from);
      if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
#else
      std::uint64_t word = 0;
      std::memcpy(&word, data + from, sizeof word);
      if (!all_printable_ascii(word)) break;
#endif
    }
#ifdef SMTPCODES_DETAIL_VECTOR_TEXT
    if (from != end && end >= step) {
      // The sixteen bytes that end there, less those before from (read
      // already, or in from's page).
      const unsigned mask = stops(end - step) >> (step - (end - from));
      if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
      from = end;
      continue;
    }
#endif
    for (; from < end; ++from) {
      const auto byte = static_cast<unsigned char>(data[from]);
      if (byte < 0x20 || byte >= 0x7F) return from;
    }
  }
  return size;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

constexpr void check_text_bytes(std::string_view text, ReplyDiagnostics& diagnostics) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    // At run time, plain text (the common case: nothing to report) is
    // skipped many bytes at a time.
    if (!SMTPCODES_CONSTANT_EVALUATED()) {
      i = find_text_stop(text.data(), i, text.size());
      if (i == text.size()) break;
    }
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (byte == 0) diagnostics.add(ReplyDiagnostic::nul_character);
      // RFC 5321 §4.1.2: textstring is HT and printable ASCII.
      if ((byte < 0x20 && byte != '\t') || byte == 0x7F) diagnostics.add(ReplyDiagnostic::control_characters);
      ++i;
      continue;
    }
    diagnostics.add(ReplyDiagnostic::non_ascii_text);
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      diagnostics.add(ReplyDiagnostic::invalid_utf8);
      ++i;
    } else {
      i += length;
    }
  }
}

// Splits an enhanced status code (RFC 2034 §4: status-code SP text) off the
// start of a line's text into line.
constexpr void split_enhanced_status(ReplyLine& line, ParseMode mode, ReplyDiagnostics& diagnostics) noexcept {
  const std::string_view text = line.text;
  line.message = text;
  // Only text shaped like "d." is a candidate; anything else is plain text.
  if (text.size() < 2 || !is_digit(text[0]) || text[1] != '.') return;
  std::size_t end = 0;
  const Result<EnhancedStatus> status = scan_enhanced_status(text, mode, end);
  const bool separated = end == text.size() || text[end] == ' ' || (mode == ParseMode::lenient && text[end] == '\t');
  if (!status || !separated) {
    diagnostics.add(ReplyDiagnostic::malformed_enhanced_status);
    return;
  }
  line.enhanced_status = *status;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  line.message = text.substr(end);
}

// "503 ..." inside the text of a line (Exim repeats the code).
[[nodiscard]] constexpr bool starts_with_reply_code(std::string_view text) noexcept {
  if (text.size() < 3 || !is_digit(text[0]) || !is_digit(text[1]) || !is_digit(text[2])) return false;
  return text.size() == 3 || text[3] == ' ' || text[3] == '-';
}

}  // namespace detail

namespace detail {

// What scan_reply_line() made of one line.
enum class ReplyLineStep : std::uint8_t { more, last, error };

// Starts a reply in reply, which may hold an earlier one: a stream reuses
// its replies. Each line scanned overwrites its slot; the slots after
// line_count() are left as they were (nobody reads them), so nothing of
// BasicReply's size is cleared or copied.
template <std::size_t MaxLines>
constexpr void begin_reply(BasicReply<MaxLines>& reply) noexcept {
  reply.diagnostics_ = ReplyDiagnostics{};
  reply.enhanced_status_ = EnhancedStatus{};
  reply.source_ = EnhancedStatusSource::none;
  reply.complete_ = false;
}

// Scans line number index of a reply: input[start, feed], feed being its LF
// or npos when the input ends without one. Whole replies and the stream
// both go through here, line by line, so they agree on any input.
template <std::size_t MaxLines>
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP constexpr ReplyLineStep scan_reply_line(
    BasicReply<MaxLines>& reply, std::string_view input, std::size_t start, std::size_t feed, std::size_t index,
    const ReplyOptions& options, ReplyError& error) noexcept {
  const bool terminated = feed != std::string_view::npos;
  const std::size_t next = terminated ? feed + 1 : input.size();
  // Before the line's length: the whole reply goes with too_many_lines.
  if (index == MaxLines) {
    error = ReplyError{ReplyErrorKind::too_many_lines, start, index, {}, index + 1};
    return ReplyLineStep::error;
  }
  if (next - start > options.max_line_length) {
    error = ReplyError{ReplyErrorKind::line_too_long, start, index, {}, index + 1};
    return ReplyLineStep::error;
  }
  std::size_t content_end = next;
  if (terminated) {
    content_end = feed;
    if (feed > start && input[feed - 1] == '\r') {
      --content_end;
    } else if (options.mode == ParseMode::strict) {
      error = ReplyError{ReplyErrorKind::bare_line_feed, feed, index, {}, index + 1};
      return ReplyLineStep::error;
    } else {
      reply.diagnostics_.add(ReplyDiagnostic::bare_line_feed);
    }
  } else {
    reply.diagnostics_.add(ReplyDiagnostic::missing_line_ending);
  }
  const std::string_view content(input.data() + start, content_end - start);
  const Result<ReplyLineHead> head = scan_reply_line_head(content, options.mode);
  if (!head) {
    error = ReplyError{ReplyErrorKind::invalid_reply_code, start + head.error().offset, index, head.error().kind,
                       index + 1};
    return ReplyLineStep::error;
  }
  ReplyLine line;
  line.code = head->code;
  line.text = head->text;
  if (head->irregular) reply.diagnostics_.add(ReplyDiagnostic::irregular_separator);
  // A code that passed the strict scanner is standard.
  if (options.mode == ParseMode::lenient && !head->code.is_standard()) {
    reply.diagnostics_.add(ReplyDiagnostic::non_standard_code);
  }
  if (line.text.empty()) reply.diagnostics_.add(ReplyDiagnostic::empty_text);
  if (starts_with_reply_code(line.text)) reply.diagnostics_.add(ReplyDiagnostic::reply_code_in_text);
  check_text_bytes(line.text, reply.diagnostics_);
  split_enhanced_status(line, options.mode, reply.diagnostics_);
  reply.slots_.lines[index] = slot_of(line);
  return head->last ? ReplyLineStep::last : ReplyLineStep::more;
}

// Whether a line ends a reply, by the start of its content (the line less
// its LF and a CR before it): a valid code and no "-" after it. Five bytes of
// content decide it as the whole content would (scan_reply_code reads no
// further). Used to find the end of a reply that is dropped.
[[nodiscard]] constexpr bool line_ends_reply(std::string_view content_start, ParseMode mode) noexcept {
  const Result<ReplyLineHead> head = scan_reply_line_head(content_start, mode);
  return head && head->last;
}

// The content of input[start, feed) as far as line_ends_reply() needs it
// (feed is the line's LF, or npos).
[[nodiscard]] constexpr std::string_view line_content_start(std::string_view input, std::size_t start,
                                                            std::size_t feed) noexcept {
  std::size_t end = feed == std::string_view::npos ? input.size() : feed;
  if (feed != std::string_view::npos && end > start && input[end - 1] == '\r') --end;
  return input.substr(start, end - start < 5 ? end - start : 5);
}

// Drops the lines of a reply from input[start] on, up to and including the
// first one that ends it; returns where the next reply starts (or the end of
// the input) and counts the lines dropped into dropped.
[[nodiscard]] constexpr std::size_t skip_to_next_reply(std::string_view input, std::size_t start, ParseMode mode,
                                                       std::size_t& dropped) noexcept {
  while (start < input.size()) {
    const std::size_t feed = find_line_feed(input, start);
    ++dropped;
    if (feed == std::string_view::npos) return input.size();
    const bool last = line_ends_reply(line_content_start(input, start, feed), mode);
    start = feed + 1;
    if (last) break;
  }
  return start;
}

// One part of an enhanced status code in the text of a plain line: one to
// three digits, without a leading zero when strict (RFC 3463 §2). byte(k)
// is byte k of the text, or CR at its end: the CR stops every run of
// digits, so no bound is tested here; pos moves past the digits.
template <class Byte>
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool read_status_part(const Byte& byte, std::size_t& pos,
                                                                        ParseMode mode, std::uint16_t& value) noexcept {
  const unsigned first = static_cast<unsigned char>(byte(pos)) - unsigned{'0'};
  if (first > 9) return false;
  const unsigned second = static_cast<unsigned char>(byte(pos + 1)) - unsigned{'0'};
  if (second > 9) {
    value = static_cast<std::uint16_t>(first);
    pos += 1;
    return true;
  }
  const unsigned third = static_cast<unsigned char>(byte(pos + 2)) - unsigned{'0'};
  if (third > 9) {
    value = static_cast<std::uint16_t>(first * 10 + second);
    pos += 2;
  } else {
    if (is_digit(byte(pos + 3))) return false;
    value = static_cast<std::uint16_t>(first * 100 + second * 10 + third);
    pos += 3;
  }
  return first != 0 || mode == ParseMode::lenient;
}

// read_status_part() over text followed by its CR.
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool read_plain_status_part(const char* text, std::size_t& pos,
                                                                              ParseMode mode,
                                                                              std::uint16_t& value) noexcept {
  const unsigned first = static_cast<unsigned char>(text[pos]) - unsigned{'0'};
  if (first > 9) return false;
  const unsigned second = static_cast<unsigned char>(text[pos + 1]) - unsigned{'0'};
  if (second > 9) {
    value = static_cast<std::uint16_t>(first);
    pos += 1;
    return true;
  }
  const unsigned third = static_cast<unsigned char>(text[pos + 2]) - unsigned{'0'};
  if (third > 9) {
    value = static_cast<std::uint16_t>(first * 10 + second);
    pos += 2;
  } else {
    if (is_digit(text[pos + 3])) return false;
    value = static_cast<std::uint16_t>(first * 100 + second * 10 + third);
    pos += 3;
  }
  return first != 0 || mode == ParseMode::lenient;
}

// The common line, at run time: a standard code (RFC 5321 §4.2), SP or
// "-", printable ASCII text and CRLF, within the limits. Finds the line's
// end and checks its text in one pass, instead of memchr and then
// scan_reply_line(). Returns false, with reply untouched, for any other line
// (or one whose CRLF is not in input yet), which scan_reply_line() takes;
// otherwise sets next past the LF and last, with the same effect on reply
// as scan_reply_line() would have.
template <std::size_t MaxLines>
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool scan_plain_reply_line(BasicReply<MaxLines>& reply,
                                                                             std::string_view input, std::size_t start,
                                                                             std::size_t index,
                                                                             const ReplyOptions& options,
                                                                             std::size_t& next, bool& last) noexcept {
  const char* const data = input.data();
  const std::size_t size = input.size();
  if (size - start < 6 || index == MaxLines || options.max_line_length < 6) return false;
  // The strict grammar %x32-35 %x30-35 %x30-39: such a code reads the same in
  // both modes, and is standard.
  // Byte by byte: a byte is read only if those before it belong to the line.
  const unsigned first = static_cast<unsigned char>(data[start]) - unsigned{'2'};
  if (first > 3) return false;
  const unsigned second = static_cast<unsigned char>(data[start + 1]) - unsigned{'0'};
  if (second > 5) return false;
  const unsigned third = static_cast<unsigned char>(data[start + 2]) - unsigned{'0'};
  if (third > 9) return false;
  const char separator = data[start + 3];
  if ((separator != ' ') & (separator != '-')) return false;
  const std::size_t text_start = start + 4;
  // The CR of a line within max_line_length is before limit.
  const std::size_t limit = size - start > options.max_line_length ? start + options.max_line_length - 1 : size;
  const std::size_t text_end = find_text_stop(data, text_start, limit);
  // Before limit, the line is within max_line_length.
  if (text_end == limit || data[text_end] != '\r' || text_end + 1 == size || data[text_end + 1] != '\n') return false;
  next = text_end + 2;
  last = separator == ' ';
  // The line's fields are worked out in scalars and stored once at the end.
  // A string_view copied whole (line.message = line.text) or built on the
  // stack is read back as one 16-byte load from two 8-byte stores, which
  // stalls store forwarding: that cost a third of the stream's time.
  const char* const text = data + text_start;
  const std::size_t text_size = text_end - text_start;
  std::size_t message_start = 0;  // in text
  std::uint8_t status_class = 0;
  std::uint16_t subject = 0;
  std::uint16_t detail = 0;
  if (text_size == 0) {
    reply.diagnostics_.add(ReplyDiagnostic::empty_text);
  } else if (is_digit(text[0])) {
    // What starts_with_reply_code() and split_enhanced_status() find, with
    // fewer tests: the CR after the text stops every digit run.
    if (text[1] == '.') {
      // What scan_enhanced_status_into() and the check after it decide.
      std::size_t end = 2;
      const char class_char = text[0];
      bool valid = (class_char == '2' || class_char == '4' || class_char == '5') &&
                   read_plain_status_part(text, end, options.mode, subject) && text[end] == '.';
      if (valid) {
        ++end;
        valid = read_plain_status_part(text, end, options.mode, detail) && (text[end] == ' ' || text[end] == '\r');
      }
      status_class = static_cast<std::uint8_t>(class_char - '0');
      if (valid) {
        while (text[end] == ' ') ++end;
        message_start = end;
      } else {
        status_class = 0;
        reply.diagnostics_.add(ReplyDiagnostic::malformed_enhanced_status);
      }
    } else if (is_digit(text[1]) && is_digit(text[2]) && (text[3] == ' ' || text[3] == '-' || text[3] == '\r')) {
      reply.diagnostics_.add(ReplyDiagnostic::reply_code_in_text);
    }
  }
  reply.slots_.lines[index] = ReplyLineSlot{
      text,    text_size, message_start, static_cast<std::uint16_t>((first + 2) * 100 + second * 10 + third),
      subject, detail,    status_class};
  return true;
}

// Whether data[0, end) is all printable ASCII (%x20-7E). At run time only;
// reads nothing outside data[0, end).
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool all_printable(const char* data, std::size_t end) noexcept {
  std::size_t at = 0;
#ifdef SMTPCODES_DETAIL_VECTOR_TEXT
  constexpr std::size_t step = 16;
  if (end >= step) {
    // Plus 0x81, the printable bytes are 0xA1-FF and every other byte less:
    // one unsigned minimum over all the bytes, one test at the end. The last
    // sixteen bytes are read once more, overlapping, instead of one by one.
    const auto shifted = [data](std::size_t from) {
      vector_unsigned_bytes bytes;
      std::memcpy(&bytes, data + from, sizeof bytes);
      return bytes + 0x81;
    };
    const auto lower = [](vector_unsigned_bytes a, vector_unsigned_bytes b) { return a < b ? a : b; };
    vector_unsigned_bytes least = shifted(end - step);
    for (; end - at > 2 * step; at += 2 * step) least = lower(least, lower(shifted(at), shifted(at + step)));
    if (end - at > step) least = lower(least, shifted(at));
    // As signed bytes, less the sign bit: 0xA1-FF are 0x21-7F.
    const vector_bytes below = reinterpret_cast<vector_bytes>(least ^ 0x80) < 0x21;
    return __builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(below)) == 0;
  }
#endif
  if (end >= 8) {
    std::uint64_t first = 0;
    std::uint64_t last = 0;
    std::memcpy(&first, data, sizeof first);
    std::memcpy(&last, data + end - 8, sizeof last);
    for (at = 8; end - at > 8; at += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, data + at, sizeof word);
      if (!all_printable_ascii(word)) return false;
    }
    return all_printable_ascii(first) && all_printable_ascii(last);
  }
  for (; at < end; ++at) {
    const auto byte = static_cast<unsigned char>(data[at]);
    if (byte < 0x20 || byte >= 0x7F) return false;
  }
  return true;
}

// Whether the text whose bytes byte(k) gives (CR at its end) starts with an
// enhanced status code and then SP or its end, given "d." at its start:
// what split_enhanced_status() decides. end moves past the code.
template <class Byte>
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool read_enhanced_status_start(const Byte& byte, ParseMode mode,
                                                                                  std::size_t& end,
                                                                                  std::uint16_t& subject,
                                                                                  std::uint16_t& detail) noexcept {
  const char class_char = byte(0);
  if (!(class_char == '2' || class_char == '4' || class_char == '5')) return false;
  if (!read_status_part(byte, end, mode, subject) || byte(end) != '.') return false;
  ++end;
  return read_status_part(byte, end, mode, detail) && (byte(end) == ' ' || byte(end) == '\r');
}

// What scan_plain_line() makes of a line.
struct PlainLine {
  std::size_t text_size;      // the text starts at offset 4
  std::size_t message_start;  // in the text
  std::uint16_t code;
  std::uint16_t subject;
  std::uint16_t detail;
  std::uint8_t status_class;  // 0: no enhanced status code
  bool last;                  // SP after the code, not "-"
  // The line's own: empty_text, malformed_enhanced_status,
  // reply_code_in_text, enhanced_class_mismatch.
  ReplyDiagnostics diagnostics;
};

// The common line whose end is known, at run time: data[0, size) is a
// standard code (RFC 5321 §4.2), SP or "-", printable ASCII text, then CRLF
// (or, unless crlf_required, nothing), within max_line_length. Such a line
// reads the same in both modes. One pass over the text, which only has to
// be printable since its end is known; false for any other line, which
// the general step takes (and reports exactly).
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool scan_plain_line(const char* data, std::size_t size,
                                                                       bool crlf_required, const ReplyOptions& options,
                                                                       PlainLine& line) noexcept {
  if (size < 4 || size > options.max_line_length) return false;
  const unsigned first = static_cast<unsigned char>(data[0]) - unsigned{'2'};
  const unsigned second = static_cast<unsigned char>(data[1]) - unsigned{'0'};
  const unsigned third = static_cast<unsigned char>(data[2]) - unsigned{'0'};
  const char separator = data[3];
  // One branch for all four checks: bitwise | and & on the comparisons, on purpose.
  // NOLINTBEGIN(readability-implicit-bool-conversion)
  if ((first > 3) | (second > 5) | (third > 9) | ((separator != ' ') & (separator != '-'))) return false;
  // NOLINTEND(readability-implicit-bool-conversion)
  // After SP or "-", a CRLF at the end leaves 0 or more bytes of text.
  const bool crlf = data[size - 1] == '\n';
  if (crlf ? data[size - 2] != '\r' : crlf_required) return false;
  const std::size_t text_end = crlf ? size - 2 : size;
  // The code and separator are printable too.
  if (!all_printable(data, text_end)) return false;
  const char* const text = data + 4;
  const std::size_t text_size = text_end - 4;
  line.text_size = text_size;
  line.message_start = 0;
  line.code = static_cast<std::uint16_t>((first + 2) * 100 + second * 10 + third);
  line.subject = 0;
  line.detail = 0;
  line.status_class = 0;
  line.last = separator == ' ';
  line.diagnostics = ReplyDiagnostics{};
  if (text_size == 0) {
    line.diagnostics.add(ReplyDiagnostic::empty_text);
    return true;
  }
  if (!is_digit(text[0]) || text_size == 1) return true;
  if (text[1] != '.') {
    if (starts_with_reply_code(std::string_view(text, text_size))) {
      line.diagnostics.add(ReplyDiagnostic::reply_code_in_text);
    }
    return true;
  }
  // What split_enhanced_status() decides. An enhanced code and the byte
  // after it take at most 10 bytes, so text of that length (or followed by
  // its CR) is read without a bound, like a stream's line; shorter text
  // sees CR past its end.
  std::size_t end = 2;
  const bool valid =
      text_size >= 10 || crlf
          ? read_enhanced_status_start([text](std::size_t at) { return text[at]; }, options.mode, end, line.subject,
                                       line.detail)
          : read_enhanced_status_start([text, text_size](std::size_t at) { return at < text_size ? text[at] : '\r'; },
                                       options.mode, end, line.subject, line.detail);
  if (!valid) {
    line.subject = 0;
    line.detail = 0;
    line.diagnostics.add(ReplyDiagnostic::malformed_enhanced_status);
    return true;
  }
  while (end < text_size && text[end] == ' ') ++end;
  line.message_start = end;
  line.status_class = static_cast<std::uint8_t>(text[0] - '0');
  // RFC 3463 §2: the class must match the first digit of the code.
  if (static_cast<unsigned>(text[0] - '2') != first) line.diagnostics.add(ReplyDiagnostic::enhanced_class_mismatch);
  return true;
}

// Sets reply to the complete one-line reply raw, a last line that
// scan_plain_line() read: what begin_reply(), scan_reply_line() and
// end_reply() would make of it.
template <std::size_t MaxLines>
SMTPCODES_DETAIL_INLINE_STEP inline void set_plain_line_reply(BasicReply<MaxLines>& reply, std::string_view raw,
                                                              const PlainLine& line) noexcept {
  reply.slots_.lines[0] = ReplyLineSlot{raw.data() + 4, line.text_size, line.message_start, line.code,
                                        line.subject,   line.detail,    line.status_class};
  reply.raw_ = raw;
  reply.line_count_ = 1;
  reply.diagnostics_ = line.diagnostics;
  reply.code_ = make_reply_code(line.code);
  reply.enhanced_status_ =
      line.status_class == 0 ? EnhancedStatus{} : make_enhanced_status(line.status_class, line.subject, line.detail);
  reply.source_ = line.status_class == 0 ? EnhancedStatusSource::none : EnhancedStatusSource::given;
  reply.complete_ = true;
}

// Completes a reply whose lines are scanned: raw is its bytes, line_count
// (at least 1) its lines.
template <std::size_t MaxLines>
constexpr void end_reply(BasicReply<MaxLines>& reply, std::string_view raw, std::size_t line_count,
                         bool complete) noexcept {
  reply.complete_ = complete;
  reply.line_count_ = line_count;
  reply.raw_ = raw;
  reply.code_ = make_reply_code(reply.slots_.lines[line_count - 1].code);

  // The lines' status codes are read field by field, as the line steps
  // store them: a whole-status load from a line written just before (a
  // stream completes a reply as soon as its last line is in) cannot take
  // its bytes from the store buffer and waits (clang's code spent a sixth of
  // a bounce-heavy stream's time there).
  const ReplyCode code = reply.code_;
  std::size_t with_status = 0;
  std::uint8_t first_class = 0;
  std::uint16_t first_subject = 0;
  std::uint16_t first_detail = 0;
  for (std::size_t i = 0; i < line_count; ++i) {
    const ReplyLineSlot& line = reply.slots_.lines[i];
    if (line.code != code.value()) reply.diagnostics_.add(ReplyDiagnostic::reply_codes_differ);
    const std::uint8_t status_class = line.status_class;
    if (status_class == 0) continue;
    const std::uint16_t subject = line.subject;
    const std::uint16_t detail = line.detail;
    if (with_status++ == 0) {
      first_class = status_class;
      first_subject = subject;
      first_detail = detail;
    } else if (status_class != first_class || subject != first_subject || detail != first_detail) {
      reply.diagnostics_.add(ReplyDiagnostic::enhanced_statuses_differ);
    }
    // RFC 3463 §2: the class must match the first digit of the reply code.
    if (status_class != code.first_digit()) reply.diagnostics_.add(ReplyDiagnostic::enhanced_class_mismatch);
  }
  if (with_status != 0) {
    reply.enhanced_status_ = make_enhanced_status(first_class, first_subject, first_detail);
    reply.source_ = EnhancedStatusSource::given;
    if (with_status != line_count) reply.diagnostics_.add(ReplyDiagnostic::enhanced_missing_on_some_lines);
  }
}

// Points the views of reply at a copy of its bytes that starts at raw
// (OwnedReply keeps such a copy).
template <std::size_t MaxLines>
constexpr void rebase_reply(BasicReply<MaxLines>& reply, const char* raw) noexcept {
  const char* const old = reply.raw_.data();
  for (std::size_t i = 0; i < reply.line_count_; ++i) {
    ReplyLineSlot& line = reply.slots_.lines[i];
    if (line.text != nullptr) line.text = raw + (line.text - old);
  }
  reply.raw_ = std::string_view(raw, reply.raw_.size());
}

// scan_reply() writing into an existing reply (see begin_reply). On an
// error, returns false with error set and reply unspecified.
template <std::size_t MaxLines>
[[nodiscard]] constexpr bool scan_reply_into(BasicReply<MaxLines>& reply, std::string_view input,
                                             const ReplyOptions& options, std::size_t& end,
                                             ReplyError& error) noexcept {
  end = input.size();
  if (input.empty()) {
    error = ReplyError{ReplyErrorKind::empty_input, 0, 0, {}};
    return false;
  }
  begin_reply(reply);
  std::size_t start = 0;
  std::size_t index = 0;
  bool complete = false;
  while (start < input.size()) {
    // Most lines in one pass at run time, the others by the general step
    // (as the stream does).
    std::size_t next = 0;
    bool last = false;
    if (SMTPCODES_CONSTANT_EVALUATED() || !scan_plain_reply_line(reply, input, start, index, options, next, last)) {
      const std::size_t feed = find_line_feed(input, start);
      next = feed != std::string_view::npos ? feed + 1 : input.size();
      const ReplyLineStep step = scan_reply_line(reply, input, start, feed, index, options, error);
      if (step == ReplyLineStep::error) {
        end = next;
        if (error.kind == ReplyErrorKind::too_many_lines) {
          // The whole reply goes: resume at the next one, never in the
          // middle of this one (a pipelining client would take its rest
          // for the answer to its next command).
          error.dropped_lines = index;
          end = skip_to_next_reply(input, start, options.mode, error.dropped_lines);
        }
        return false;
      }
      // A last line that the input cuts off may be cut anywhere: with
      // allow_incomplete (a stream closed early) the reply is incomplete.
      last = step == ReplyLineStep::last;
      if (last && feed == std::string_view::npos && options.allow_incomplete) {
        ++index;
        start = next;
        break;
      }
    }
    ++index;
    start = next;
    if (last) {
      complete = true;
      break;
    }
  }
  if (!complete && !options.allow_incomplete) {
    error = ReplyError{ReplyErrorKind::incomplete_reply, input.size(), index, {}, index};
    return false;
  }
  end = start;
  end_reply(reply, input.substr(0, start), index, complete);
  return true;
}

// What parse_whole_reply() builds its result with.
template <std::size_t MaxLines>
struct WholeReplyFill {
  std::string_view input;
  const ReplyOptions& options;

  [[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP constexpr bool operator()(BasicReply<MaxLines>& reply,
                                                                       ReplyError& error) const noexcept {
    if (!SMTPCODES_CONSTANT_EVALUATED()) {
      // The common reply of one plain line, in one pass.
      PlainLine line{};
      if (scan_plain_line(input.data(), input.size(), true, options, line)) {
        if (line.last) {
          set_plain_line_reply(reply, input, line);
          return true;
        }
        // "ddd-" and nothing after it: what the general step finds.
        if (!options.allow_incomplete) {
          error = ReplyError{ReplyErrorKind::incomplete_reply, input.size(), 1, {}, 1};
          return false;
        }
      }
    }
    std::size_t end = 0;
    if (!scan_reply_into(reply, input, options, end, error)) return false;
    if (end == input.size()) return true;
    error = ReplyError{ReplyErrorKind::trailing_data, end, reply.line_count(), {}};
    return false;
  }
};

}  // namespace detail

// Parses the reply at the start of input. On success `end` is the offset just
// past its last line. On an error `end` is the offset just past the offending
// line (or the end of the input), where parsing can resume: the stream
// parser does exactly that, so both agree on any input.
template <std::size_t MaxLines>
[[nodiscard]] constexpr Result<BasicReply<MaxLines>, ReplyError> scan_reply(
    std::string_view input SMTPCODES_LIFETIMEBOUND, const ReplyOptions& options, std::size_t& end) noexcept {
  BasicReply<MaxLines> reply;
  ReplyError error;
  if (!detail::scan_reply_into(reply, input, options, end, error)) return error;
  return reply;
}
// The reply's lines would point into a temporary string.
template <std::size_t MaxLines, class Owner, std::enable_if_t<detail::owning_temporary_v<Owner>, int> = 0>
Result<BasicReply<MaxLines>, ReplyError> scan_reply(Owner&& input, const ReplyOptions& options,
                                                    std::size_t& end) = delete;

// Parses input holding exactly one reply: "250-a\r\n250 b\r\n". The last
// line may lack its CRLF (missing_line_ending). See ReplyOptions for the
// limits, ReplyErrorKind for the errors and ReplyDiagnostic for what is
// accepted but reported.
template <std::size_t MaxLines = Reply::max_lines>
[[nodiscard]] constexpr Result<BasicReply<MaxLines>, ReplyError> parse_whole_reply(
    std::string_view input SMTPCODES_LIFETIMEBOUND, const ReplyOptions& options = {}) noexcept {
  // Straight into the result: a reply is too large to copy cheaply.
  return Result<BasicReply<MaxLines>, ReplyError>(in_place_fill, detail::WholeReplyFill<MaxLines>{input, options});
}
// The reply's lines would point into a temporary string: keep the string
// in a variable, or keep an OwnedReply.
template <std::size_t MaxLines = Reply::max_lines, class Owner,
          std::enable_if_t<detail::owning_temporary_v<Owner>, int> = 0>
Result<BasicReply<MaxLines>, ReplyError> parse_whole_reply(Owner&& input, const ReplyOptions& options = {}) = delete;

// What follows the code of a reply line (RFC 5321 §4.2).
enum class ReplySeparator : std::uint8_t {
  space,      // "ddd SP text": the last line of its reply
  hyphen,     // "ddd-text": more lines follow
  none,       // a bare "ddd": the last line, without text
  irregular,  // lenient: a TAB or CR; the last line (irregular_separator)
};

[[nodiscard]] constexpr std::string_view name(ReplySeparator separator) noexcept {
  switch (separator) {
    case ReplySeparator::space: return "space";
    case ReplySeparator::hyphen: return "hyphen";
    case ReplySeparator::none: return "none";
    case ReplySeparator::irregular: return "irregular";
  }
  return "unknown_separator";
}

// One reply line parsed on its own (parse_reply_line): the fields of a
// ReplyLine, the separator, and what was irregular about the line (the
// diagnostics that concern one line; those comparing lines never show, nor
// missing_line_ending: a line given alone needs no line ending).
struct ParsedReplyLine {
  ReplyCode code;
  ReplySeparator separator = ReplySeparator::space;
  // Empty (class_digit() == 0) when the text does not begin with one.
  EnhancedStatus enhanced_status;
  std::string_view text;     // after the separator, without the line ending
  std::string_view message;  // text less the enhanced status code and the spaces after it
  ReplyDiagnostics diagnostics;

  // Whether this is the last line of its reply (anything but "ddd-").
  [[nodiscard]] constexpr bool last() const noexcept { return separator != ReplySeparator::hyphen; }
};

namespace detail {

// parse_reply_line() for any line, through the step a reply's lines take
// (BasicReply<1>: one slot). On an error, returns false with error set.
// Kept out of the callers, which inline the common line; the options by
// value, so that a caller's need not be kept in memory for it.
[[nodiscard]] SMTPCODES_DETAIL_OUT_OF_LINE constexpr bool parse_reply_line_into(std::string_view line,
                                                                                ReplyOptions options,
                                                                                ParsedReplyLine& result,
                                                                                ReplyError& error) noexcept {
  if (line.empty()) {
    error = ReplyError{ReplyErrorKind::empty_input, 0, 0, {}, 0};
    return false;
  }
  const std::size_t feed = find_line_feed(line, 0);
  if (feed != std::string_view::npos && feed + 1 != line.size()) {
    error = ReplyError{ReplyErrorKind::trailing_data, feed + 1, 1, {}, 0};
    return false;
  }
  // A line whose only fault is its code (most damaged lines) fails as
  // scan_reply_line() would fail it, without setting up a reply for it.
  const std::size_t content_end =
      feed == std::string_view::npos ? line.size() : (feed > 0 && line[feed - 1] == '\r' ? feed - 1 : feed);
  const bool line_ending_fails =
      feed != std::string_view::npos && content_end == feed && options.mode == ParseMode::strict;
  if (line.size() <= options.max_line_length && !line_ending_fails) {
    const Result<ReplyLineHead> head = scan_reply_line_head(line.substr(0, content_end), options.mode);
    if (!head) {
      error = ReplyError{ReplyErrorKind::invalid_reply_code, head.error().offset, 0, head.error().kind, 1};
      return false;
    }
  }
  BasicReply<1> reply;
  if (scan_reply_line(reply, line, 0, feed, 0, options, error) == ReplyLineStep::error) return false;
  const ReplyLine& fields = reply.line(0);
  result.code = fields.code;
  result.enhanced_status = fields.enhanced_status;
  result.text = fields.text;
  result.message = fields.message;
  for (const ReplyDiagnostic diagnostic : reply.diagnostics()) {
    if (diagnostic != ReplyDiagnostic::missing_line_ending) result.diagnostics.add(diagnostic);
  }
  const std::uint8_t status_class = fields.enhanced_status.class_digit();
  if (status_class != 0 && status_class != fields.code.first_digit()) {
    result.diagnostics.add(ReplyDiagnostic::enhanced_class_mismatch);
  }
  // The text starts right after the separator, or is null after a bare code.
  if (fields.text.data() == nullptr) {
    result.separator = ReplySeparator::none;
  } else if (line[3] == ' ') {
    result.separator = ReplySeparator::space;
  } else if (line[3] == '-') {
    result.separator = ReplySeparator::hyphen;
  } else {
    result.separator = ReplySeparator::irregular;
  }
  return true;
}

// parse_reply_line() for the common line, at run time, in one pass;
// false (result untouched) for any other line.
[[nodiscard]] SMTPCODES_DETAIL_INLINE_STEP inline bool parse_plain_reply_line(std::string_view line,
                                                                              const ReplyOptions& options,
                                                                              ParsedReplyLine& result) noexcept {
  PlainLine plain{};
  if (!scan_plain_line(line.data(), line.size(), false, options, plain)) return false;
  const char* const text = line.data() + 4;
  result.code = make_reply_code(plain.code);
  result.separator = plain.last ? ReplySeparator::space : ReplySeparator::hyphen;
  result.enhanced_status = plain.status_class == 0
                               ? EnhancedStatus{}
                               : make_enhanced_status(plain.status_class, plain.subject, plain.detail);
  result.text = std::string_view(text, plain.text_size);
  result.message = std::string_view(text + plain.message_start, plain.text_size - plain.message_start);
  result.diagnostics = plain.diagnostics;
  return true;
}

}  // namespace detail

// Parses one reply line: "550 5.1.1 <a@example.com>: User unknown", with or
// without its line ending (CRLF; lenient: LF too). Checks what
// parse_whole_reply checks of each line, under the same options
// (allow_incomplete aside): the code, the separator, the line ending, the
// length, the text's bytes and an enhanced status code at its start. A
// second line is the error trailing_data. No slots for other lines are set
// up, so it costs what one line costs.
[[nodiscard]] constexpr Result<ParsedReplyLine, ReplyError> parse_reply_line(
    std::string_view line SMTPCODES_LIFETIMEBOUND, const ReplyOptions& options = {}) noexcept {
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
    ParsedReplyLine plain;
    if (detail::parse_plain_reply_line(line, options, plain)) return plain;
  }
  // Other locals for the general step, which takes their addresses: the
  // common line's stay in registers.
  ParsedReplyLine result;
  ReplyError error;
  if (!detail::parse_reply_line_into(line, options, result, error)) return error;
  return result;
}
// The line's views would point into a temporary string.
template <class Owner, std::enable_if_t<detail::owning_temporary_v<Owner>, int> = 0>
Result<ParsedReplyLine, ReplyError> parse_reply_line(Owner&& line, const ReplyOptions& options = {}) = delete;

}  // namespace v0
}  // namespace smtpcodes

// Internal to this header: nothing outside it may depend on them.
#undef SMTPCODES_DETAIL_VECTOR_TEXT
#undef SMTPCODES_DETAIL_INLINE_STEP
#undef SMTPCODES_DETAIL_OUT_OF_LINE

#endif  // SMTPCODES_WIRE_REPLY_HPP
