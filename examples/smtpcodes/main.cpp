// smtpcodes: explain SMTP reply codes and enhanced status codes.
#include <cstdio>
#include <string_view>

#include <smtpcodes/version.hpp>

#include "commands.hpp"

namespace {

struct Command {
  std::string_view name;
  int (*run)(const smtpcodes_cli::Options&);
  std::string_view summary;
};

constexpr Command commands[] = {
    {"explain", smtpcodes_cli::run_explain,
     "explain [--json] ARG...   what each reply code, enhanced status code or reply line means"},
    {"replies", smtpcodes_cli::run_replies,
     "replies [--json] [--lenient] [--max-line-length N] [FILE]   parse raw server output (default stdin)"},
    {"probe", smtpcodes_cli::run_probe,
     "probe [--json] HOST [PORT] [--rcpt ADDR] [--data]   run EHLO, MAIL, RCPT, DATA, QUIT, print each reply"},
    {"find", smtpcodes_cli::run_find,
     "find [--json] TEXT...     the reply code and enhanced status in free text (- reads stdin)"},
    {"bounces", smtpcodes_cli::run_bounces,
     "bounces [--json] PATH...  classify bounce messages, mbox files, directories, MTA logs"},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: smtpcodes COMMAND [--json] ARG...\n\ncommands:\n");
  for (const Command& command : commands) {
    std::fprintf(out, "  %.*s\n", static_cast<int>(command.summary.size()), command.summary.data());
  }
  std::fprintf(out, "\n  --version                 print the version\n  --help                    print this help\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("smtpcodes %d.%d.%d\n", SMTPCODES_VERSION_MAJOR, SMTPCODES_VERSION_MINOR, SMTPCODES_VERSION_PATCH);
    return 0;
  }
  smtpcodes_cli::Options options;
  bool flags_done = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (!flags_done && argument == "--") {
      flags_done = true;
    } else if (!flags_done && argument == "--json") {
      options.json = true;
    } else {
      options.arguments.push_back(argument);
    }
  }
  for (const Command& command : commands) {
    if (command.name == name) return command.run(options);
  }
  std::fprintf(stderr, "smtpcodes: unknown command '%s'\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
