#ifndef SMTPCODES_BOUNCE_MIME_HPP
#define SMTPCODES_BOUNCE_MIME_HPP

// Internet message headers (RFC 5322) and MIME structure (RFC 2045, RFC 2046),
// read without copying: every field and part is a view into the caller's
// text, which must outlive the results.
//
// Header syntax follows RFC 5322 §2.2: "Name: value", names compared without
// regard to case, a value continued on lines that start with a space or tab
// (folding; the view keeps the line breaks, see unfold). Lines may end in
// CRLF, LF or a bare CR. Work is linear in the size of the input.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/callback.hpp>
#include <smtpcodes/detail/text.hpp>

namespace smtpcodes {
inline namespace v0 {

// One header field; value is trimmed and may span folded lines.
struct HeaderField {
  std::string_view name;
  std::string_view value;
};

namespace detail {

[[nodiscard]] constexpr bool is_blank_line(std::string_view line) noexcept {
  for (char c : line) {
    if (!is_space(c)) return false;
  }
  return true;
}

// The value of the field whose first line is `line` (which starts at
// line_start in block and has its colon at colon), over its continuation
// lines; pos moves past them.
[[nodiscard]] constexpr std::string_view field_value(std::string_view block, const Line& line, std::size_t colon,
                                                     std::size_t& pos) noexcept {
  const auto line_start = static_cast<std::size_t>(line.text.data() - block.data());
  const std::size_t value_start = line_start + colon + 1;
  std::size_t value_end = line_start + line.text.size();
  // RFC 5322 §2.2.3: a line that starts with white space continues the
  // field, also one of white space only (obs-FWS, §4.2).
  while (pos < block.size() && is_space_or_tab(block[pos])) {
    const Line more = line_at(block, pos);
    value_end = static_cast<std::size_t>(more.text.data() - block.data()) + more.text.size();
    pos = more.next;
  }
  return trim(block.substr(value_start, value_end - value_start));
}

// Reads the header field that starts at pos and moves pos past it (and past
// its continuation lines). Lines without a colon are skipped. Returns false,
// with pos just after the empty line, at the end of the header block (and
// *blank_line, if given, set to where that line starts). A line of white
// space only does not end the block (RFC 5322 §4.2, obs-FWS): split_part
// and other readers (Python's email package) read on there too.
[[nodiscard]] constexpr bool next_header_field(std::string_view block, std::size_t& pos, HeaderField& field,
                                               std::size_t* blank_line = nullptr) noexcept {
  while (pos < block.size()) {
    const Line line = line_at(block, pos);
    if (line.text.empty()) {
      if (blank_line != nullptr) *blank_line = pos;
      pos = line.next;
      return false;
    }
    pos = line.next;
    // A continuation line of no field read here is passed over unsearched.
    if (is_space_or_tab(line.text[0])) continue;
    const std::size_t colon = line.text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    field.name = trim(line.text.substr(0, colon));
    field.value = field_value(block, line, colon, pos);
    return true;
  }
  return false;
}

}  // namespace detail

// The value of the first field called name in a header block (up to the
// first empty line), or an empty view. Each call reads the block from the
// top: for several lookups in one block, a HeaderIndex reads it once.
[[nodiscard]] constexpr std::string_view header_value(std::string_view headers, std::string_view name) noexcept {
  // A field's trimmed name starts with its line's first character unless
  // that is a form feed or vertical tab, so most lines are passed over
  // without finding their colon: the answer is the one of reading every field.
  const char first = name.empty() ? '\0' : detail::to_lower(name[0]);
  std::size_t pos = 0;
  while (pos < headers.size()) {
    const detail::Line line = detail::line_at(headers, pos);
    if (line.text.empty()) return {};
    pos = line.next;
    const char start = line.text[0];
    if (detail::is_space_or_tab(start) || (detail::to_lower(start) != first && !detail::is_space(start))) continue;
    const std::size_t colon = line.text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    // Another field's continuation lines start with white space: the loop passes over them.
    if (detail::iequals(detail::trim(line.text.substr(0, colon)), name))
      return detail::field_value(headers, line, colon, pos);
  }
  return {};
}

// How many fields a HeaderIndex holds (BasicHeaderIndex<N> holds N).
inline constexpr std::size_t header_index_capacity = 64;

// The fields of a header block, read once, for many lookups: value() finds
// a field among the held ones by its name alone, without reading the block
// again. Nothing is allocated; the fields are views into the block, which
// must outlive the index. A block with more than Capacity fields is not an
// error: the index holds the first Capacity (truncated() is true), and a
// lookup that does not find its name among them reads the rest of the
// block, so every answer is the one header_value() gives.
namespace detail {
// Selects the HeaderIndex constructor that also says where the header block ends.
struct ReportBlankLine {};
struct HeaderIndexAccess;
}  // namespace detail

template <std::size_t Capacity>
class BasicHeaderIndex {
  static_assert(Capacity > 0, "a header index holds at least one field");

 public:
  using const_iterator = const HeaderField*;

  constexpr BasicHeaderIndex() noexcept = default;
  constexpr explicit BasicHeaderIndex(std::string_view headers SMTPCODES_LIFETIMEBOUND) noexcept {
    std::size_t pos = 0;
    HeaderField field;
    while (count_ < Capacity) {
      if (!detail::next_header_field(headers, pos, field)) return;
      fields_[count_++] = field;
    }
    // Full: the rest is read by lookups of a name it holds.
    keep_rest(headers, pos);
  }

  // The same for the header block that opens text, read to its first blank
  // line; blank_line is set to where that line starts, or npos when the
  // reading did not reach one (there is none, or the index is full). The
  // reader of a message splits it there without reading its header lines
  // again.
  constexpr BasicHeaderIndex(std::string_view text SMTPCODES_LIFETIMEBOUND, detail::ReportBlankLine /*tag*/,
                             std::size_t& blank_line) noexcept {
    read_to_blank_line(text, blank_line);
  }

  // The value of the first field called name (compared without regard to
  // case), or an empty view: header_value(headers, name).
  [[nodiscard]] constexpr std::string_view value(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < count_; ++i) {
      if (detail::iequals(fields_[i].name, name)) return fields_[i].value;
    }
    return rest_.empty() || !rest_may_hold(name) ? std::string_view{} : header_value(rest_, name);
  }

  // The fields held, in the order of the block.
  [[nodiscard]] constexpr const_iterator begin() const noexcept { return fields_; }
  [[nodiscard]] constexpr const_iterator end() const noexcept { return fields_ + count_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return count_; }
  [[nodiscard]] static constexpr std::size_t capacity() noexcept { return Capacity; }
  // The block has more fields than the index holds; value() still finds them.
  [[nodiscard]] constexpr bool truncated() const noexcept { return !rest_.empty(); }

 private:
  friend struct detail::HeaderIndexAccess;
  constexpr void read_to_blank_line(std::string_view text, std::size_t& blank_line) noexcept {
    blank_line = std::string_view::npos;
    std::size_t pos = 0;
    HeaderField field;
    while (count_ < Capacity) {
      if (!detail::next_header_field(text, pos, field, &blank_line)) return;
      fields_[count_++] = field;
    }
    keep_rest(text, pos);
  }
  // A bit for each name the rest holds (by a hash of it, case ignored): a
  // lookup of a name the rest lacks does not read it, so a block of
  // thousands of Received fields costs one reading, not one per lookup.
  static constexpr std::size_t name_bits = 256;
  [[nodiscard]] static constexpr std::size_t name_bit(std::string_view name) noexcept {
    return static_cast<std::size_t>(detail::hash_lower(name) % name_bits);
  }
  [[nodiscard]] constexpr bool rest_may_hold(std::string_view name) const noexcept {
    const std::size_t bit = name_bit(name);
    return (rest_names_[bit / 64] >> (bit % 64) & 1U) != 0;
  }
  constexpr void keep_rest(std::string_view block, std::size_t pos) noexcept {
    std::size_t at = pos;
    HeaderField field;
    while (detail::next_header_field(block, at, field)) {
      if (rest_.empty()) rest_ = block.substr(pos);
      const std::size_t bit = name_bit(field.name);
      rest_names_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }

  HeaderField fields_[Capacity]{};
  std::size_t count_ = 0;
  std::string_view rest_;  // the block from the first field not held
  std::uint64_t rest_names_[name_bits / 64]{};
};

using HeaderIndex = BasicHeaderIndex<header_index_capacity>;

namespace detail {
struct HeaderIndexAccess {
  // index = BasicHeaderIndex(text, ReportBlankLine{}, blank_line), read in
  // place: the index is large, and a temporary would be cleared and copied.
  template <std::size_t Capacity>
  static constexpr void read_to_blank_line(BasicHeaderIndex<Capacity>& index, std::string_view text,
                                           std::size_t& blank_line) noexcept {
    index.count_ = 0;
    index.rest_ = {};
    for (std::uint64_t& word : index.rest_names_) word = 0;
    index.read_to_blank_line(text, blank_line);
  }

  // to = from, copying only the fields held.
  template <std::size_t Capacity>
  static constexpr void assign(BasicHeaderIndex<Capacity>& to, const BasicHeaderIndex<Capacity>& from) noexcept {
    to.count_ = from.count_;
    for (std::size_t i = 0; i < from.count_; ++i) to.fields_[i] = from.fields_[i];
    to.rest_ = from.rest_;
    for (std::size_t i = 0; i < BasicHeaderIndex<Capacity>::name_bits / 64; ++i)
      to.rest_names_[i] = from.rest_names_[i];
  }

  // The index of a header block copied from from to to, at the same offsets.
  template <std::size_t Capacity>
  static constexpr void move_to_copy(BasicHeaderIndex<Capacity>& index, std::string_view from,
                                     std::string_view to) noexcept {
    const auto moved = [from, to](std::string_view view) {
      return view.data() == nullptr ? view
                                    : to.substr(static_cast<std::size_t>(view.data() - from.data()), view.size());
    };
    for (std::size_t i = 0; i < index.count_; ++i) {
      index.fields_[i].name = moved(index.fields_[i].name);
      index.fields_[i].value = moved(index.fields_[i].value);
    }
    index.rest_ = moved(index.rest_);
  }
};
}  // namespace detail

// The value without an RFC 5322 comment: "5.1.1 (bad mailbox)" -> "5.1.1".
[[nodiscard]] constexpr std::string_view strip_comment(std::string_view value) noexcept {
  const std::size_t open = value.find('(');
  return detail::trim(open == std::string_view::npos ? value : value.substr(0, open));
}

// How deep for_each_mime_part goes into nested multipart bodies: the
// message itself is depth 0, so the deepest part walked has depth
// max_mime_depth. Each level reads its parent's body once more, so the limit
// bounds the work as well as the stack. The parts of a multipart part at
// this depth are not walked: that part has parts_not_walked set, and the
// walk counts it (MimeWalk::skipped_multiparts).
inline constexpr int max_mime_depth = 4;

namespace detail {

// The closing quote of the quoted-string that opens at text[open], or npos:
// RFC 5322 §3.2.4, a backslash quotes the character after it.
[[nodiscard]] constexpr std::size_t closing_quote(std::string_view text, std::size_t open) noexcept {
  for (std::size_t i = open + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i;
    }
  }
  return std::string_view::npos;
}

// The value of a Content-Type parameter, quotes removed (a quoted-pair
// keeps its backslash). Quoted values are passed over whole, so a name in
// another parameter's quoted value is not taken for a parameter (RFC 2045
// §5.1). A name after white space without its ";" is still read: headers
// folded without it are common in bounces.
[[nodiscard]] constexpr std::string_view content_type_parameter(std::string_view content_type,
                                                                std::string_view lower_name) noexcept {
  bool quoted = false;      // whether content_type[scanned] is inside a quoted string
  std::size_t scanned = 0;  // the quotes before here are counted: each character is read once
  std::size_t at = 0;
  while ((at = ifind(content_type, lower_name, at)) != std::string_view::npos) {
    for (; scanned < at; ++scanned) {
      if (quoted && content_type[scanned] == '\\') {
        ++scanned;  // a quoted-pair: the next character is not a quote
      } else if (content_type[scanned] == '"') {
        quoted = !quoted;
      }
    }
    const bool starts = at == 0 || content_type[at - 1] == ';' || is_space(content_type[at - 1]);
    std::size_t pos = at + lower_name.size();
    at += 1;
    if (quoted || !starts) continue;
    while (pos < content_type.size() && is_space_or_tab(content_type[pos])) ++pos;
    if (pos == content_type.size() || content_type[pos] != '=') continue;
    ++pos;
    while (pos < content_type.size() && is_space(content_type[pos])) ++pos;
    if (pos < content_type.size() && content_type[pos] == '"') {
      const std::size_t close = closing_quote(content_type, pos);
      return content_type.substr(pos + 1, close == std::string_view::npos ? close : close - pos - 1);
    }
    std::size_t end = pos;
    while (end < content_type.size() && content_type[end] != ';' && !is_space(content_type[end])) ++end;
    return content_type.substr(pos, end - pos);
  }
  return {};
}

}  // namespace detail

// One MIME part (RFC 2045, RFC 2046 §5.1): its header block and its body.
struct MimePart {
  std::string_view headers;
  std::string_view body;
  int depth = 0;  // 0 for the message itself
  // A multipart part at max_mime_depth: its body holds parts the walk does not visit.
  bool parts_not_walked = false;

  // The media type, "type/subtype", without parameters.
  [[nodiscard]] constexpr std::string_view content_type() const noexcept {
    const std::string_view value = header_value(headers, "Content-Type");
    return detail::trim(value.substr(0, value.find(';')));
  }

  // A parameter of the Content-Type ("charset", "boundary"; the name in
  // lower case, compared without regard to case), quotes removed; empty
  // when absent. A view into the part.
  [[nodiscard]] constexpr std::string_view parameter(std::string_view lower_name) const noexcept {
    return detail::content_type_parameter(header_value(headers, "Content-Type"), lower_name);
  }
};

// What for_each_mime_part did.
struct MimeWalk {
  std::size_t parts = 0;               // parts given to the callback
  std::size_t skipped_multiparts = 0;  // parts with parts_not_walked: their parts were not visited

  // The depth limit bit: some parts of the message were not visited.
  [[nodiscard]] constexpr bool truncated() const noexcept { return skipped_multiparts != 0; }
};

namespace detail {

// ifind(text, lower_needle, from) for a needle whose character at anchor is
// not a letter: the candidates are found by that character alone (memchr at
// run time), so text without it is passed over quickly. Same answers.
[[nodiscard]] constexpr std::size_t ifind_anchored(std::string_view text, std::string_view lower_needle,
                                                   std::size_t anchor, std::size_t from = 0) noexcept {
  std::size_t at = from + anchor;
  while ((at = text.find(lower_needle[anchor], at)) != std::string_view::npos) {
    const std::size_t start = at - anchor;
    if (start + lower_needle.size() <= text.size() && iequals(text.substr(start, lower_needle.size()), lower_needle)) {
      return start;
    }
    ++at;
  }
  return std::string_view::npos;
}

// Splits a message into header block and body at the first blank line.
[[nodiscard]] constexpr MimePart split_part(std::string_view text, int depth) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Line line = line_at(text, pos);
    if (line.text.empty()) return MimePart{text.substr(0, pos), text.substr(line.next), depth, false};
    pos = line.next;
  }
  return MimePart{text, {}, depth, false};
}

// Splits a message after its header block while indexing the block: each
// header line is read once, the index stopping at the empty line. When it
// does not reach one (the index is full), the message is split as
// split_part splits it and the block indexed on its own.
[[nodiscard]] constexpr MimePart read_top_header_block(std::string_view message, HeaderIndex& headers) noexcept {
  std::size_t blank_line = std::string_view::npos;
  HeaderIndexAccess::read_to_blank_line(headers, message, blank_line);
  if (blank_line != std::string_view::npos) {
    const Line blank = line_at(message, blank_line);
    if (blank.text.empty()) return MimePart{message.substr(0, blank_line), message.substr(blank.next), 0, false};
  }
  const MimePart top = split_part(message, 0);
  headers = HeaderIndex(top.headers);
  return top;
}

// The two fields the MIME walk and its callers read from every part.
struct PartFields {
  std::string_view content_type;       // header_value(headers, "Content-Type")
  std::string_view transfer_encoding;  // header_value(headers, "Content-Transfer-Encoding")
};

// split_part and the two header_value lookups of PartFields in one pass
// over the header lines: the walk read a part's header block three times.
// Only a line that starts with 'c' (or with white space other than SP and
// HT, which a trimmed name passes over) can hold either name.
[[nodiscard]] constexpr MimePart split_part_reading(std::string_view text, int depth, PartFields& fields) noexcept {
  constexpr std::string_view content_type = "content-type";
  constexpr std::string_view transfer_encoding = "content-transfer-encoding";
  fields = PartFields{};
  bool type_found = false;
  bool encoding_found = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Line line = line_at(text, pos);
    if (line.text.empty()) return MimePart{text.substr(0, pos), text.substr(line.next), depth, false};
    pos = line.next;
    const char start = line.text[0];
    if (is_space_or_tab(start) || (to_lower(start) != 'c' && !is_space(start))) continue;
    if (type_found && encoding_found) continue;
    const std::size_t colon = line.text.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    const std::string_view name = trim(line.text.substr(0, colon));
    // A field's continuation lines start with white space: the loop passes over them.
    if (!type_found && iequals(name, content_type)) {
      type_found = true;
      std::size_t after = pos;
      fields.content_type = field_value(text, line, colon, after);
    } else if (!encoding_found && iequals(name, transfer_encoding)) {
      encoding_found = true;
      std::size_t after = pos;
      fields.transfer_encoding = field_value(text, line, colon, after);
    }
  }
  return MimePart{text, {}, depth, false};
}

// Is the line a boundary delimiter "--boundary" (RFC 2046 §5.1.1)? Sets
// closing for "--boundary--".
[[nodiscard]] constexpr bool is_delimiter(std::string_view line, std::string_view boundary, bool& closing) noexcept {
  if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-') return false;
  if (line.substr(2, boundary.size()) != boundary) return false;
  const std::string_view rest = line.substr(2 + boundary.size());
  closing = rest.size() >= 2 && rest[0] == '-' && rest[1] == '-';
  return closing || is_blank_line(rest);
}

// The media type of a Content-Type value: "type/subtype", without parameters.
[[nodiscard]] constexpr std::string_view media_type_of(std::string_view content_type) noexcept {
  return trim(content_type.substr(0, content_type.find(';')));
}

// The offset of the next "--" that starts a line of text, at or after from
// (itself a line start or inside a line); npos when there is none. Only such
// lines can be boundary delimiters, so the lines between them are not read
// one by one. At run time, with SSE2, thirty-two positions a step are tested
// for "--" at once: a lone '-' (in "Content-Type", a date's zone, a word) is
// common in bounces, and stopping at each cost a memchr call. Elsewhere each
// '-' is found with memchr.
[[nodiscard]] constexpr std::size_t next_dash_line(std::string_view text, std::size_t from) noexcept {
  const auto starts_line = [text](std::size_t at) { return at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r'; };
#if defined(__SSE2__) && defined(__GNUC__)  // detail/vector_text.hpp
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
    constexpr std::size_t step = 16;
    const char* data = text.data();
    // The sixteen positions at data[at] that hold "--".
    const auto dash_pairs = [data](std::size_t at) {
      vector_chars here;
      vector_chars after;
      std::memcpy(&here, data + at, sizeof here);
      std::memcpy(&after, data + at + 1, sizeof after);
      return (here == '-') & (after == '-');
    };
    const auto bits = [](auto pairs) {
      return static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(pairs)));
    };
    for (; text.size() > 2 * step && from < text.size() - 2 * step; from += 2 * step) {
      const auto low = dash_pairs(from);
      const auto high = dash_pairs(from + step);
      if (bits(low | high) == 0) continue;
      for (unsigned mask = bits(low) | bits(high) << step; mask != 0; mask &= mask - 1) {
        const std::size_t at = from + static_cast<std::size_t>(__builtin_ctz(mask));
        if (starts_line(at)) return at;
      }
    }
    for (; from + 1 < text.size(); ++from) {
      if (text[from] == '-' && text[from + 1] == '-' && starts_line(from)) return from;
    }
    return std::string_view::npos;
  }
#endif
  while (from < text.size()) {
    const std::size_t at = find_byte(text, '-', from);
    if (at == std::string_view::npos) return at;
    if (starts_line(at) && at + 1 < text.size() && text[at + 1] == '-') return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

// Walks part and, depth first, the parts of its multipart body, calling
// callback(part, fields) with the part's Content-Type and
// Content-Transfer-Encoding values, read in the pass that split it. Returns
// false when the callback stopped the walk.
template <class Callback>
constexpr bool walk_typed_parts(MimePart& part, const PartFields& fields, Callback& callback,
                                MimeWalk& walk) noexcept(noexcept(callback(part, fields))) {
  std::string_view boundary;
  if (istarts_with(trim(fields.content_type), "multipart/")) {
    boundary = content_type_parameter(fields.content_type, "boundary");
    if (!boundary.empty() && part.depth >= max_mime_depth) {
      part.parts_not_walked = true;
      ++walk.skipped_multiparts;
      boundary = {};
    }
  }
  ++walk.parts;
  if (!callback(static_cast<const MimePart&>(part), fields)) return false;
  if (boundary.empty()) return true;
  const std::string_view body = part.body;
  std::size_t pos = 0;
  std::size_t part_start = std::string_view::npos;
  PartFields inner_fields;
  while ((pos = next_dash_line(body, pos)) != std::string_view::npos) {
    const Line line = line_at(body, pos);
    bool closing = false;
    if (is_delimiter(line.text, boundary, closing)) {
      if (part_start != std::string_view::npos) {
        // The line break before a delimiter belongs to the delimiter.
        std::size_t end = pos;
        if (end > part_start && body[end - 1] == '\n') --end;
        if (end > part_start && body[end - 1] == '\r') --end;
        MimePart inner = split_part_reading(body.substr(part_start, end - part_start), part.depth + 1, inner_fields);
        if (!walk_typed_parts(inner, inner_fields, callback, walk)) return false;
      }
      if (closing) return true;
      part_start = line.next;
    }
    pos = line.next;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) {
    MimePart inner = split_part_reading(body.substr(part_start), part.depth + 1, inner_fields);
    return walk_typed_parts(inner, inner_fields, callback, walk);
  }
  return true;
}

// The walk of for_each_mime_part over a message already split into its
// header block and body, whose two fields the caller has read.
template <class Callback>
constexpr MimeWalk walk_message(MimePart top, const PartFields& fields,
                                Callback& callback) noexcept(noexcept(callback(top, fields))) {
  MimeWalk walk;
  walk_typed_parts(top, fields, callback, walk);
  return walk;
}

// The parts one walk found (decode_text_parts), kept so that the next
// reader of the text (read_structure) replays them instead of walking
// again. Offsets are the walked text's. The walk's caller may rewrite
// bodies into a shorter copy (decoding never lengthens): each such body is
// a Move, and offsets after it shift by what it lost. complete is false
// when the replay might differ from a walk of the copy, which the reader
// then walks: more parts than the index holds, or a rewritten body that
// could split differently (a line starting "--", a bare CR at its end).
struct PartIndex {
  static constexpr std::size_t capacity = 32;
  struct Span {
    std::size_t start = 0;
    std::size_t size = 0;
    bool null = true;  // a default view, as split_part gives a part without a body
  };
  struct Part {
    Span headers;
    Span body;
    Span content_type;
    Span transfer_encoding;
    int depth = 0;
    bool parts_not_walked = false;
  };
  struct Move {
    std::size_t end = 0;      // where the rewritten body ended in the walked text
    std::size_t removed = 0;  // how much shorter its copy is
  };
  // The top header block, read as read_structure reads it, when complete.
  HeaderIndex top_headers;
  Part parts[capacity]{};
  Move moves[capacity]{};
  std::size_t part_count = 0;
  std::size_t move_count = 0;
  bool complete = true;

  constexpr void clear() noexcept {
    part_count = 0;
    move_count = 0;
    complete = true;
  }

  constexpr void add(std::string_view walked, const MimePart& part, const PartFields& fields) noexcept {
    if (part_count == capacity) {
      complete = false;
      return;
    }
    const auto span_of = [walked](std::string_view view) {
      if (view.data() == nullptr) return Span{};
      return Span{static_cast<std::size_t>(view.data() - walked.data()), view.size(), false};
    };
    parts[part_count++] = Part{span_of(part.headers),
                               span_of(part.body),
                               span_of(fields.content_type),
                               span_of(fields.transfer_encoding),
                               part.depth,
                               part.parts_not_walked};
  }

  // The body that ended at end in the walked text was copied removed bytes shorter.
  constexpr void add_move(std::size_t end, std::size_t removed) noexcept {
    if (move_count == capacity) {
      complete = false;
      return;
    }
    moves[move_count++] = Move{end, removed};
  }

  // Where an offset of the walked text lies in the copy.
  [[nodiscard]] constexpr std::size_t moved(std::size_t offset) const noexcept {
    std::size_t shifted = offset;
    for (std::size_t i = 0; i < move_count && moves[i].end <= offset; ++i) shifted -= moves[i].removed;
    return shifted;
  }

  [[nodiscard]] constexpr std::string_view view_in(std::string_view copy, const Span& span) const noexcept {
    if (span.null) return {};
    const std::size_t start = moved(span.start);
    return copy.substr(start, moved(span.start + span.size) - start);
  }

  // Calls callback(part, fields) for the parts below the top, in the order
  // of the walk, as views into copy.
  template <class Callback>
  constexpr void replay_below_top(std::string_view copy, Callback& callback) const
      noexcept(noexcept(callback(MimePart{}, PartFields{}))) {
    for (std::size_t i = 1; i < part_count; ++i) {
      const Part& part = parts[i];
      const MimePart replayed{view_in(copy, part.headers), view_in(copy, part.body), part.depth, part.parts_not_walked};
      if (!callback(replayed, PartFields{view_in(copy, part.content_type), view_in(copy, part.transfer_encoding)})) {
        return;
      }
    }
  }
};

}  // namespace detail

// Calls callback(const MimePart&) for the message and, depth first, for every
// part of its multipart bodies, down to max_mime_depth. The callback returns
// bool (false stops the walk) or void; the walk is noexcept exactly when the
// callback is. Transfer encodings are not undone. Returns how many parts the
// callback saw and how many multipart parts were too deep to open.
template <class Callback>
constexpr MimeWalk for_each_mime_part(std::string_view message, Callback&& callback) noexcept(
    detail::is_nothrow_walk_callback_v<Callback, MimePart>) {
  auto each = [&callback](const MimePart& part, const detail::PartFields& /*fields*/) noexcept(
                  detail::is_nothrow_walk_callback_v<Callback, MimePart>) {
    return detail::continue_walk(callback, part);
  };
  detail::PartFields fields;
  const MimePart top = detail::split_part_reading(message, 0, fields);
  return detail::walk_message(top, fields, each);
}

// A view of value with folding undone, copied into out (at most out_size
// characters): each line break and the white space around it becomes one
// space. Returns the number of characters written.
constexpr std::size_t unfold(std::string_view value, char* out, std::size_t out_size) noexcept {
  std::size_t written = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < value.size();) {
    if (detail::is_space(value[i])) {
      pending_space = written > 0;
      ++i;
      continue;
    }
    if (pending_space) {
      if (written == out_size) break;
      out[written++] = ' ';
      pending_space = false;
    }
    // A run of other characters is copied in one go.
    std::size_t run = i + 1;
    while (run < value.size() && !detail::is_space(value[run])) ++run;
    const std::size_t room = out_size - written;
    const std::size_t count = run - i < room ? run - i : room;
    for (std::size_t k = 0; k < count; ++k) out[written + k] = value[i + k];
    written += count;
    if (count < run - i) break;
    i = run;
  }
  return written;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_MIME_HPP
