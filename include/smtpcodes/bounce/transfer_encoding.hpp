#ifndef SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP
#define SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP

// Undoing the content transfer encodings of RFC 2045 §6.7 (quoted-printable)
// and §6.8 (base64), so that bounce notices sent encoded can be read. Both
// decodings are never longer than their input, so a copy of a whole message
// fits in a buffer of the message's size: no allocation.
//
// Every decoder writes into the caller's buffer of a given size and returns
// a DecodeResult: how much it wrote and how many input bytes the encoding
// does not allow, or, when the buffer is too small, the size it needs.
// Broken input is decoded as far as it can be, never dropped wholesale.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <smtpcodes/bounce/dsn.hpp>
#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/detail/text.hpp>
#include <smtpcodes/detail/vector_text.hpp>
#include <smtpcodes/result.hpp>

namespace smtpcodes {
inline namespace v0 {

// What a decoder wrote, and what it could not decode.
struct Decoded {
  std::size_t written = 0;  // characters written to out
  // Input bytes the encoding does not allow: base64 skips them,
  // quoted-printable keeps them as they are (see each decoder).
  std::size_t invalid_bytes = 0;
  // decode_text_parts only: multipart parts at max_mime_depth, whose parts
  // were copied without decoding.
  std::size_t skipped_multiparts = 0;

  friend constexpr bool operator==(const Decoded& a, const Decoded& b) noexcept {
    return a.written == b.written && a.invalid_bytes == b.invalid_bytes && a.skipped_multiparts == b.skipped_multiparts;
  }
  friend constexpr bool operator!=(const Decoded& a, const Decoded& b) noexcept { return !(a == b); }
};

enum class DecodeErrorKind : std::uint8_t {
  buffer_too_small = 1,  // out cannot hold the result; DecodeError::needed can
};

[[nodiscard]] constexpr std::string_view name(DecodeErrorKind kind) noexcept {
  switch (kind) {
    case DecodeErrorKind::buffer_too_small: break;
  }
  return "buffer_too_small";
}

struct DecodeError {
  DecodeErrorKind kind = DecodeErrorKind::buffer_too_small;
  std::size_t needed = 0;  // the size of out that holds the whole result

  friend constexpr bool operator==(const DecodeError& a, const DecodeError& b) noexcept {
    return a.kind == b.kind && a.needed == b.needed;
  }
  friend constexpr bool operator!=(const DecodeError& a, const DecodeError& b) noexcept { return !(a == b); }
};

// The result of every decode_ function. On buffer_too_small, out holds the
// first out_size characters of the result.
using DecodeResult = Result<Decoded, DecodeError>;

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

namespace detail {

// The caller's buffer: writes what fits and counts everything, so that a
// buffer too small learns the size it needs in the same pass.
class DecodeOutput {
 public:
  constexpr DecodeOutput(char* out, std::size_t size) noexcept : out_(out), size_(size) {}

  constexpr void put(char c) noexcept {
    if (written_ < size_) out_[written_] = c;
    ++written_;
  }

  // Text that needs no decoding, copied in one go.
  constexpr void copy(std::string_view text) noexcept {
    const std::size_t room = written_ < size_ ? size_ - written_ : 0;
    const std::size_t count = text.size() < room ? text.size() : room;
    if (count != 0) {
      if (SMTPCODES_CONSTANT_EVALUATED()) {
        for (std::size_t i = 0; i < count; ++i) out_[written_ + i] = text[i];
      } else {
        std::memcpy(out_ + written_, text.data(), count);
      }
    }
    written_ += text.size();
  }

  [[nodiscard]] constexpr std::size_t written() const noexcept { return written_; }
  [[nodiscard]] constexpr bool fits() const noexcept { return written_ <= size_; }
  [[nodiscard]] constexpr const char* data() const noexcept { return out_; }

  [[nodiscard]] constexpr DecodeResult result(const Decoded& decoded) const noexcept {
    if (written_ > size_) return DecodeError{DecodeErrorKind::buffer_too_small, written_};
    Decoded done = decoded;
    done.written = written_;
    return done;
  }

 private:
  char* out_;
  std::size_t size_;
  std::size_t written_ = 0;
};

// RFC 2045 §6.8, returning the count of invalid bytes.
constexpr std::size_t decode_base64_into(std::string_view in, DecodeOutput& output) noexcept {
  std::size_t invalid = 0;
  unsigned bits = 0;
  int bit_count = 0;
  int group = 0;         // characters of the current group of four
  int padding_left = 0;  // "=" that may still follow the padding of a group
  for (const char c : in) {
    const int value = base64_value(c);
    if (value >= 0) {
      bits = (bits << 6) | static_cast<unsigned>(value);
      bit_count += 6;
      if (bit_count >= 8) {
        bit_count -= 8;
        output.put(static_cast<char>((bits >> bit_count) & 0xFFU));
      }
      group = (group + 1) % 4;
      padding_left = 0;
    } else if (c == '=') {
      if (group >= 2) {
        // Padding ends the group (its bytes are out) but not the data:
        // blocks encoded one after another are all read.
        padding_left = 3 - group;
        group = 0;
        bits = 0;
        bit_count = 0;
      } else if (group == 0 && padding_left > 0) {
        --padding_left;
      } else {
        // Out of place; a lone character before it cannot make a byte.
        invalid += 1 + static_cast<std::size_t>(group);
        group = 0;
        bits = 0;
        bit_count = 0;
      }
    } else if (!is_space(c)) {
      ++invalid;  // RFC 2045 §6.8: ignored, but reported
    }
  }
  if (group == 1) ++invalid;  // six bits, no byte
  return invalid;
}

// Bytes that quoted-printable text never holds as they are (RFC 2045 §6.7
// rules 2-4): controls other than tab and line breaks, and 0x7F-0xFF.
[[nodiscard]] constexpr bool is_quoted_printable_literal(char c) noexcept {
  const auto byte = static_cast<unsigned char>(c);
  return (byte >= 0x20 && byte < 0x7F) || c == '\t' || c == '\r' || c == '\n';
}

// Does quoted-printable hold c as it is, c not starting an escape?
[[nodiscard]] constexpr bool is_quoted_printable_plain(char c) noexcept {
  return c != '=' && is_quoted_printable_literal(c);
}

// The end of the run of text at from that is copied as it is: the first
// "=" or byte quoted-printable never holds as it is, or text.size(). A
// decoded body is mostly such runs, a line or more each, so they are found
// many bytes a step at run time: sixteen with SSE2 (as signed bytes, those
// from 0x80 are below a space too); else eight, a word of printable ASCII
// without "=" passing a borrow-and-carry test (a borrow or a carry comes
// only from a byte outside that range or from "=" made zero), a word that
// fails it read byte by byte.
[[nodiscard]] constexpr std::size_t quoted_printable_run_end(std::string_view text, std::size_t from) noexcept {
  if (!SMTPCODES_CONSTANT_EVALUATED()) {
#if defined(__SSE2__) && defined(__GNUC__)  // detail/vector_text.hpp
    constexpr std::size_t step = 16;
    for (; text.size() - from >= step; from += step) {
      vector_bytes bytes{};
      std::memcpy(&bytes, text.data() + from, sizeof bytes);
      const auto stops =
          ((bytes < ' ') & (bytes != '\t') & (bytes != '\r') & (bytes != '\n')) | (bytes == 0x7F) | (bytes == '=');
      const auto mask = static_cast<unsigned>(__builtin_ia32_pmovmskb128(reinterpret_cast<vector_chars>(stops)));
      if (mask != 0) return from + static_cast<std::size_t>(__builtin_ctz(mask));
    }
#else
    constexpr std::uint64_t ones = 0x0101010101010101U;
    constexpr std::uint64_t highs = 0x8080808080808080U;
    for (; text.size() - from >= 8; from += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + from, sizeof word);
      const std::uint64_t below_space = (word - ones * 0x20) & ~word;
      const std::uint64_t equals = word ^ (ones * static_cast<unsigned char>('='));
      const std::uint64_t equals_zero = (equals - ones) & ~equals;
      if (((word | (word + ones) | below_space | equals_zero) & highs) == 0) continue;
      for (std::size_t k = from; k < from + 8; ++k) {
        if (!is_quoted_printable_plain(text[k])) return k;
      }
    }
#endif
  }
  for (; from < text.size(); ++from) {
    if (!is_quoted_printable_plain(text[from])) return from;
  }
  return from;
}

// RFC 2045 §6.7, returning the count of invalid bytes.
constexpr std::size_t decode_quoted_printable_into(std::string_view in, DecodeOutput& output) noexcept {
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '=') {
      // A run that needs no decoding is copied in one go; a byte that
      // quoted-printable never holds as it is, kept as it is.
      const std::size_t end = quoted_printable_run_end(in, i);
      if (end == i) {
        ++invalid;
        output.put(c);
        continue;
      }
      output.copy(in.substr(i, end - i));
      i = end - 1;
      continue;
    }
    std::size_t j = i + 1;
    while (j < in.size() && is_space_or_tab(in[j])) ++j;  // trailing blanks before a soft break
    if (j == in.size()) break;                            // a soft break that ends the text
    if (in[j] == '\r' || in[j] == '\n') {
      i = (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n') ? j + 1 : j;
      continue;
    }
    if (i + 2 < in.size() && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
      output.put(static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2])));
      i += 2;
      continue;
    }
    // RFC 2045 §6.7 note (2): keep an "=" that starts no escape as it is.
    ++invalid;
    output.put(c);
  }
  return invalid;
}

}  // namespace detail

// Decodes base64 (RFC 2045 §6.8) into out, which needs at most
// in.size() * 3 / 4 characters. Line breaks and blanks are skipped. "="
// padding ends a group of four, not the data, so blocks encoded one after
// another are all decoded. Skipped and counted in invalid_bytes: characters
// outside the alphabet, "=" that pads no group, and a lone character that
// cannot make a byte.
[[nodiscard]] constexpr DecodeResult decode_base64(std::string_view in, char* out, std::size_t out_size) noexcept {
  detail::DecodeOutput output(out, out_size);
  Decoded decoded;
  decoded.invalid_bytes = detail::decode_base64_into(in, output);
  return output.result(decoded);
}

// Decodes quoted-printable (RFC 2045 §6.7) into out, which needs at most
// in.size() characters: "=XX" (hex digits in either case) becomes the byte,
// "=" at the end of a line (after optional blanks) joins the lines. Kept as
// they are and counted in invalid_bytes: an "=" that starts no escape, and
// bytes quoted-printable never holds as they are (controls other than tab
// and line breaks, 0x7F-0xFF).
[[nodiscard]] constexpr DecodeResult decode_quoted_printable(std::string_view in, char* out,
                                                             std::size_t out_size) noexcept {
  detail::DecodeOutput output(out, out_size);
  Decoded decoded;
  decoded.invalid_bytes = detail::decode_quoted_printable_into(in, output);
  return output.result(decoded);
}

namespace detail {
struct DecodedMessageAccess;
}  // namespace detail

// A message with the transfer encodings of its text parts undone, and where
// its MIME parts lie, filled by decode_text_parts(message, out, out_size,
// decoded): for_each_bounce_recipient reads it without walking its MIME
// structure again. text() is the message itself when no part needed
// decoding (nothing is copied), else the decoded copy in out; the message
// and out must outlive it. About 4 KB: keep one and refill it.
class DecodedMessage {
 public:
  constexpr DecodedMessage() noexcept = default;

  // What the bounce reader reads: the message, decoded where it had to be.
  [[nodiscard]] constexpr std::string_view text() const noexcept { return text_; }

 private:
  friend struct detail::DecodedMessageAccess;
  std::string_view text_;
  detail::PartIndex parts_;
};

namespace detail {

struct DecodedMessageAccess {
  [[nodiscard]] static constexpr const PartIndex& parts(const DecodedMessage& message) noexcept {
    return message.parts_;
  }
  [[nodiscard]] static constexpr PartIndex& parts(DecodedMessage& message) noexcept { return message.parts_; }
  static constexpr void set_text(DecodedMessage& message, std::string_view text) noexcept { message.text_ = text; }
};

// Notes in index that the body which ended at end (in the message) was
// decoded into output from body_start on. A walk of the copy would split
// it as the message was split unless the decoded text holds a line that
// starts with "--" (it could be a delimiter) or ends in a CR (it could join
// the line break before the next delimiter): then the index is not
// replayed.
constexpr void record_decoded_body(PartIndex& index, const DecodeOutput& output, std::size_t body_start,
                                   std::size_t end, std::size_t encoded_size) noexcept {
  const std::size_t decoded_size = output.written() - body_start;
  index.add_move(end, encoded_size - decoded_size);
  if (!output.fits()) {
    index.complete = false;
    return;
  }
  const std::string_view body(output.data() + body_start, decoded_size);
  if ((!body.empty() && body.back() == '\r') || next_dash_line(body, 0) != std::string_view::npos) {
    index.complete = false;
  }
}

// decode_text_parts, keeping the parts it walks in index when one is given.
// Nothing is written to output unless a part is decoded (copied then says so).
[[nodiscard]] constexpr DecodeResult decode_text_parts_indexing(std::string_view message, DecodeOutput& output,
                                                                PartIndex* index, bool& copied) noexcept {
  Decoded decoded;
  std::size_t copied_until = 0;
  copied = false;
  // Each part's header block is read once, by the walk, for both fields.
  auto each = [&](const MimePart& part, const PartFields& fields) noexcept {
    if (index != nullptr) index->add(message, part, fields);
    const std::string_view type = media_type_of(fields.content_type);
    if (istarts_with(type, "multipart/")) return true;
    const bool text_like = type.empty() || istarts_with(type, "text/") || is_delivery_status_type(type) ||
                           iequals(type, "message/feedback-report");
    if (!text_like || part.body.empty()) return true;
    const std::string_view encoding = fields.transfer_encoding;
    const bool base64 = iequals(encoding, "base64");
    if (!base64 && !iequals(encoding, "quoted-printable")) return true;
    const auto start = static_cast<std::size_t>(part.body.data() - message.data());
    if (start < copied_until) return true;  // never happens for well-nested parts; stay safe
    copied = true;
    output.copy(message.substr(copied_until, start - copied_until));
    const std::size_t body_start = output.written();
    decoded.invalid_bytes +=
        base64 ? decode_base64_into(part.body, output) : decode_quoted_printable_into(part.body, output);
    copied_until = start + part.body.size();
    if (index != nullptr) record_decoded_body(*index, output, body_start, copied_until, part.body.size());
    return true;
  };
  PartFields fields;
  MimePart top;
  if (index == nullptr) {
    top = split_part_reading(message, 0, fields);
  } else {
    // The top header block is indexed as read_structure indexes it, which
    // then takes the index instead of reading the block again.
    top = read_top_header_block(message, index->top_headers);
    fields.content_type = index->top_headers.value("Content-Type");
    fields.transfer_encoding = index->top_headers.value("Content-Transfer-Encoding");
  }
  const MimeWalk walk = walk_message(top, fields, each);
  if (copied) output.copy(message.substr(copied_until));
  decoded.skipped_multiparts = walk.skipped_multiparts;
  Decoded done = decoded;
  done.written = copied ? output.written() : message.size();
  return output.fits() ? DecodeResult{done}
                       : DecodeResult{DecodeError{DecodeErrorKind::buffer_too_small, done.written}};
}

}  // namespace detail

// Copies message into out, decoding the bodies of the text parts (text/*,
// message/delivery-status and message/feedback-report, or a single-part
// message) that declare base64 or quoted-printable. The rest, headers
// included, is copied unchanged. out needs at most message.size()
// characters. invalid_bytes adds up those of every decoded body; parts
// nested deeper than max_mime_depth are copied undecoded
// (skipped_multiparts counts the parts that hold them).
[[nodiscard]] constexpr DecodeResult decode_text_parts(std::string_view message, char* out,
                                                       std::size_t out_size) noexcept {
  detail::DecodeOutput output(out, out_size);
  bool copied = false;
  const DecodeResult result = detail::decode_text_parts_indexing(message, output, nullptr, copied);
  if (!copied) output.copy(message);  // nothing decoded: out still gets the message
  return output.result(result.value_or(Decoded{}));
}

// The same decoding, for the bounce reader: fills decoded (see
// DecodedMessage), copying nothing when no part needs decoding. On
// buffer_too_small, decoded.text() is the message as sent.
[[nodiscard]] constexpr DecodeResult decode_text_parts(std::string_view message SMTPCODES_LIFETIMEBOUND, char* out,
                                                       std::size_t out_size, DecodedMessage& decoded) noexcept {
  detail::DecodeOutput output(out, out_size);
  detail::PartIndex& index = detail::DecodedMessageAccess::parts(decoded);
  index.clear();
  bool copied = false;
  const DecodeResult result = detail::decode_text_parts_indexing(message, output, &index, copied);
  if (!result) {
    index.clear();
    index.complete = false;
  }
  const bool read_in_copy = copied && result;
  const std::string_view text = read_in_copy ? std::string_view(out, result->written) : message;
  // The top header block was copied as it is, at the same offsets.
  if (read_in_copy) detail::HeaderIndexAccess::move_to_copy(index.top_headers, message, text);
  detail::DecodedMessageAccess::set_text(decoded, text);
  return result;
}
// decoded views the message when nothing needed decoding: a temporary
// string would dangle.
template <class String, std::enable_if_t<detail::owning_temporary_v<String>, int> = 0>
DecodeResult decode_text_parts(String&& message, char* out, std::size_t out_size, DecodedMessage& decoded) = delete;

// The 0.1 signatures, for one release: they trusted out to be large enough.
[[deprecated("use decode_base64(in, out, out_size), which returns a DecodeResult")]] constexpr std::size_t
decode_base64(std::string_view in, char* out) noexcept {
  return decode_base64(in, out, in.size()).value_or(Decoded{}).written;
}
[[deprecated("use decode_quoted_printable(in, out, out_size), which returns a DecodeResult")]] constexpr std::size_t
decode_quoted_printable(std::string_view in, char* out) noexcept {
  return decode_quoted_printable(in, out, in.size()).value_or(Decoded{}).written;
}

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_BOUNCE_TRANSFER_ENCODING_HPP
