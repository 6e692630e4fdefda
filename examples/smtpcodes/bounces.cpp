// smtpcodes bounces: classify bounce messages, mbox files and MTA log files.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include <smtpcodes/bounces.hpp>

#include "commands.hpp"
#include "json.hpp"

namespace smtpcodes_cli {
namespace {

namespace fs = std::filesystem;
using smtpcodes::BounceRecipient;

// Stable identifiers for JSON; name(Retry) is for people.
std::string_view retry_id(smtpcodes::Retry retry) {
  switch (retry) {
    case smtpcodes::Retry::retry_later: return "retry_later";
    case smtpcodes::Retry::after_fix: return "after_fix";
    case smtpcodes::Retry::do_not_retry: return "do_not_retry";
    case smtpcodes::Retry::not_needed: break;
  }
  return "not_needed";
}

// Folded, multi-line diagnostics become one line for tables and JSON.
std::string one_line(std::string_view text, std::size_t limit = 1000) {
  std::string out(std::min(text.size(), limit), '\0');
  out.resize(smtpcodes::unfold(text, out.data(), out.size()));
  return out;
}

struct Tally {
  std::size_t recipients = 0;
  std::size_t messages = 0;
  std::map<std::string, std::size_t> by_reason;
  std::map<std::string, std::size_t> by_domain;
  std::map<std::string, std::size_t> by_bounce;
};

struct Output {
  bool json = false;
  bool list = true;
  Tally tally;
};

void emit(Output& out, const std::string& file, const BounceRecipient& r) {
  const auto& v = r.verdict;
  const std::string status =
      v.enhanced_status.class_digit() != 0 ? std::string(smtpcodes::to_string(v.enhanced_status).view()) : "";
  const std::string reply = v.reply_code.value() != 0 ? std::string(smtpcodes::to_string(v.reply_code).view()) : "";
  const std::string reason(smtpcodes::name(v.reason));
  const std::string bounce(smtpcodes::name(v.bounce));
  ++out.tally.recipients;
  ++out.tally.by_reason[reason];
  ++out.tally.by_bounce[bounce];
  const std::string_view address = r.recipient.value_or(std::string_view{});
  const std::size_t at = address.rfind('@');
  std::string domain = at == std::string_view::npos ? "(none)" : std::string(address.substr(at + 1));
  std::transform(domain.begin(), domain.end(), domain.begin(), [](char c) { return smtpcodes::detail::to_lower(c); });
  ++out.tally.by_domain[domain];
  if (out.json) {
    JsonObject object;
    object.string("file", file);
    r.recipient ? object.string("recipient", *r.recipient) : object.null("recipient");
    object.string("action", smtpcodes::name(r.action));
    status.empty() ? object.null("status") : object.string("status", status);
    reply.empty() ? object.null("reply_code") : object.string("reply_code", reply);
    object.string("reason", reason)
        .string("sisimai_reason", smtpcodes::sisimai_reason(v.reason))
        .string("dialect", smtpcodes::name(r.dialect))
        .string("bounce", bounce)
        .string("retry", retry_id(v.retry))
        .number("retry_after_seconds", v.retry_after_seconds)
        .string("evidence", smtpcodes::name(v.evidence.kind));
    v.evidence.phrase.empty() ? object.null("phrase") : object.string("phrase", v.evidence.phrase);
    object.string("source", smtpcodes::name(r.source)).string("diagnostic", one_line(r.diagnostic));
    std::printf("%s\n", object.str().c_str());
  } else if (out.list) {
    std::printf("%-28.28s %-24.24s %-6s %-17s %-7s %-4s %.50s\n", file.c_str(), std::string(address).c_str(),
                bounce.c_str(), reason.c_str(), status.c_str(), reply.c_str(), one_line(r.diagnostic, 400).c_str());
  }
}

bool looks_like_log(std::string_view text) {
  // A mail message starts with header fields; a log with timestamps.
  const auto first = smtpcodes::detail::line_at(text, 0).text;
  const std::size_t colon = first.find(':');
  const bool header =
      colon != std::string_view::npos && colon > 0 && first.substr(0, colon).find(' ') == std::string_view::npos;
  if (header || smtpcodes::detail::istarts_with(first, "From ")) return false;
  return text.find(" status=") != std::string_view::npos || text.find(" stat=") != std::string_view::npos ||
         text.find(" ** ") != std::string_view::npos || text.find(" == ") != std::string_view::npos;
}

void process_message(Output& out, const std::string& file, std::string_view message) {
  ++out.tally.messages;
  // Notices sent in base64 or quoted-printable are read decoded.
  std::string decoded(message.size(), '\0');
  decoded.resize(smtpcodes::decode_text_parts(message, decoded.data(), decoded.size()));
  smtpcodes::for_each_bounce_recipient(decoded, [&](const BounceRecipient& r) { emit(out, file, r); });
}

void process_text(Output& out, const std::string& file, std::string_view text) {
  if (looks_like_log(text)) {
    ++out.tally.messages;
    std::size_t pos = 0;
    while (pos < text.size()) {
      const auto line = smtpcodes::detail::line_at(text, pos);
      const auto entry = smtpcodes::parse_mta_log_line(line.text);
      if (entry.found()) emit(out, file, smtpcodes::bounce_recipient_from_log(entry));
      pos = line.next;
    }
    return;
  }
  if (!smtpcodes::detail::istarts_with(text, "From ")) {
    process_message(out, file, text);
    return;
  }
  // mbox: messages start at "From " lines that follow an empty line.
  std::size_t start = smtpcodes::detail::line_at(text, 0).next;
  std::size_t pos = start;
  bool after_blank = false;
  while (pos < text.size()) {
    const auto line = smtpcodes::detail::line_at(text, pos);
    if (after_blank && line.text.substr(0, 5) == "From ") {
      process_message(out, file, text.substr(start, pos - start));
      start = line.next;
    }
    after_blank = line.text.empty();
    pos = line.next;
  }
  if (start < text.size()) process_message(out, file, text.substr(start));
}

void print_table(const char* title, const std::map<std::string, std::size_t>& counts, std::size_t total) {
  std::vector<std::pair<std::string, std::size_t>> rows(counts.begin(), counts.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::printf("\n%-32s %8s %7s\n", title, "count", "share");
  std::size_t shown = 0;
  for (const auto& [key, count] : rows) {
    if (++shown > 20) {
      std::printf("%-32s %8s\n", "...", "");
      break;
    }
    std::printf("%-32.32s %8zu %6.1f%%\n", key.c_str(), count,
                total != 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0);
  }
}

}  // namespace

int run_bounces(const Options& options) {
  if (options.arguments.empty()) {
    std::fprintf(stderr, "usage: smtpcodes bounces [--json] PATH... (files, directories, mbox files, MTA logs)\n");
    return 2;
  }
  std::vector<fs::path> files;
  for (std::string_view argument : options.arguments) {
    const fs::path path{std::string(argument)};
    std::error_code error;
    if (fs::is_directory(path, error)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, error), end; !error && it != end; it.increment(error)) {
        if (it->is_regular_file(error)) found.push_back(it->path());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      std::fprintf(stderr, "smtpcodes: cannot read %s\n", path.string().c_str());
      return 1;
    }
  }
  Output out;
  out.json = options.json;
  out.list = files.size() <= 200;
  const bool progress = files.size() >= 100 && isatty(STDERR_FILENO) != 0;
  if (!out.json && out.list) {
    std::printf("%-28s %-24s %-6s %-17s %-7s %-4s %s\n", "file", "recipient", "bounce", "reason", "status", "code",
                "diagnostic");
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::ifstream in(files[i], std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::string text = content.str();
    std::string label = files[i].string();
    if (!out.json) label = files[i].filename().string();  // the table is narrow
    process_text(out, out.json ? files[i].string() : label, text);
    if (progress && (i % 25 == 0 || i + 1 == files.size())) {
      std::fprintf(stderr, "\rsmtpcodes: %zu/%zu files, %zu recipients", i + 1, files.size(), out.tally.recipients);
    }
  }
  if (progress) std::fprintf(stderr, "\n");
  if (!out.json) {
    std::printf("\n%zu recipients in %zu messages and log files (%zu files)\n", out.tally.recipients,
                out.tally.messages, files.size());
    print_table("bounce", out.tally.by_bounce, out.tally.recipients);
    print_table("reason", out.tally.by_reason, out.tally.recipients);
    print_table("recipient domain", out.tally.by_domain, out.tally.recipients);
  }
  return 0;
}

}  // namespace smtpcodes_cli
