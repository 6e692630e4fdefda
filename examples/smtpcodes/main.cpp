// smtpcodes: explain SMTP reply codes and enhanced status codes, parse
// replies, classify bounces. docs/cli.md describes every subcommand.
#include <cstdio>
#include <string_view>

#include <smtpcodes/version.hpp>

#include "commands.hpp"

namespace {

using smtpcodes_cli::Command;

const Command commands[] = {
    {smtpcodes_cli::explain_spec(), smtpcodes_cli::run_explain},
    {smtpcodes_cli::replies_spec(), smtpcodes_cli::run_replies},
    {smtpcodes_cli::find_spec(), smtpcodes_cli::run_find},
    {smtpcodes_cli::bounces_spec(), smtpcodes_cli::run_bounces},
#if SMTPCODES_CLI_HAS_PROBE
    {smtpcodes_cli::probe_spec(), smtpcodes_cli::run_probe},
#endif
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: smtpcodes COMMAND [OPTION]... [ARGUMENT]...\n\ncommands:\n");
  for (const Command& command : commands) {
    std::fprintf(out, "  %-9.*s %.*s\n", static_cast<int>(command.spec.name.size()), command.spec.name.data(),
                 static_cast<int>(command.spec.summary.size()), command.spec.summary.data());
  }
  std::fprintf(out,
               "\n  smtpcodes COMMAND --help   the command's options and an example\n"
               "  smtpcodes --version        print the version\n"
               "\nexit status: 0 success; 1 nothing found, or an input that held an error;\n"
               "2 a usage error or an input that could not be read.\n");
}

const Command* find_command(std::string_view name) {
  for (const Command& command : commands) {
    if (command.spec.name == name) return &command;
  }
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return smtpcodes_cli::exit_usage_or_io;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h") {
    print_usage(stdout);
    return smtpcodes_cli::exit_success;
  }
  if (name == "help") {
    if (argc < 3) {
      print_usage(stdout);
      return smtpcodes_cli::exit_success;
    }
    if (const Command* command = find_command(argv[2])) {
      smtpcodes_cli::print_help(command->spec, stdout);
      return smtpcodes_cli::exit_success;
    }
  } else if (name == "--version") {
    std::printf("smtpcodes %d.%d.%d\n", SMTPCODES_VERSION_MAJOR, SMTPCODES_VERSION_MINOR, SMTPCODES_VERSION_PATCH);
    return smtpcodes_cli::exit_success;
  } else if (const Command* command = find_command(name)) {
    smtpcodes_cli::Arguments arguments;
    const int status = smtpcodes_cli::parse_arguments(command->spec, argc, argv, 2, arguments);
    if (status >= 0) return status;
    return command->run(arguments);
  }
  const std::string_view unknown = name == "help" ? std::string_view(argv[2]) : name;
  std::fprintf(stderr, "smtpcodes: unknown command '%.*s'\n\n", static_cast<int>(unknown.size()), unknown.data());
  print_usage(stderr);
  return smtpcodes_cli::exit_usage_or_io;
}
