// decode_base64, decode_quoted_printable and decode_text_parts on any input,
// against the properties in tests/support/mime_properties.hpp: the result
// within its bound, a buffer too small reported with the size needed, and
// decoding undoing a plain encoder (base64 blocks one after another too).
#include "../../fuzz.hpp"
#include "mime_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_transfer_encoding(input), input);
  return 0;
}
