// smtpcodes find: the reply code and enhanced status code in free text.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounces.hpp>

#include "commands.hpp"
#include "json.hpp"
#include "text.hpp"

namespace smtpcodes_cli {
namespace {

std::string code_text(const smtpcodes::CodeMatch& match) {
  return match.kind == smtpcodes::CodeKind::reply_code
             ? std::string(smtpcodes::to_string(match.reply_code).view())
             : std::string(smtpcodes::to_string(match.enhanced_status).view());
}

void report(std::string_view input, bool json) {
  const smtpcodes::FoundCodes found = smtpcodes::find_codes(input);
  std::vector<smtpcodes::CodeMatch> matches;
  smtpcodes::for_each_code(input, [&matches](const smtpcodes::CodeMatch& match) { matches.push_back(match); });
  if (json) {
    JsonArray array;
    for (const auto& match : matches) {
      array.object(JsonObject{}
                       .string("kind", match.kind == smtpcodes::CodeKind::reply_code ? "reply_code" : "enhanced_status")
                       .string("code", code_text(match))
                       .number("offset", static_cast<long long>(match.offset)));
    }
    JsonObject object;
    object.string("input", input);
    if (found.has_reply_code()) {
      object.string("reply_code", smtpcodes::to_string(found.reply_code).view());
    } else {
      object.null("reply_code");
    }
    if (found.has_enhanced_status()) {
      object.string("enhanced_status", smtpcodes::to_string(found.enhanced_status).view());
    } else {
      object.null("enhanced_status");
    }
    object.array("matches", array).print();
    return;
  }
  std::printf("%s\n", escaped_for_terminal(input).c_str());
  if (found.has_reply_code()) {
    std::printf("  reply code:      %s (offset %zu)\n", smtpcodes::to_string(found.reply_code).c_str(),
                found.reply_code_offset);
  } else {
    std::printf("  reply code:      none\n");
  }
  if (found.has_enhanced_status()) {
    std::printf("  enhanced status: %s (offset %zu)\n", smtpcodes::to_string(found.enhanced_status).c_str(),
                found.enhanced_status_offset);
  } else {
    std::printf("  enhanced status: none\n");
  }
  if (matches.size() > 1) {
    std::printf("  all matches:    ");
    for (const auto& match : matches) std::printf(" %s@%zu", code_text(match).c_str(), match.offset);
    std::printf("\n");
  }
}

}  // namespace

const CommandSpec& find_spec() {
  static const CommandSpec spec{
      "find",
      "TEXT...",
      "the reply code and enhanced status code in free text",
      "Finds the reply code and the enhanced status code in each TEXT, as a bounce processor\n"
      "would in a log line or a notice. TEXT - reads standard input, one text per line.",
      {{"--json", "", "", "one JSON object per text (docs/cli.md)"}},
      {"smtpcodes find 'host said: 550 5.1.1 <bob@example.com>: user unknown'",
       "grep status=bounced /var/log/mail.log | smtpcodes find --json -"},
  };
  return spec;
}

int run_find(const Arguments& arguments) {
  const bool json = arguments.has("--json");
  if (arguments.positional.empty()) return usage_error(find_spec(), "needs a TEXT (or - for standard input)");
  int status = exit_nothing_found;  // until a text holds a code
  for (std::string_view argument : arguments.positional) {
    if (argument == "-") {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!smtpcodes::find_codes(line).empty()) status = exit_success;
        report(line, json);
      }
      if (std::cin.bad()) {
        std::fprintf(stderr, "smtpcodes find: cannot read standard input\n");
        return exit_usage_or_io;
      }
      continue;
    }
    if (!smtpcodes::find_codes(argument).empty()) status = exit_success;
    report(argument, json);
  }
  return status;
}

}  // namespace smtpcodes_cli
