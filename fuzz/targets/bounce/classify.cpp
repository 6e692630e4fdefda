// classify_text and classify on a diagnostic text, with the codes found in
// it and a DSN action chosen by the first byte, against the properties in
// tests/support/bounce_properties.hpp.
#include "../../fuzz.hpp"
#include "bounce_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view input = smtpcodes_fuzz::text(data + 1, size - 1);
  smtpcodes_fuzz::expect(smtpcodes_properties::check_classify(input, data[0]), input);
  return 0;
}
