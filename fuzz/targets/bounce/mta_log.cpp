// parse_mta_log_line on one log line, against the properties in
// tests/support/bounce_properties.hpp: every view inside the input, every
// offset pointing into it.
#include "../../fuzz.hpp"
#include "bounce_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_mta_log(input), input);
  return 0;
}
