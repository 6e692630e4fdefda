// The stream parser fed in chunks the fuzzer chooses, against a loop over
// scan_reply on the whole input (tests/support/reply_properties.hpp).
// Byte 0 picks the options, byte 1 how many chunk sizes follow (0 to 7), the
// next bytes are the chunk sizes (used in turn), and the rest is the stream.
#include <vector>

#include "../../fuzz.hpp"
#include "reply_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const smtpcodes::ReplyOptions options = smtpcodes_properties::options_from_byte(data[0]);
  const std::size_t count = data[1] % 8U;
  if (size < 2 + count) return 0;
  const std::vector<std::size_t> pieces(data + 2, data + 2 + count);
  const std::string_view input = smtpcodes_fuzz::text(data + 2 + count, size - 2 - count);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_stream(input, options, pieces), input);
  return 0;
}
