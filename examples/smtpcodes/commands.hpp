#ifndef SMTPCODES_EXAMPLES_COMMANDS_HPP
#define SMTPCODES_EXAMPLES_COMMANDS_HPP

// What every subcommand shares: its exit codes, the description of its
// options (from which both the parser and --help work), and the parsed
// arguments.
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcodes_cli {

// The exit codes of every subcommand (docs/cli.md).
inline constexpr int exit_success = 0;
inline constexpr int exit_nothing_found = 1;  // also: an input that held an error
inline constexpr int exit_usage_or_io = 2;

struct OptionSpec {
  std::string_view name;        // "--json"
  std::string_view short_name;  // "-j", or empty
  std::string_view value_name;  // "N" for an option that takes a value, else empty
  std::string_view help;
};

struct CommandSpec {
  std::string_view name;
  std::string_view arguments;  // after the options in the usage line: "CODE-OR-REPLY..."
  std::string_view summary;    // one line, for `smtpcodes --help`
  std::string_view details;    // what the command does and reads
  std::vector<OptionSpec> options;
  std::vector<std::string_view> examples;
};

class Arguments {
 public:
  std::vector<std::string_view> positional;  // in order; "-" stands for standard input

  [[nodiscard]] bool has(std::string_view option) const {
    for (const auto& [name, value] : given_) {
      if (name == option) return true;
    }
    return false;
  }
  // The value of the last occurrence of option, or fallback.
  [[nodiscard]] std::string_view value(std::string_view option, std::string_view fallback = {}) const {
    std::string_view found = fallback;
    for (const auto& [name, value] : given_) {
      if (name == option) found = value;
    }
    return found;
  }
  void add(std::string_view option, std::string_view value) { given_.emplace_back(option, value); }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> given_;
};

inline void print_usage_line(const CommandSpec& command, std::FILE* out) {
  std::fprintf(out, "usage: smtpcodes %.*s [OPTION]... %.*s\n", static_cast<int>(command.name.size()),
               command.name.data(), static_cast<int>(command.arguments.size()), command.arguments.data());
}

inline void print_help(const CommandSpec& command, std::FILE* out) {
  print_usage_line(command, out);
  std::fprintf(out, "\n%.*s\n", static_cast<int>(command.details.size()), command.details.data());
  std::fprintf(out, "\noptions:\n");
  for (const OptionSpec& option : command.options) {
    std::string left = "  ";
    if (!option.short_name.empty()) left += std::string(option.short_name) + ", ";
    left += option.name;
    if (!option.value_name.empty()) left += " " + std::string(option.value_name);
    std::fprintf(out, "%-26s %.*s\n", left.c_str(), static_cast<int>(option.help.size()), option.help.data());
  }
  std::fprintf(out, "  %-24s %s\n", "-h, --help", "print this help");
  std::fprintf(out,
               "\nexit status: 0 success; 1 nothing found, or an input that held an error;\n"
               "2 a usage error or an input that could not be read.\n\nexamples:\n");
  for (std::string_view example : command.examples) {
    std::fprintf(out, "  %.*s\n", static_cast<int>(example.size()), example.data());
  }
}

// Reports a usage error ; returns exit_usage_or_io.
inline int usage_error(const CommandSpec& command, const std::string& what) {
  std::fprintf(stderr, "smtpcodes %.*s: %s\n", static_cast<int>(command.name.size()), command.name.data(),
               what.c_str());
  print_usage_line(command, stderr);
  std::fprintf(stderr, "(smtpcodes %.*s --help for the options and examples)\n", static_cast<int>(command.name.size()),
               command.name.data());
  return exit_usage_or_io;
}

// Parses argv[first..] against the command's options. Returns -1 when the
// command should run, else the exit code (after --help, or a usage error).
inline int parse_arguments(const CommandSpec& command, int argc, char** argv, int first, Arguments& out) {
  bool options_done = false;
  for (int i = first; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (options_done || argument == "-" || argument.empty() || argument[0] != '-') {
      out.positional.push_back(argument);
      continue;
    }
    if (argument == "--") {
      options_done = true;
      continue;
    }
    if (argument == "--help" || argument == "-h") {
      print_help(command, stdout);
      return exit_success;
    }
    // --name=value, --name value, -j value, -jvalue
    std::string_view name = argument;
    std::string_view attached;
    bool has_attached = false;
    if (const std::size_t equals = argument.find('=');
        argument.substr(0, 2) == "--" && equals != std::string_view::npos) {
      name = argument.substr(0, equals);
      attached = argument.substr(equals + 1);
      has_attached = true;
    } else if (argument.substr(0, 2) != "--" && argument.size() > 2) {
      name = argument.substr(0, 2);
      attached = argument.substr(2);
      has_attached = true;
    }
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& option : command.options) {
      if (option.name == name || (!option.short_name.empty() && option.short_name == name)) spec = &option;
    }
    if (spec == nullptr) return usage_error(command, "unknown option '" + std::string(argument) + "'");
    if (spec->value_name.empty()) {
      if (has_attached) return usage_error(command, "option " + std::string(spec->name) + " takes no value");
      out.add(spec->name, {});
    } else if (has_attached) {
      out.add(spec->name, attached);
    } else if (i + 1 < argc) {
      out.add(spec->name, argv[++i]);
    } else {
      return usage_error(
          command, "option " + std::string(spec->name) + " needs a value (" + std::string(spec->value_name) + ")");
    }
  }
  return -1;
}

// Reads a whole decimal number in [low, high]; false if it is not one.
inline bool parse_count(std::string_view text, unsigned long low, unsigned long high, unsigned long& value) {
  if (text.empty() || text.size() > 9) return false;
  unsigned long result = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    result = result * 10 + static_cast<unsigned long>(c - '0');
  }
  if (result < low || result > high) return false;
  value = result;
  return true;
}

struct Command {
  const CommandSpec& spec;
  int (*run)(const Arguments&);
};

const CommandSpec& explain_spec();
const CommandSpec& replies_spec();
const CommandSpec& find_spec();
const CommandSpec& bounces_spec();
const CommandSpec& probe_spec();

// Each returns the process exit status.
int run_explain(const Arguments& arguments);
int run_replies(const Arguments& arguments);
int run_find(const Arguments& arguments);
int run_bounces(const Arguments& arguments);
int run_probe(const Arguments& arguments);

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_COMMANDS_HPP
