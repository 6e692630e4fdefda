// Registry lookups and describe() for codes taken from the input, against
// linear scans of the tables and the properties in
// tests/support/registry_properties.hpp. The codes come from the bytes two
// ways: parsed (the input read as "550 5.1.1 ..."), so reply-like inputs reach
// the registered codes, or else taken as raw numbers, so every code is
// reachable.
#include "../../fuzz.hpp"
#include "registry_properties.hpp"

namespace {

unsigned number(const std::uint8_t* data, std::size_t size, std::size_t at) {
  const unsigned high = at < size ? data[at] : 0U;
  const unsigned low = at + 1 < size ? data[at + 1] : 0U;
  return high << 8U | low;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using smtpcodes::ParseMode;
  const std::string_view input = smtpcodes_fuzz::text(data, size);

  const auto parsed_reply = smtpcodes::parse_reply(input, ParseMode::lenient);
  const smtpcodes::ReplyCode reply =
      parsed_reply ? *parsed_reply : smtpcodes::ReplyCode::from_value(100 + number(data, size, 0) % 900).value();

  std::size_t end = 0;
  const auto parsed_status = input.size() > 4
                                 ? smtpcodes::detail::scan_enhanced_status(input.substr(4), ParseMode::lenient, end)
                                 : smtpcodes::Result<smtpcodes::EnhancedStatus>(smtpcodes::ParseError{});
  const unsigned classes[] = {2, 4, 5};
  const smtpcodes::EnhancedStatus status =
      parsed_status ? *parsed_status
                    : smtpcodes::EnhancedStatus::from_parts(classes[number(data, size, 2) % 3],
                                                            number(data, size, 3) % 1000, number(data, size, 5) % 1000)
                          .value();

  smtpcodes_fuzz::expect(smtpcodes_properties::check_registry(reply, status), input);
  return 0;
}
