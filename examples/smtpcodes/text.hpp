#ifndef SMTPCODES_EXAMPLES_TEXT_HPP
#define SMTPCODES_EXAMPLES_TEXT_HPP

// Small text helpers of the program (the library's own are internal).
#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "json.hpp"

namespace smtpcodes_cli {

struct TextLine {
  std::string_view text;  // without its line ending
  std::size_t next;       // where the next line starts
};

// The line starting at pos; lines end in LF, CRLF, a bare CR (old Mac
// mailboxes, as the library reads them) or the end of the text.
inline TextLine line_at(std::string_view text, std::size_t pos) {
  // Two memchr calls, the second bounded by the first: find_first_of would
  // look each byte up in the set.
  const std::size_t feed = std::min(text.find('\n', pos), text.size());
  const std::size_t end = std::min(text.substr(0, feed).find('\r', pos), feed);
  std::size_t next = end;
  if (next < text.size()) next += text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n' ? 2U : 1U;
  return {text.substr(pos, end - pos), next};
}

inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// For a terminal: valid UTF-8 (see valid_utf8), control bytes as \xNN.
inline std::string escaped_for_terminal(std::string_view text, std::size_t max_characters = std::string_view::npos) {
  std::string out;
  for (char c : valid_utf8(text, max_characters)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(byte));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_TEXT_HPP
