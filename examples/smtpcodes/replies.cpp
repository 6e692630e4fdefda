// smtpcodes replies: parse raw SMTP server output (a capture, a log of the
// wire) into replies.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <smtpcodes/wire/reply_stream.hpp>

#include "commands.hpp"
#include "reply_output.hpp"

namespace smtpcodes_cli {

const CommandSpec& replies_spec() {
  static const CommandSpec spec{
      "replies",
      "[FILE]",
      "parse raw server output (a capture of the SMTP dialogue) into replies",
      "Reads what an SMTP server sent, from FILE or standard input (no FILE, or -), and prints\n"
      "each reply: its code, enhanced status code, lines and what was wrong with it.",
      {
          {"--json", "", "", "one JSON object per reply or error (docs/cli.md)"},
          {"--lenient", "", "", "accept bare LF line endings and codes outside RFC 5321"},
          {"--max-line-length", "", "N", "longest reply line, 5 to 1048576 octets (default 512, RFC 5321)"},
      },
      {"smtpcodes replies --json --lenient capture.txt",
       R"(printf '250-mx.example.org\r\n250 SIZE 1000\r\n' | smtpcodes replies)"},
  };
  return spec;
}

int run_replies(const Arguments& arguments) {
  const CommandSpec& spec = replies_spec();
  const bool json = arguments.has("--json");
  smtpcodes::ReplyOptions reply_options;
  if (arguments.has("--lenient")) reply_options.mode = smtpcodes::ParseMode::lenient;
  if (arguments.has("--max-line-length")) {
    // A line must hold at least a code and CRLF; a megabyte is beyond any real server.
    unsigned long length = 0;
    if (!parse_count(arguments.value("--max-line-length"), 5, 1UL << 20, length)) {
      return usage_error(spec, "--max-line-length takes 5 to 1048576 octets");
    }
    reply_options.max_line_length = length;
  }
  if (arguments.positional.size() > 1) return usage_error(spec, "reads one FILE (or standard input)");
  const std::string path = arguments.positional.empty() ? "-" : std::string(arguments.positional[0]);
  std::FILE* input = stdin;
  if (path != "-") {
    input = std::fopen(path.c_str(), "rb");
    if (input == nullptr) {
      std::fprintf(stderr, "smtpcodes replies: %s: %s\n", path.c_str(), std::strerror(errno));
      return exit_usage_or_io;
    }
  }

  // Room for a reply of 32 lines at the line-length limit.
  std::string buffer(32 * (reply_options.max_line_length + 1), '\0');
  smtpcodes::ReplyStream stream(buffer.data(), buffer.size(), reply_options);
  int status = exit_success;
  std::size_t replies = 0;
  auto drain = [&] {
    for (;;) {
      switch (stream.next()) {
        case smtpcodes::ReplyStreamStatus::reply:
          ++replies;
          print_reply(stream.reply(), json);
          if (!stream.reply().complete()) status = exit_nothing_found;
          break;
        case smtpcodes::ReplyStreamStatus::error:
          ++replies;
          print_reply_error(stream.error(), json);
          status = exit_nothing_found;
          break;
        default: return;
      }
    }
  };
  char chunk[4096];
  std::size_t count = 0;
  while ((count = std::fread(chunk, 1, sizeof chunk, input)) > 0) {
    std::string_view rest(chunk, count);
    while (!rest.empty()) {
      rest.remove_prefix(stream.feed(rest));
      drain();
    }
  }
  const bool read_failed = std::ferror(input) != 0;
  const int read_errno = errno;
  if (input != stdin) std::fclose(input);
  if (read_failed) {
    std::fprintf(stderr, "smtpcodes replies: %s: %s\n", path == "-" ? "standard input" : path.c_str(),
                 std::strerror(read_errno));
    return exit_usage_or_io;
  }
  stream.finish();
  drain();
  if (replies == 0) {
    std::fprintf(stderr, "smtpcodes replies: no reply in the input\n");
    return exit_nothing_found;
  }
  return status;
}

}  // namespace smtpcodes_cli
