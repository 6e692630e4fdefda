#ifndef SMTPCODES_EXAMPLES_JSON_HPP
#define SMTPCODES_EXAMPLES_JSON_HPP

// The one JSON writer of the command-line program: one object per line, keys
// in insertion order. Every string goes through valid_utf8, so the output is
// always UTF-8 as RFC 8259 §8.1 requires, whatever bytes the input held.
#include <cassert>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace smtpcodes_cli {

// The length of the well-formed UTF-8 sequence at text[at] (RFC 3629 §4:
// no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - at < length) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// Appends the character at text[at] to out, well-formed UTF-8 as it is and
// a byte that starts no well-formed sequence as U+FFFD; returns where the
// next character starts.
inline std::size_t append_utf8_character(std::string& out, std::string_view text, std::size_t at) {
  const std::size_t length = utf8_sequence_length(text, at);
  if (length == 0) {
    out += replacement_character;
    return at + 1;
  }
  out.append(text, at, length);
  return at + length;
}

// Eight bytes at a time: the bytes of a word are read in one load and
// tested with carries and borrows (a borrow or carry comes only from a byte
// the test flags, so a word that passes holds no flagged byte).
inline constexpr std::uint64_t byte_ones = 0x0101010101010101U;
inline constexpr std::uint64_t byte_highs = 0x8080808080808080U;

inline std::uint64_t load_word(const char* at) {
  std::uint64_t word = 0;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// Where the run of ASCII bytes that starts at text[from] ends, at most at limit.
inline std::size_t ascii_run_end(std::string_view text, std::size_t from, std::size_t limit) {
  std::size_t run = from;
  while (run + 8 <= limit && (load_word(text.data() + run) & byte_highs) == 0) run += 8;
  while (run < limit && static_cast<unsigned char>(text[run]) < 0x80) ++run;
  return run;
}

// Whether none of a word's bytes needs an escape in a JSON string or is
// outside ASCII: printable ASCII other than '"' and '\\'.
inline bool is_json_plain_word(std::uint64_t word) {
  const std::uint64_t below_space = (word - byte_ones * 0x20) & ~word;
  const std::uint64_t quote = word ^ (byte_ones * 0x22U);      // '"'
  const std::uint64_t backslash = word ^ (byte_ones * 0x5CU);  // '\\'
  const std::uint64_t zero_byte = ((quote - byte_ones) & ~quote) | ((backslash - byte_ones) & ~backslash);
  // word + ones carries into the high bit from 0x7F, the one byte below 0x80 to flag.
  return ((word | (word + byte_ones) | below_space | zero_byte) & byte_highs) == 0;
}

// The last 1 to 7 bytes of a text in one word, for a test that asks the
// same of each byte: two loads that may overlap, or for fewer than four
// bytes the first, middle and last one with plain letters beside them.
inline std::uint64_t tail_word(const char* at, std::size_t count) {
  if (count >= 4) {
    std::uint32_t low = 0;
    std::uint32_t high = 0;
    std::memcpy(&low, at, sizeof low);
    std::memcpy(&high, at + count - 4, sizeof high);
    return low | std::uint64_t{high} << 32;
  }
  const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(at[i])}; };
  return byte(0) | byte(count / 2) << 8 | byte(count - 1) << 16 | (byte_ones * 'a') << 24;
}

// Where the run of bytes that a JSON string holds as they are (printable
// ASCII other than '"' and '\\') that starts at text[from] ends.
inline std::size_t json_plain_run_end(std::string_view text, std::size_t from) {
  std::size_t run = from;
  while (run + 8 <= text.size() && is_json_plain_word(load_word(text.data() + run))) run += 8;
  // Most strings of a row are short, or end in fewer than eight bytes: one word tests those too.
  if (run < text.size() && run + 8 > text.size() &&
      is_json_plain_word(tail_word(text.data() + run, text.size() - run))) {
    return text.size();
  }
  while (run < text.size()) {
    const auto byte = static_cast<unsigned char>(text[run]);
    if (byte < 0x20 || byte >= 0x7F || byte == '"' || byte == '\\') break;
    ++run;
  }
  return run;
}

// Whether a JSON string holds all of text as it is: json_plain_run_end's
// answer, with a short text (most keys and values of a row) tested in one
// or two words, without its loop.
inline bool is_json_plain(std::string_view text) {
  if (text.empty()) return true;
  if (text.size() < 8) return is_json_plain_word(tail_word(text.data(), text.size()));
  if (text.size() <= 16) {
    return is_json_plain_word(load_word(text.data())) && is_json_plain_word(load_word(text.data() + text.size() - 8));
  }
  return json_plain_run_end(text, 0) == text.size();
}

// Appends text to out with every byte that starts no well-formed sequence
// made U+FFFD, keeping at most max_characters characters; truncated, if
// given, says whether any were dropped. A character is never split.
inline void append_valid_utf8(std::string& out, std::string_view text,
                              std::size_t max_characters = std::string_view::npos, bool* truncated = nullptr) {
  std::size_t characters = 0;
  std::size_t i = 0;
  while (i < text.size() && characters < max_characters) {
    // A run of ASCII is appended in one go, up to the limit.
    const std::size_t room = max_characters - characters;
    const std::size_t limit = room < text.size() - i ? i + room : text.size();
    const std::size_t run = ascii_run_end(text, i, limit);
    out.append(text, i, run - i);
    characters += run - i;
    i = run;
    if (i == limit) continue;
    i = append_utf8_character(out, text, i);
    ++characters;
  }
  if (truncated != nullptr) *truncated = i < text.size();
}

// Well-formed UTF-8 is kept; each byte that starts no well-formed sequence
// becomes U+FFFD (see append_valid_utf8).
inline std::string valid_utf8(std::string_view text, std::size_t max_characters = std::string_view::npos,
                              bool* truncated = nullptr) {
  std::string out;
  out.reserve(text.size());
  append_valid_utf8(out, text, max_characters, truncated);
  return out;
}

// Appends text to out as a JSON string, quotes included.
// Appends the escape of an ASCII byte a JSON string cannot hold as it is:
// '"', '\\' or a control character (RFC 8259 §7).
inline void append_json_escape(std::string& out, char c) {
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default: {
      constexpr char hex_digits[] = "0123456789abcdef";
      const auto byte = static_cast<unsigned char>(c);
      out += "\\u00";
      out += hex_digits[byte >> 4];
      out += hex_digits[byte & 0xFU];
    }
  }
}

inline void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of printable ASCII that needs no escape is appended in one go.
    const std::size_t run = json_plain_run_end(text, i);
    out.append(text, i, run - i);
    i = run;
    if (i == text.size()) break;
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      i = append_utf8_character(out, text, i);
      continue;
    }
    append_json_escape(out, c);
    ++i;
  }
  out += '"';
}

// ' ' and \t \n \v \f \r: the white space that smtpcodes::unfold folds.
inline bool is_folding_space(unsigned char byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }

// Appends, as a JSON string, text on one line: each run of white space
// between words made one space and the white space at the ends dropped (as
// smtpcodes::unfold does), at most max_characters characters of it kept and
// a byte that starts no well-formed UTF-8 sequence made U+FFFD (as
// append_valid_utf8 does). truncated says whether characters were dropped.
// One pass over text instead of one for each step and two copies: the same
// text as append_json_string of valid_utf8 of the unfolded text.
inline void append_json_one_line(std::string& out, std::string_view text, std::size_t max_characters, bool& truncated) {
  const auto byte_at = [text](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  // Printable ASCII that a JSON string holds as it is, white space aside.
  const auto is_word_byte = [](unsigned char byte) { return byte > ' ' && byte < 0x7F && byte != '"' && byte != '\\'; };
  out += '"';
  std::size_t characters = 0;
  bool space_pending = false;  // white space after a character written, before the next
  truncated = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_folding_space(byte_at(i))) {
      space_pending = characters > 0;
      ++i;
      continue;
    }
    if (characters + (space_pending ? 1 : 0) >= max_characters) {
      // The one space fits: it is written, as the unfolded text's next character.
      if (space_pending && characters < max_characters) out += ' ';
      truncated = true;
      break;
    }
    if (space_pending) {
      out += ' ';
      ++characters;
      space_pending = false;
    }
    // A run of words with one space between each, most of a diagnostic, is appended in one go.
    const std::size_t room = max_characters - characters;
    std::size_t run = i;
    while (run < text.size() && run - i < room) {
      if (is_word_byte(byte_at(run))) {
        ++run;
      } else if (byte_at(run) == ' ' && run + 1 < text.size() && run + 2 - i <= room &&
                 is_word_byte(byte_at(run + 1))) {
        run += 2;
      } else {
        break;
      }
    }
    if (run > i) {
      out.append(text, i, run - i);
      characters += run - i;
      i = run;
      continue;
    }
    ++characters;
    if (byte_at(i) >= 0x80) {
      i = append_utf8_character(out, text, i);
    } else {
      append_json_escape(out, text[i]);
      ++i;
    }
  }
  out += '"';
}

inline std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_json_string(out, text);
  return out;
}

class JsonArray;

class JsonObject {
 public:
  JsonObject() = default;
  // Written straight onto the end of out, without a buffer of its own:
  // close() ends it (the bounce rows, one per line, are written so).
  explicit JsonObject(std::string& out) : target_(&out) {}

  JsonObject& string(std::string_view key, std::string_view value) { return string_field(key, value, false); }
  // null when the value is absent.
  JsonObject& string_or_null(std::string_view key, const std::optional<std::string_view>& value) {
    return value ? string_field(key, *value, false) : add(key, "null", false);
  }
  JsonObject& number(std::string_view key, long long value) { return number_field(key, value, false); }

  // The same with a key written as a string literal, one of the program's
  // own names (letters, digits and '_'), which needs no escape: the field
  // does not test it. A bounce row has about 27 such fields, and the test
  // of each key, with the code it kept from being folded, was about 3% of
  // the program's instructions.
  template <std::size_t N>
  JsonObject& string(const char (&key)[N], std::string_view value) {
    return string_field(literal_key(key), value, true);
  }
  template <std::size_t N>
  JsonObject& string_or_null(const char (&key)[N], const std::optional<std::string_view>& value) {
    return value ? string_field(literal_key(key), *value, true) : add(literal_key(key), "null", true);
  }
  template <std::size_t N>
  JsonObject& number(const char (&key)[N], long long value) {
    return number_field(literal_key(key), value, true);
  }
  template <std::size_t N>
  JsonObject& boolean(const char (&key)[N], bool value) {
    return add(literal_key(key), value ? "true" : "false", true);
  }
  template <std::size_t N>
  JsonObject& null(const char (&key)[N]) {
    return add(literal_key(key), "null", true);
  }

  // A string field of text on one line (append_json_one_line).
  JsonObject& one_line(std::string_view key, std::string_view text, std::size_t max_characters, bool& truncated) {
    append_key(key);
    append_json_one_line(body(), text, max_characters, truncated);
    return *this;
  }
  JsonObject& boolean(std::string_view key, bool value) { return add(key, value ? "true" : "false", false); }
  JsonObject& null(std::string_view key) { return add(key, "null", false); }
  JsonObject& object(std::string_view key, const JsonObject& value) { return add(key, value.str(), false); }
  JsonObject& array(std::string_view key, const JsonArray& value);
  [[nodiscard]] std::string str() const { return open_ ? own_ + "}" : "{}"; }
  // Ends an object written onto its target.
  void close() {
    if (target_ != nullptr && pending_size_ + 2 <= sizeof pending_) {
      if (!open_) pending_[pending_size_++] = '{';
      pending_[pending_size_++] = '}';
      open_ = true;
      flush();
      return;
    }
    body() += open_ ? "}" : "{}";
    open_ = true;
  }
  void print() const { std::printf("%s\n", str().c_str()); }

 private:
  std::string& body() {
    flush();
    return target_ != nullptr ? *target_ : own_;
  }
  // The short fields of an object written onto a target wait in pending_
  // and are appended in one piece, before a longer field and at close():
  // a bounce row has about 27 fields, and each append to the string cost
  // more than its bytes.
  void flush() {
    if (pending_size_ == 0) return;
    target_->append(pending_, pending_size_);
    pending_size_ = 0;
  }
  void append_key(std::string_view key) {
    std::string& out = body();
    out += open_ ? ',' : '{';
    open_ = true;
    append_json_string(out, key);
    out += ':';
  }
  template <std::size_t N>
  static std::string_view literal_key(const char (&key)[N]) {
    const std::string_view name(key, N - 1);
    assert(is_json_plain(name));
    return name;
  }
  JsonObject& string_field(std::string_view key, std::string_view value, bool key_is_plain) {
    if (append_plain_field(key, value, true, key_is_plain)) return *this;
    append_key(key);
    append_json_string(body(), value);
    return *this;
  }
  JsonObject& number_field(std::string_view key, long long value, bool key_is_plain) {
    char digits[24];  // a 64-bit number in decimal, its sign included
    const auto written = std::to_chars(digits, digits + sizeof digits, value);
    return add(key, std::string_view(digits, static_cast<std::size_t>(written.ptr - digits)), key_is_plain);
  }
  JsonObject& add(std::string_view key, std::string_view json, bool key_is_plain) {
    if (append_plain_field(key, json, false, key_is_plain)) return *this;
    append_key(key);
    body() += json;
    return *this;
  }
  // A short field whose key (and value, if quoted) needs no escape, most
  // fields of a bounce row, is put together here and appended in one
  // piece: each append to the string costs more than its bytes. False,
  // with nothing written, for any other field.
  bool append_plain_field(std::string_view key, std::string_view value, bool quoted, bool key_is_plain) {
    constexpr std::size_t piece_size = 128;
    if (key.size() + value.size() + 6 > piece_size || (!key_is_plain && !is_json_plain(key)) ||
        (quoted && !is_json_plain(value))) {
      return false;
    }
    char own_piece[piece_size];
    if (target_ != nullptr && pending_size_ + piece_size > sizeof pending_) flush();
    char* piece = target_ != nullptr ? pending_ + pending_size_ : own_piece;
    std::size_t size = 0;
    const auto put = [&](std::string_view text) {
      if (!text.empty()) std::memcpy(piece + size, text.data(), text.size());
      size += text.size();
    };
    // The punctuation is stored a byte at a time: a call to memcpy for each
    // of its pieces cost more than the bytes.
    piece[size++] = open_ ? ',' : '{';
    piece[size++] = '"';
    put(key);
    piece[size++] = '"';
    piece[size++] = ':';
    if (quoted) piece[size++] = '"';
    put(value);
    if (quoted) piece[size++] = '"';
    open_ = true;
    if (target_ != nullptr) {
      pending_size_ += size;
    } else {
      own_.append(piece, size);
    }
    return true;
  }
  std::string own_;
  std::string* target_ = nullptr;  // when written onto another string
  bool open_ = false;              // '{' written
  char pending_[1024];             // filled up to pending_size_, only with a target
  std::size_t pending_size_ = 0;
};

class JsonArray {
 public:
  JsonArray& string(std::string_view value) { return add(json_quote(value)); }
  JsonArray& number(long long value) { return add(std::to_string(value)); }
  JsonArray& object(const JsonObject& value) { return add(value.str()); }
  [[nodiscard]] std::string str() const { return body_.empty() ? "[]" : body_ + "]"; }

 private:
  JsonArray& add(std::string_view json) {
    body_ += body_.empty() ? "[" : ",";
    body_ += json;
    return *this;
  }
  std::string body_;
};

inline JsonObject& JsonObject::array(std::string_view key, const JsonArray& value) {
  return add(key, value.str(), false);
}

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_JSON_HPP
