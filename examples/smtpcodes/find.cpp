// smtpcodes find: the reply code and enhanced status code in free text.
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <smtpcodes/bounces.hpp>

#include "commands.hpp"
#include "json.hpp"

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
    std::string array = "[";
    for (const auto& match : matches) {
      if (array.size() > 1) array += ',';
      array += JsonObject{}
                   .string("kind", match.kind == smtpcodes::CodeKind::reply_code ? "reply_code" : "enhanced_status")
                   .string("code", code_text(match))
                   .number("offset", static_cast<long long>(match.offset))
                   .str();
    }
    array += ']';
    object.raw("matches", array);
    std::printf("%s\n", object.str().c_str());
    return;
  }
  std::printf("%.*s\n", static_cast<int>(input.size()), input.data());
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

int run_find(const Options& options) {
  if (options.arguments.empty()) {
    std::fprintf(stderr, "usage: smtpcodes find [--json] TEXT... (or - to read lines from standard input)\n");
    return 2;
  }
  int status = 1;  // 0 once any text holds a code
  for (std::string_view argument : options.arguments) {
    if (argument == "-") {
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!smtpcodes::find_codes(line).empty()) status = 0;
        report(line, options.json);
      }
      continue;
    }
    if (!smtpcodes::find_codes(argument).empty()) status = 0;
    report(argument, options.json);
  }
  return status;
}

}  // namespace smtpcodes_cli
