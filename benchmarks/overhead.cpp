// The cost of the benchmark loop itself: fetch an input, keep a result. The
// report subtracts it from every row over the same array, so the ratios
// compare the parsers and nothing else.
#include "harness.hpp"

SMTPCODES_BENCHMARK("loop overhead", "reply_lines", library, reply_lines,
                    [](std::string_view text) { return text.size(); });
SMTPCODES_BENCHMARK("loop overhead", "one_line_replies", library, one_line_replies,
                    [](std::string_view text) { return text.size(); });
SMTPCODES_BENCHMARK("loop overhead", "enhanced_status_texts", library, enhanced_status_texts,
                    [](std::string_view text) { return text.size(); });
SMTPCODES_BENCHMARK("loop overhead", "reply_codes", library, reply_codes,
                    [](smtpcodes::ReplyCode code) { return code.value(); });
SMTPCODES_BENCHMARK("loop overhead", "enhanced_statuses", library, enhanced_statuses,
                    [](smtpcodes::EnhancedStatus status) { return status.key(); });
SMTPCODES_BENCHMARK("loop overhead", "bounce_messages", library, bounce_messages,
                    [](std::string_view text) { return text.size(); });
