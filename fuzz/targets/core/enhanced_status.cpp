// parse_enhanced_status and detail::scan_enhanced_status, strict and lenient,
// against the RFC 3463 oracle and the properties in
// tests/support/parser_properties.hpp.
#include "../../fuzz.hpp"
#include "parser_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_enhanced_status(input), input);
  return 0;
}
