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
    "550 4.2.2 Mailbox full",
    "535",
    "432",
    "101",
    "5.7.26",
    "5.7.606",
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

std::string str(std::string_view text) { return std::string(text); }

std::string status_text(EnhancedStatus status) { return str(smtpcodes::to_string(status).view()); }

// What the registry adds to the parsed codes.
struct Registry {
  bool has_reply = false;
  smtpcodes::ReplyCodeDescription reply;
  bool has_status = false;  // given, or derived
  bool derived = false;
  smtpcodes::DerivedStatus derivation;
  smtpcodes::EnhancedStatusDescription status;
  bool checked = false;  // both codes were given
  smtpcodes::Consistency consistency;
};

Registry look_up(const Explanation& e) {
  Registry r;
  if (e.has_reply) {
    r.has_reply = true;
    r.reply = smtpcodes::describe(e.reply);
  }
  if (e.has_status) {
    r.has_status = true;
    r.status = smtpcodes::describe(e.status);
  } else if (e.has_reply) {
    r.derivation = smtpcodes::derive_enhanced_status(e.reply);
    if (r.derivation.has_value()) {
      r.has_status = true;
      r.derived = true;
      r.status = smtpcodes::describe(r.derivation.status);
    }
  }
  if (e.has_reply && e.has_status) {
    r.checked = true;
    r.consistency = smtpcodes::check_consistency(e.reply, e.status);
  }
  return r;
}

// The most specific title: the enhanced code's when one was given.
std::string_view title(const Registry& r) {
  if (r.has_status && !r.derived && !r.status.fallback) return r.status.title;
  if (r.has_reply) return r.reply.title;
  return r.status.title;
}

// The reply code governs the SMTP transaction, so on a class mismatch its
// remedy wins over the enhanced code's.
const smtpcodes::Remedy& remedy(const Registry& r) {
  const bool mismatch = r.checked && !r.consistency.class_agrees;
  if (r.has_status && !r.derived && !r.status.fallback && !mismatch) return r.status.remedy;
  if (r.has_reply) return r.reply.remedy;
  return r.status.remedy;
}

std::string claim_meaning(const smtpcodes::SourceClaim& claim, std::string_view registry_title) {
  return str(claim.meaning().empty() ? registry_title : claim.meaning());
}

std::string associated_list(smtpcodes::TableView<smtpcodes::AssociatedReply> associated) {
  std::string out;
  for (const auto& a : associated) {
    if (!out.empty()) out += ", ";
    switch (a.kind) {
      case smtpcodes::AssociationKind::code: out += std::to_string(a.value); break;
      case smtpcodes::AssociationKind::any_in_class: out += std::to_string(a.value) + "XX"; break;
      case smtpcodes::AssociationKind::any: out += "any"; break;
    }
  }
  return out;
}

void line(std::string_view label, const std::string& text) {
  std::printf("  %-17.*s%s\n", static_cast<int>(label.size()), label.data(), text.c_str());
}

// Claims that differ from the registry one by one; those that agree on one line.
void print_claims(smtpcodes::TableView<smtpcodes::SourceClaim> claims, std::string_view registry_title) {
  std::string agreeing;
  bool first = true;
  for (const auto& claim : claims) {
    if (claim.agreement == smtpcodes::Agreement::agrees) {
      agreeing += (agreeing.empty() ? "" : ", ") + str(name(claim.source)).substr(0, 8);
      continue;
    }
    line(first ? "sources say:" : "", str(name(claim.source)) + ", line " + std::to_string(claim.line) + " (" +
                                          str(claim.code()) + ", " + str(name(claim.agreement)) +
                                          "): " + claim_meaning(claim, registry_title));
    first = false;
  }
  if (!agreeing.empty()) line(first ? "sources say:" : "", "same as the registry: " + agreeing);
}

// A flat list of optional sections, each printed when the registry has it.
void print_registry(const Explanation& e) {  // NOLINT(readability-function-cognitive-complexity)
  const Registry r = look_up(e);
  if (r.has_reply) {
    const auto& reply = r.reply;
    std::string origin = reply.origin == smtpcodes::Origin::rfc ? std::string() : str(name(reply.origin));
    if (!reply.references.empty()) origin += (origin.empty() ? "" : ", ") + str(reply.references);
    line("meaning:", str(reply.title) + " [" + origin + "]" + (reply.fallback ? " (fallback)" : ""));
    line("", str(reply.description));
    if (reply.meanings.size() > 1) {
      for (const auto& meaning : reply.meanings) {
        line("in context:",
             str(meaning.context()) + ": " + str(meaning.meaning()) + " [" + str(meaning.defined_in()) + "]");
      }
    }
    print_claims(reply.claims, reply.title);
    if (reply.dotless != nullptr && reply.dotless->fit != smtpcodes::DotlessFit::not_applicable) {
      const auto dotless = smtpcodes::describe(reply.dotless->status());
      line("dotless reading:", status_text(reply.dotless->status()) + " " +
                                   str(dotless.fallback ? std::string_view("(not registered)") : dotless.title) + " (" +
                                   str(name(reply.dotless->fit)) + ")");
      if (reply.origin == smtpcodes::Origin::rfc) {
        line("", "note: the RFC meaning above applies in an SMTP dialogue; the dotless one in vendor reports");
      }
    }
  }
  if (r.has_status) {
    const auto& status = r.status;
    const std::string label = r.derived ? "derived status:" : "status meaning:";
    std::string head = status_text(status.status) + " ";
    head += status.title.empty() ? std::string("(the registry gives no summary)") : str(status.title);
    if (r.derived) head += " (derived: " + str(name(r.derivation.rule)) + ")";
    if (status.fallback)
      head += " (fallback: " + str(status.match == smtpcodes::StatusMatch::subject ? "subject" : "class") + ")";
    if (!status.references.empty()) head += " [" + str(status.references) + "]";
    line(label, head);
    if (!r.derived) {
      line("", str(status.description));
      if (status.deprecated) line("", "deprecated by the registry");
      if (!status.associated.empty()) line("associated:", associated_list(status.associated));
      print_claims(status.claims, status.title);
    }
  }
  if (r.checked) {
    if (!r.consistency.class_agrees) {
      line("warning:", "class " + std::to_string(e.status.class_digit()) + " of " + status_text(e.status) +
                           " does not match reply " + str(smtpcodes::to_string(e.reply).view()) +
                           " (RFC 3463 sec. 2 wants the same first digit)");
    }
    if (r.consistency.association == smtpcodes::Association::not_listed) {
      line("note:", "the registry does not list " + str(smtpcodes::to_string(e.reply).view()) + " with " +
                        status_text(e.status) + " (it lists " + associated_list(r.status.associated) + ")");
    }
  }
  if (r.has_reply || r.has_status) {
    const auto& what = remedy(r);
    line("remedy:", str(name(what.actor)) + " acts; " + str(name(what.retry)) + ". " + str(what.advice));
  }
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
  print_registry(e);
}

std::string sources_json(const Registry& r) {
  std::string out = "[";
  auto add = [&](std::string_view source, std::string_view meaning, const char* extra) {
    if (out.size() > 1) out += ",";
    out += JsonObject{}.string("source", source).string("meaning", meaning).str();
    if (extra != nullptr) {
      out.pop_back();
      out += extra;
      out += "}";
    }
  };
  auto add_claims = [&](smtpcodes::TableView<smtpcodes::SourceClaim> claims, std::string_view registry_title) {
    for (const auto& claim : claims) {
      const std::string extra = ",\"document\":" + json_quote(smtpcodes::document(claim.source)) +
                                ",\"line\":" + std::to_string(claim.line) + ",\"code\":" + json_quote(claim.code()) +
                                ",\"agreement\":" + json_quote(name(claim.agreement));
      add(name(claim.source), claim_meaning(claim, registry_title), extra.c_str());
    }
  };
  if (r.has_reply) {
    for (const auto& meaning : r.reply.meanings) {
      const std::string extra = ",\"context\":" + json_quote(meaning.context());
      add(meaning.defined_in(), meaning.meaning(), extra.c_str());
    }
    add_claims(r.reply.claims, r.reply.title);
  }
  if (r.has_status && !r.derived) {
    if (!r.status.fallback) add(r.status.references, r.status.title, nullptr);
    add_claims(r.status.claims, r.status.title);
  }
  return out + "]";
}

void print_json(const Explanation& e) {
  const Registry r = look_up(e);
  JsonObject object;
  object.string("input", e.input);
  if (e.has_reply) {
    object.string("reply_code", smtpcodes::to_string(e.reply).view())
        .boolean("standard", e.reply.is_standard())
        .string("category", name(e.reply.category()));
  } else {
    object.null("reply_code");
  }
  if (r.has_status) {
    const EnhancedStatus status = r.status.status;
    object.string("enhanced_status", smtpcodes::to_string(status).view())
        .string("class", name(status.status_class()))
        .string("subject", name(status.subject()))
        .number("detail", status.detail());
  } else {
    object.null("enhanced_status").null("subject");
  }
  if (e.has_reply || e.has_status) {
    object.string("severity", name(e.has_reply ? e.reply.severity() : e.status.severity()));
    object.string("title", title(r));
    const auto& what = remedy(r);
    object.raw("remedy", JsonObject{}
                             .string("actor", name(what.actor))
                             .string("retry", name(what.retry))
                             .string("advice", what.advice)
                             .str());
  } else {
    object.null("severity").null("title").null("remedy");
  }
  object.raw("sources", sources_json(r));
  object.boolean("derived", r.derived);
  if (r.derived) object.string("derivation_rule", name(r.derivation.rule));
  if (r.checked) {
    object.boolean("consistent", r.consistency.consistent()).string("association", name(r.consistency.association));
  } else {
    object.null("consistent");
  }
  if (r.has_reply) {
    object.boolean("reply_fallback", r.reply.fallback).string("reply_origin", name(r.reply.origin));
    if (r.reply.dotless != nullptr && r.reply.dotless->fit != smtpcodes::DotlessFit::not_applicable) {
      object.raw("dotless", JsonObject{}
                                .string("enhanced_status", smtpcodes::to_string(r.reply.dotless->status()).view())
                                .string("fit", name(r.reply.dotless->fit))
                                .str());
    }
  }
  if (r.has_status) object.boolean("status_fallback", r.status.fallback);
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
