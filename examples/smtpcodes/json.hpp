#ifndef SMTPCODES_EXAMPLES_JSON_HPP
#define SMTPCODES_EXAMPLES_JSON_HPP

// A minimal JSON object writer for the command-line program: one object per
// line, keys in insertion order, strings escaped per RFC 8259.
#include <cstdio>
#include <string>
#include <string_view>

namespace smtpcodes_cli {

inline std::string json_quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(byte));
          out += escaped;
        } else {
          out += c;  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
  return out;
}

class JsonObject {
 public:
  JsonObject& string(std::string_view key, std::string_view value) { return raw(key, json_quote(value)); }
  JsonObject& number(std::string_view key, long long value) { return raw(key, std::to_string(value)); }
  JsonObject& boolean(std::string_view key, bool value) { return raw(key, value ? "true" : "false"); }
  JsonObject& null(std::string_view key) { return raw(key, "null"); }
  // value must already be valid JSON (a nested object or an array).
  JsonObject& raw(std::string_view key, std::string_view json) {
    body_ += body_.empty() ? "{" : ",";
    body_ += json_quote(key);
    body_ += ':';
    body_ += json;
    return *this;
  }
  [[nodiscard]] std::string str() const { return body_.empty() ? "{}" : body_ + "}"; }

 private:
  std::string body_;
};

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_JSON_HPP
