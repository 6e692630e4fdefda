#ifndef SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP
#define SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP

// Undoing the content transfer encodings of RFC 2045 §6.7 (quoted-printable)
// and §6.8 (base64), so that bounce notices sent encoded can be read. Both
// decodings are never longer than their input, so a copy of a whole message
// fits in a buffer of the message's size: no allocation.
#include <cstddef>
#include <string_view>

#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/bounce/dsn.hpp>

namespace smtpcodes {
inline namespace v0 {

namespace detail {

[[nodiscard]] constexpr int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

[[nodiscard]] constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace detail

// Decodes base64 text into out (which needs in.size() characters at most).
// Line breaks and other characters outside the alphabet are skipped; "="
// ends the data. Returns the number of characters written.
constexpr std::size_t decode_base64(std::string_view in, char* out) noexcept {
  std::size_t written = 0;
  unsigned bits = 0;
  int count = 0;
  for (char c : in) {
    if (c == '=') break;
    const int value = detail::base64_value(c);
    if (value < 0) continue;
    bits = (bits << 6) | static_cast<unsigned>(value);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[written++] = static_cast<char>((bits >> count) & 0xFFU);
    }
  }
  return written;
}

// Decodes quoted-printable text into out (at most in.size() characters):
// "=XX" becomes the byte, "=" at a line end joins the lines (a soft line
// break); anything else is copied. Returns the number of characters written.
constexpr std::size_t decode_quoted_printable(std::string_view in, char* out) noexcept {
  std::size_t written = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '=') {
      out[written++] = c;
      continue;
    }
    std::size_t j = i + 1;
    while (j < in.size() && detail::is_space_or_tab(in[j])) ++j;  // trailing blanks before a soft break
    if (j < in.size() && (in[j] == '\r' || in[j] == '\n')) {
      i = (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n') ? j + 1 : j;
      continue;
    }
    if (j == in.size()) break;
    if (i + 2 < in.size() && detail::hex_value(in[i + 1]) >= 0 && detail::hex_value(in[i + 2]) >= 0) {
      out[written++] = static_cast<char>(detail::hex_value(in[i + 1]) * 16 + detail::hex_value(in[i + 2]));
      i += 2;
      continue;
    }
    out[written++] = c;
  }
  return written;
}

// Copies message into out, decoding the bodies of the text parts (text/*,
// message/delivery-status and message/feedback-report, or a single-part
// message) that declare base64 or quoted-printable. The returned message
// and headers are otherwise unchanged. out must hold message.size()
// characters; returns the number written (0 if out_size is too small).
constexpr std::size_t decode_text_parts(std::string_view message, char* out, std::size_t out_size) noexcept {
  if (out_size < message.size()) return 0;
  std::size_t written = 0;
  std::size_t copied_until = 0;
  const auto copy = [&](std::size_t from, std::size_t to) noexcept {
    for (std::size_t i = from; i < to; ++i) out[written++] = message[i];
  };
  for_each_mime_part(message, [&](const MimePart& part) noexcept {
    const std::string_view type = part.content_type();
    if (detail::istarts_with(type, "multipart/")) return true;
    const bool text_like = type.empty() || detail::istarts_with(type, "text/") || is_delivery_status_type(type) ||
                           detail::iequals(type, "message/feedback-report");
    const std::string_view encoding = detail::trim(header_value(part.headers, "Content-Transfer-Encoding"));
    const bool base64 = detail::iequals(encoding, "base64");
    const bool quoted = detail::iequals(encoding, "quoted-printable");
    if (!text_like || !(base64 || quoted) || part.body.empty()) return true;
    const auto start = static_cast<std::size_t>(part.body.data() - message.data());
    if (start < copied_until) return true;  // never happens for well-nested parts; stay safe
    copy(copied_until, start);
    written += base64 ? decode_base64(part.body, out + written) : decode_quoted_printable(part.body, out + written);
    copied_until = start + part.body.size();
    return true;
  });
  copy(copied_until, message.size());
  return written;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP
