// scan_reply, parse_whole_reply, parse_reply_line and parse_ehlo, in both modes, against the
// properties in tests/support/reply_properties.hpp. The first byte picks the
// options (allow_incomplete, max_line_length); the rest is the reply.
#include "../../fuzz.hpp"
#include "reply_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const smtpcodes::ReplyOptions options = smtpcodes_properties::options_from_byte(data[0]);
  const std::string_view input = smtpcodes_fuzz::text(data + 1, size - 1);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_whole_reply_both_modes(input, options), input);
  return 0;
}
