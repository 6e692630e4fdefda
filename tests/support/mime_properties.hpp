#ifndef SMTPCODES_TESTS_SUPPORT_MIME_PROPERTIES_HPP
#define SMTPCODES_TESTS_SUPPORT_MIME_PROPERTIES_HPP

// What must hold for every input of the MIME and header readers
// (bounce/mime.hpp, detail/text.hpp) and of the decoders
// (bounce/transfer_encoding.hpp), checked by their fuzzers. Each check
// returns nullptr or the property that failed.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/bounce/transfer_encoding.hpp>

namespace smtpcodes_properties {

inline bool inside(std::string_view part, std::string_view whole) {
  if (part.empty()) return true;
  const auto* begin = whole.data();
  return part.data() >= begin && part.data() + part.size() <= begin + whole.size();
}

// The lines of text as a plain byte loop splits them (CRLF, LF or a bare CR).
inline const char* check_lines(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = pos;
    while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
    std::size_t next = end;
    if (next < text.size()) next += text[next] == '\r' && next + 1 < text.size() && text[next + 1] == '\n' ? 2 : 1;
    const smtpcodes::detail::Line line = smtpcodes::detail::line_at(text, pos);
    if (line.text.data() != text.data() + pos || line.text.size() != end - pos || line.next != next) {
      return "line_at differs from a byte-by-byte scan";
    }
    pos = next;
  }
  return nullptr;
}

// The first field called name, read field by field.
inline std::string_view first_field_value(std::string_view headers, std::string_view name) {
  std::size_t pos = 0;
  smtpcodes::HeaderField field;
  while (smtpcodes::detail::next_header_field(headers, pos, field)) {
    if (smtpcodes::detail::iequals(field.name, name)) return field.value;
  }
  return {};
}

inline const char* check_header_value(std::string_view headers) {
  std::size_t pos = 0;
  smtpcodes::HeaderField field;
  while (smtpcodes::detail::next_header_field(headers, pos, field)) {
    const std::string_view value = smtpcodes::header_value(headers, field.name);
    if (value.data() != first_field_value(headers, field.name).data() ||
        value != first_field_value(headers, field.name)) {
      return "header_value finds another field than a field-by-field read";
    }
  }
  for (const char* name : {"Content-Type", "Missing", "", " Subject", "a:b", "\f"}) {
    if (smtpcodes::header_value(headers, name) != first_field_value(headers, name)) {
      return "header_value finds another field than a field-by-field read";
    }
  }
  return nullptr;
}

template <std::size_t Capacity>
const char* check_header_index(std::string_view headers) {
  const smtpcodes::BasicHeaderIndex<Capacity> index(headers);
  std::size_t pos = 0;
  std::size_t fields = 0;
  smtpcodes::HeaderField field;
  while (smtpcodes::detail::next_header_field(headers, pos, field)) {
    if (fields < Capacity && (index.begin()[fields].name != field.name || index.begin()[fields].value != field.value)) {
      return "the header index holds other fields than the block";
    }
    ++fields;
    if (index.value(field.name) != smtpcodes::header_value(headers, field.name)) {
      return "the header index answers differently from header_value";
    }
  }
  if (index.size() != (fields < Capacity ? fields : Capacity)) return "the header index holds too few fields";
  if (index.truncated() != (fields > Capacity)) return "the header index says truncated wrongly";
  for (const char* name : {"Content-Type", "Missing", ""}) {
    if (index.value(name) != smtpcodes::header_value(headers, name)) {
      return "the header index answers differently from header_value";
    }
  }
  return nullptr;
}

inline const char* check_mime(std::string_view message) {
  if (const char* failure = check_lines(message)) return failure;
  if (const char* failure = check_header_value(message)) return failure;
  if (const char* failure = check_header_index<64>(message)) return failure;
  if (const char* failure = check_header_index<2>(message)) return failure;
  std::size_t calls = 0;
  std::size_t flagged = 0;
  const char* failure = nullptr;
  const smtpcodes::MimeWalk walk = smtpcodes::for_each_mime_part(message, [&](const smtpcodes::MimePart& part) {
    ++calls;
    if (failure != nullptr) return;
    if (!inside(part.headers, message) || !inside(part.body, message)) failure = "a MIME part outside the message";
    if (part.depth < 0 || part.depth > smtpcodes::max_mime_depth) failure = "a MIME part deeper than max_mime_depth";
    if (part.parts_not_walked) {
      ++flagged;
      if (part.depth != smtpcodes::max_mime_depth) failure = "parts_not_walked above the depth limit";
    }
    if (!inside(part.content_type(), message)) failure = "a content type outside the message";
  });
  if (failure != nullptr) return failure;
  if (walk.parts != calls) return "MimeWalk::parts differs from the calls";
  if (walk.skipped_multiparts != flagged) return "MimeWalk::skipped_multiparts differs from the flagged parts";
  if (calls > message.size() + 1) return "more MIME parts than bytes";
  return nullptr;
}

// The plain encoders, to check that decoding undoes them.
inline std::string encode_base64(std::string_view bytes) {
  constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned group = 0;
    const std::size_t count = bytes.size() - i < 3 ? bytes.size() - i : 3;
    for (std::size_t k = 0; k < 3; ++k) {
      group = group << 8 | (k < count ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    }
    for (std::size_t k = 0; k < 4; ++k) out += k <= count ? alphabet[(group >> (18 - 6 * k)) & 63U] : '=';
    if ((i / 3) % 19 == 18) out += "\r\n";
  }
  return out;
}

inline std::string encode_quoted_printable(std::string_view bytes) {
  constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 33 && byte <= 126 && c != '=') {
      out += c;
    } else {
      out += '=';
      out += hex[byte >> 4];
      out += hex[byte & 15U];
    }
    if (out.size() % 70 > 66) out += "=\r\n";
  }
  return out;
}

using Decoder = smtpcodes::DecodeResult (*)(std::string_view, char*, std::size_t) noexcept;

// A buffer too small gives the size the whole result needs and its start;
// a buffer of that size gives the whole result.
inline const char* check_decoder(Decoder decode, std::string_view in, std::size_t bound) {
  std::string out(in.size() + 1, '\0');
  const smtpcodes::DecodeResult whole = decode(in, out.data(), out.size());
  if (!whole) return "a decoder fails with a buffer larger than its input";
  if (whole->written > bound) return "a decoder writes more than its bound";
  if (whole->invalid_bytes > in.size()) return "more invalid bytes than input";
  const std::string_view result(out.data(), whole->written);
  if (whole->written > 0) {
    std::string small(whole->written, '\0');
    const std::size_t size = whole->written - 1;
    const smtpcodes::DecodeResult cut = decode(in, small.data(), size);
    if (cut || cut.error().kind != smtpcodes::DecodeErrorKind::buffer_too_small ||
        cut.error().needed != whole->written) {
      return "a buffer one byte too small is not reported with the size needed";
    }
    if (std::string_view(small.data(), size) != result.substr(0, size)) return "a small buffer holds another start";
  }
  std::string exact(whole->written, '\0');
  const smtpcodes::DecodeResult again = decode(in, exact.data(), exact.size());
  if (!again || *again != *whole || exact != result) return "a buffer of the exact size gives another result";
  return nullptr;
}

inline const char* check_transfer_encoding(std::string_view input) {
  if (const char* failure = check_decoder(smtpcodes::decode_base64, input, input.size() / 4 * 3 + 2)) return failure;
  if (const char* failure = check_decoder(smtpcodes::decode_quoted_printable, input, input.size())) return failure;
  if (const char* failure = check_decoder(smtpcodes::decode_text_parts, input, input.size())) return failure;
  // Decoding undoes encoding, and the encoders' output is all valid.
  const std::string bytes(input.substr(0, 512));
  for (const auto& [encoded, decode] : {std::pair<std::string, Decoder>{encode_base64(bytes), smtpcodes::decode_base64},
                                        {encode_quoted_printable(bytes), smtpcodes::decode_quoted_printable}}) {
    std::string out(encoded.size(), '\0');
    const smtpcodes::DecodeResult result = decode(encoded, out.data(), out.size());
    if (!result || std::string_view(out.data(), result->written) != bytes || result->invalid_bytes != 0) {
      return "decoding does not undo encoding";
    }
  }
  // Blocks encoded one after another decode to the blocks one after another.
  const std::string halves =
      encode_base64(bytes.substr(0, bytes.size() / 2)) + encode_base64(bytes.substr(bytes.size() / 2));
  std::string out(halves.size(), '\0');
  const smtpcodes::DecodeResult result = smtpcodes::decode_base64(halves, out.data(), out.size());
  if (!result || std::string_view(out.data(), result->written) != bytes) return "base64 blocks are not all decoded";
  return nullptr;
}

}  // namespace smtpcodes_properties

#endif  // SMTPCODES_TESTS_SUPPORT_MIME_PROPERTIES_HPP
