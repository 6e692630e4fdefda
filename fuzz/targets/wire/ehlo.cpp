// parse_ehlo on whatever the lenient reply parser accepts (an EHLO reply is
// a reply; the view must stay inside it), via the whole-reply properties
// in tests/support/reply_properties.hpp. The seeds are EHLO replies.
#include "../../fuzz.hpp"
#include "reply_properties.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = smtpcodes_fuzz::text(data, size);
  smtpcodes::ReplyOptions options;
  options.mode = smtpcodes::ParseMode::lenient;
  options.allow_incomplete = true;
  options.max_line_length = 4096;
  smtpcodes_fuzz::expect(smtpcodes_properties::check_whole_reply(input, options), input);
  return 0;
}
