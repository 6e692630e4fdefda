// The MIME walk and the transfer decoders as the library sees a message, one
// JSON line per part, for tests/bounce/mime_python_check.py to compare with
// Python's email package. Every byte string is hex, so the output is ASCII
// whatever the input holds.
//
// Usage: mime_dump FILE...
// Per part:  {"file": N, "depth": D, "not_walked": B, "type": H, "charset": H,
//             "boundary": H, "cte": H, "body": H, "decoded": H, "invalid": N}
// Per file:  {"file": N, "parts": N, "skipped_multiparts": N, "truncated": B}
// where N is the file's index on the command line, H hex, B true/false.
// "decoded" is null when the part declares neither base64 nor
// quoted-printable, or is a multipart; "type" is lower-cased.
#include <cstddef>
#include <exception>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounce/mime.hpp>
#include <smtpcodes/bounce/transfer_encoding.hpp>

namespace {

std::string hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2 + 2);
  out += '"';
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += digits[byte >> 4U];
    out += digits[byte & 0xFU];
  }
  out += '"';
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = smtpcodes::detail::to_lower(c);
  return out;
}

const char* boolean(bool value) { return value ? "true" : "false"; }

// The body with its transfer encoding undone by the library's decoders, or
// "null" when it declares none they undo.
std::string decoded(const smtpcodes::MimePart& part, std::size_t& invalid) {
  namespace sc = smtpcodes;
  const std::string_view encoding = sc::detail::trim(sc::header_value(part.headers, "Content-Transfer-Encoding"));
  const bool base64 = sc::detail::iequals(encoding, "base64");
  if (!base64 && !sc::detail::iequals(encoding, "quoted-printable")) return "null";
  std::vector<char> out(part.body.size());
  const sc::DecodeResult result = base64 ? sc::decode_base64(part.body, out.data(), out.size())
                                         : sc::decode_quoted_printable(part.body, out.data(), out.size());
  if (!result) {
    // The decoders promise that a buffer of the input's size is enough.
    std::cerr << "mime_dump: decoder asked for " << result.error().needed << " bytes for " << part.body.size() << "\n";
    return "\"error\"";
  }
  invalid = result.value().invalid_bytes;
  return hex(std::string_view(out.data(), result.value().written));
}

void dump(std::size_t file, std::string_view message) {
  namespace sc = smtpcodes;
  const sc::MimeWalk walk = sc::for_each_mime_part(message, [file](const sc::MimePart& part) {
    const bool multipart = sc::detail::istarts_with(part.content_type(), "multipart/");
    std::size_t invalid = 0;
    const std::string body = multipart ? "null" : decoded(part, invalid);
    std::cout << "{\"file\": " << file << ", \"depth\": " << part.depth
              << ", \"not_walked\": " << boolean(part.parts_not_walked)
              << ", \"type\": " << hex(lower(part.content_type()))
              << ", \"charset\": " << hex(part.parameter("charset"))
              << ", \"boundary\": " << hex(part.parameter("boundary"))
              << ", \"cte\": " << hex(sc::header_value(part.headers, "Content-Transfer-Encoding"))
              << ", \"body\": " << hex(part.body) << ", \"decoded\": " << body << ", \"invalid\": " << invalid << "}\n";
  });
  std::cout << "{\"file\": " << file << ", \"parts\": " << walk.parts
            << ", \"skipped_multiparts\": " << walk.skipped_multiparts
            << ", \"truncated\": " << boolean(walk.truncated()) << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Reading a file may throw (std::bad_alloc); say so and fail rather than terminate.
  try {
    int status = 0;
    for (int i = 1; i < argc; ++i) {
      std::ifstream in(argv[i], std::ios::binary);
      if (!in) {
        std::cerr << "mime_dump: cannot read " << argv[i] << "\n";
        status = 1;
        continue;
      }
      const std::string message{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      dump(static_cast<std::size_t>(i - 1), message);
    }
    return status;
  } catch (const std::exception& error) {
    std::cerr << "mime_dump: " << error.what() << "\n";
    return 2;
  }
}
