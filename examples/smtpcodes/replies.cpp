// smtpcodes replies: parse raw SMTP server output (a capture, a log of the
// wire) into replies.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include <smtpcodes/wire/reply_stream.hpp>

#include "commands.hpp"
#include "reply_output.hpp"

namespace smtpcodes_cli {

int run_replies(const Options& options) {
  smtpcodes::ReplyOptions reply_options;
  const char* path = nullptr;
  for (std::size_t i = 0; i < options.arguments.size(); ++i) {
    const std::string_view argument = options.arguments[i];
    if (argument == "--lenient") {
      reply_options.mode = smtpcodes::ParseMode::lenient;
    } else if (argument == "--max-line-length" && i + 1 < options.arguments.size()) {
      const std::string value(options.arguments[++i]);
      char* end = nullptr;
      const unsigned long length = std::strtoul(value.c_str(), &end, 10);
      // A line must hold at least a code and CRLF; a megabyte is beyond any real server.
      if (end == value.c_str() || *end != '\0' || length < 5 || length > (1UL << 20)) {
        std::fprintf(stderr, "smtpcodes replies: --max-line-length takes 5 to 1048576 octets\n");
        return 2;
      }
      reply_options.max_line_length = length;
    } else if (argument == "-") {
      path = nullptr;  // standard input, the default
    } else if (path == nullptr && argument.substr(0, 1) != "-") {
      path = argument.data();  // from argv, so NUL-terminated
    } else {
      std::fprintf(stderr, "smtpcodes replies: unexpected argument '%.*s'\n", static_cast<int>(argument.size()),
                   argument.data());
      return 2;
    }
  }
  std::FILE* input = stdin;
  if (path != nullptr) {
    input = std::fopen(path, "rb");
    if (input == nullptr) {
      std::fprintf(stderr, "smtpcodes replies: %s: %s\n", path, std::strerror(errno));
      return 2;
    }
  }

  // Room for a reply of 32 lines at the line-length limit.
  std::string buffer(32 * (reply_options.max_line_length + 1), '\0');
  smtpcodes::ReplyStream stream(buffer.data(), buffer.size(), reply_options);
  int status = 0;
  auto drain = [&] {
    for (;;) {
      switch (stream.next()) {
        case smtpcodes::ReplyStreamStatus::reply:
          print_reply(stream.reply(), options.json);
          if (!stream.reply().complete()) status = 1;
          break;
        case smtpcodes::ReplyStreamStatus::error:
          print_reply_error(stream.error(), options.json);
          status = 1;
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
  stream.finish();
  drain();
  if (input != stdin) std::fclose(input);
  return status;
}

}  // namespace smtpcodes_cli
