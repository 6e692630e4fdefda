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
#include <string_view>

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

// Reads the header field that starts at pos and moves pos past it (and past
// its continuation lines). Lines without a colon are skipped. Returns false,
// with pos just after the blank line, at the end of the header block.
[[nodiscard]] constexpr bool next_header_field(std::string_view block, std::size_t& pos, HeaderField& field) noexcept {
  while (pos < block.size()) {
    const Line line = line_at(block, pos);
    if (is_blank_line(line.text)) {
      pos = line.next;
      return false;
    }
    const std::size_t colon = line.text.find(':');
    pos = line.next;
    if (is_space_or_tab(line.text[0]) || colon == std::string_view::npos || colon == 0) continue;
    const auto line_start = static_cast<std::size_t>(line.text.data() - block.data());
    const std::size_t value_start = line_start + colon + 1;
    std::size_t value_end = line_start + line.text.size();
    // RFC 5322 §2.2.3: a line that starts with white space continues the field.
    while (pos < block.size() && is_space_or_tab(block[pos])) {
      const Line more = line_at(block, pos);
      if (is_blank_line(more.text)) break;
      value_end = static_cast<std::size_t>(more.text.data() - block.data()) + more.text.size();
      pos = more.next;
    }
    field.name = trim(line.text.substr(0, colon));
    field.value = trim(block.substr(value_start, value_end - value_start));
    return true;
  }
  return false;
}

}  // namespace detail

// The value of the first field called name in a header block (up to the
// first blank line), or an empty view.
[[nodiscard]] constexpr std::string_view header_value(std::string_view headers, std::string_view name) noexcept {
  std::size_t pos = 0;
  HeaderField field;
  while (detail::next_header_field(headers, pos, field)) {
    if (detail::iequals(field.name, name)) return field.value;
  }
  return {};
}

// The value without an RFC 5322 comment: "5.1.1 (bad mailbox)" -> "5.1.1".
[[nodiscard]] constexpr std::string_view strip_comment(std::string_view value) noexcept {
  const std::size_t open = value.find('(');
  return detail::trim(open == std::string_view::npos ? value : value.substr(0, open));
}

// One MIME part (RFC 2045, RFC 2046 §5.1): its header block and its body.
struct MimePart {
  std::string_view headers;
  std::string_view body;
  int depth = 0;  // 0 for the message itself

  // The media type, "type/subtype", without parameters.
  [[nodiscard]] constexpr std::string_view content_type() const noexcept {
    const std::string_view value = header_value(headers, "Content-Type");
    return detail::trim(value.substr(0, value.find(';')));
  }
};

namespace detail {

// The value of a Content-Type parameter, quotes removed.
[[nodiscard]] constexpr std::string_view content_type_parameter(std::string_view content_type,
                                                                std::string_view lower_name) noexcept {
  std::size_t at = 0;
  while ((at = ifind(content_type, lower_name, at)) != std::string_view::npos) {
    const bool starts = at == 0 || content_type[at - 1] == ';' || is_space(content_type[at - 1]);
    std::size_t pos = at + lower_name.size();
    at = pos;
    while (pos < content_type.size() && is_space_or_tab(content_type[pos])) ++pos;
    if (!starts || pos == content_type.size() || content_type[pos] != '=') continue;
    ++pos;
    while (pos < content_type.size() && is_space(content_type[pos])) ++pos;
    if (pos < content_type.size() && content_type[pos] == '"') {
      const std::size_t close = content_type.find('"', pos + 1);
      return content_type.substr(pos + 1, close == std::string_view::npos ? close : close - pos - 1);
    }
    std::size_t end = pos;
    while (end < content_type.size() && content_type[end] != ';' && !is_space(content_type[end])) ++end;
    return content_type.substr(pos, end - pos);
  }
  return {};
}

// Splits a message into header block and body at the first blank line.
[[nodiscard]] constexpr MimePart split_part(std::string_view text, int depth) noexcept {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const Line line = line_at(text, pos);
    if (line.text.empty()) return MimePart{text.substr(0, pos), text.substr(line.next), depth};
    pos = line.next;
  }
  return MimePart{text, {}, depth};
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

inline constexpr int max_mime_depth = 4;

template <class Callback>
constexpr bool walk_parts(const MimePart& part, Callback& callback) noexcept {
  if (!callback(part)) return false;
  const std::string_view content_type = header_value(part.headers, "Content-Type");
  if (!istarts_with(trim(content_type), "multipart/") || part.depth >= max_mime_depth) return true;
  const std::string_view boundary = content_type_parameter(content_type, "boundary");
  if (boundary.empty()) return true;
  const std::string_view body = part.body;
  std::size_t pos = 0;
  std::size_t part_start = std::string_view::npos;
  while (pos < body.size()) {
    const Line line = line_at(body, pos);
    bool closing = false;
    if (is_delimiter(line.text, boundary, closing)) {
      if (part_start != std::string_view::npos) {
        // The line break before a delimiter belongs to the delimiter.
        std::size_t end = pos;
        if (end > part_start && body[end - 1] == '\n') --end;
        if (end > part_start && body[end - 1] == '\r') --end;
        const MimePart inner = split_part(body.substr(part_start, end - part_start), part.depth + 1);
        if (!walk_parts(inner, callback)) return false;
      }
      if (closing) return true;
      part_start = line.next;
    }
    pos = line.next;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) {
    return walk_parts(split_part(body.substr(part_start), part.depth + 1), callback);
  }
  return true;
}

}  // namespace detail

// Calls callback(const MimePart&) for the message and, depth first, for every
// part of its multipart bodies (at most detail::max_mime_depth levels deep).
// The callback returns false to stop. Transfer encodings are not undone.
template <class Callback>
constexpr void for_each_mime_part(std::string_view message, Callback callback) noexcept {
  const MimePart top = detail::split_part(message, 0);
  detail::walk_parts(top, callback);
}


// A view of value with folding undone, copied into out (at most out_size
// characters): each line break and the white space around it becomes one
// space. Returns the number of characters written.
constexpr std::size_t unfold(std::string_view value, char* out, std::size_t out_size) noexcept {
  std::size_t written = 0;
  bool pending_space = false;
  for (char c : value) {
    if (detail::is_space(c)) {
      pending_space = written > 0;
      continue;
    }
    if (pending_space) {
      if (written == out_size) break;
      out[written++] = ' ';
      pending_space = false;
    }
    if (written == out_size) break;
    out[written++] = c;
  }
  return written;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_MIME_HPP
