// decode_text_parts into a DecodedMessage, then for_each_bounce_recipient on
// it, against a reading of the decoded text from scratch
// (tests/support/bounce_properties.hpp): the replayed MIME parts and header
// index must give the same rows as a fresh walk.
#include "../../fuzz.hpp"
#include "bounce_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_decoded_message(input), input);
  return 0;
}
