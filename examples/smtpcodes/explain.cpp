// smtpcodes explain: what the types know about each argument.
#include <cstdio>
#include <string>
#include <string_view>

#include <smtpcodes/smtpcodes.hpp>

#include "commands.hpp"
#include "json.hpp"

namespace smtpcodes_cli {
namespace {

using smtpcodes::EnhancedStatus;
using smtpcodes::ParseError;
using smtpcodes::ParseMode;
using smtpcodes::ReplyCode;

constexpr std::string_view built_in_sample[] = {
    "250",
    "421",
    "550",
    "5.1.1",
    "4.7.0",
    "571",
    "550 5.1.1 <bob@example.com>: Recipient address rejected",
    "452-4.2.2 Mailbox full",
    "5.1",
    "6.0.0",
};

// What one argument turned out to be.
struct Explanation {
  std::string_view input;
  bool has_reply = false;
  ReplyCode reply;
  bool has_status = false;
  EnhancedStatus status;
  bool failed = false;
  ParseError error;  // why the argument is neither, when failed
};

bool looks_like_enhanced_status(std::string_view text) {
  return text.size() >= 2 && smtpcodes::detail::is_digit(text[0]) && text[1] == '.';
}

// An enhanced status code alone, or a reply line ("550 5.1.1 text",
// "550-5.1.1 text") whose text may begin with one (RFC 2034).
Explanation explain(std::string_view input) {
  Explanation result;
  result.input = input;
  if (looks_like_enhanced_status(input)) {
    const auto status = smtpcodes::parse_enhanced_status(input);
    if (status) {
      result.has_status = true;
      result.status = *status;
    } else {
      result.failed = true;
      result.error = status.error();
    }
    return result;
  }
  // Lenient, so that vendor codes such as 571 are explained, not refused.
  std::size_t end = 0;
  const auto reply = smtpcodes::detail::scan_reply_code(input, ParseMode::lenient, end);
  if (!reply) {
    result.failed = true;
    result.error = smtpcodes::parse_reply(input).error();
    return result;
  }
  result.has_reply = true;
  result.reply = *reply;
  if (end < input.size()) {
    const std::string_view text = input.substr(end + 1);
    std::size_t status_end = 0;
    const auto status = smtpcodes::detail::scan_enhanced_status(text, ParseMode::strict, status_end);
    if (status && (status_end == text.size() || text[status_end] == ' ')) {
      result.has_status = true;
      result.status = *status;
    }
  }
  return result;
}

std::string standard_note(ReplyCode code) {
  if (code.is_standard()) return "standard";
  const auto strict = smtpcodes::parse_reply(smtpcodes::to_string(code).view());
  return "non-standard: " + std::string(smtpcodes::message(strict.error()));
}

void print_text(const Explanation& e) {
  std::printf("%.*s\n", static_cast<int>(e.input.size()), e.input.data());
  if (e.failed) {
    std::printf("  error:           %.*s at offset %zu: %.*s\n", static_cast<int>(name(e.error.kind).size()),
                name(e.error.kind).data(), e.error.offset, static_cast<int>(message(e.error).size()),
                message(e.error).data());
    return;
  }
  if (e.has_reply) {
    const auto severity = name(e.reply.severity());
    const auto category = name(e.reply.category());
    std::printf("  reply code:      %s (%s)\n", smtpcodes::to_string(e.reply).c_str(), standard_note(e.reply).c_str());
    std::printf("  severity:        %.*s\n", static_cast<int>(severity.size()), severity.data());
    std::printf("  category:        %.*s\n", static_cast<int>(category.size()), category.data());
  }
  if (e.has_status) {
    const auto status_class = name(e.status.status_class());
    const auto subject = name(e.status.subject());
    std::printf("  enhanced status: %s\n", smtpcodes::to_string(e.status).c_str());
    std::printf("  class:           %.*s\n", static_cast<int>(status_class.size()), status_class.data());
    std::printf("  subject:         %.*s (%u)\n", static_cast<int>(subject.size()), subject.data(),
                static_cast<unsigned>(e.status.subject_number()));
    std::printf("  detail:          %u\n", static_cast<unsigned>(e.status.detail()));
  }
}

void print_json(const Explanation& e) {
  JsonObject object;
  object.string("input", e.input);
  if (e.has_reply) {
    object.string("reply_code", smtpcodes::to_string(e.reply).view())
        .boolean("standard", e.reply.is_standard())
        .string("category", name(e.reply.category()));
  } else {
    object.null("reply_code");
  }
  if (e.has_status) {
    object.string("enhanced_status", smtpcodes::to_string(e.status).view())
        .string("class", name(e.status.status_class()))
        .string("subject", name(e.status.subject()))
        .number("detail", e.status.detail());
  } else {
    object.null("enhanced_status");
  }
  if (e.has_reply || e.has_status) {
    object.string("severity", name(e.has_reply ? e.reply.severity() : e.status.severity()));
  }
  if (e.failed) {
    object.raw("error", JsonObject{}
                            .string("kind", name(e.error.kind))
                            .number("offset", static_cast<long long>(e.error.offset))
                            .string("message", message(e.error))
                            .str());
  } else {
    object.null("error");
  }
  std::printf("%s\n", object.str().c_str());
}

}  // namespace

int run_explain(const Options& options) {
  int status = 0;
  auto run = [&](std::string_view input) {
    const Explanation e = explain(input);
    if (e.failed) status = 1;
    if (options.json) {
      print_json(e);
    } else {
      print_text(e);
    }
  };
  if (options.arguments.empty()) {
    for (std::string_view input : built_in_sample) run(input);
    return 0;  // the sample holds bad input on purpose
  }
  for (std::string_view input : options.arguments) run(input);
  return status;
}

}  // namespace smtpcodes_cli
