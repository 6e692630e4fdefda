// for_each_mime_part, the header readers and line_at on any message, against
// the properties in tests/support/mime_properties.hpp: every part inside the
// message and no deeper than max_mime_depth, the depth limit reported where
// it bites, HeaderIndex answering as header_value, lines as a byte loop
// splits them.
#include "../../fuzz.hpp"
#include "mime_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_mime(input), input);
  return 0;
}
