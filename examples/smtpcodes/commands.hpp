#ifndef SMTPCODES_EXAMPLES_COMMANDS_HPP
#define SMTPCODES_EXAMPLES_COMMANDS_HPP

#include <string_view>
#include <vector>

namespace smtpcodes_cli {

struct Options {
  bool json = false;
  std::vector<std::string_view> arguments;  // what follows the subcommand, less the flags
};

// Each returns the process exit status.
int run_explain(const Options& options);
int run_replies(const Options& options);
int run_probe(const Options& options);
int run_find(const Options& options);
int run_bounces(const Options& options);

}  // namespace smtpcodes_cli

#endif  // SMTPCODES_EXAMPLES_COMMANDS_HPP
