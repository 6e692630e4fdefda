#ifndef SMTPCODES_BENCHMARKS_HARNESS_HPP
#define SMTPCODES_BENCHMARKS_HARNESS_HPP

// The benchmark suite is a list of operations. Each operation is one way of
// doing one job (parse_reply with smtpcodes, with std::regex, with a hand
// scanner ...) over one deterministic input array. Two programs run the same
// list: smtpcodes_bench times it with Google Benchmark, smtpcodes_icount runs
// it a fixed number of times for callgrind to count instructions.
//
// Adding a row is one call in a file of this directory:
//   SMTPCODES_BENCHMARK(group, variant, role, inputs_function, callable);
// The callable (a function or a lambda) takes one input and returns something
// the compiler must keep. The macro wraps it in a lambda so that a function
// is called directly, never through a pointer: every row can be inlined.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <benchmark/benchmark.h>
#include <smtpcodes/bounces.hpp>

namespace smtpcodes_bench {

// What a row is compared against. Every group has one `hand` row (the
// practical floor) and one `heavy` row (std::regex, or what plays its part).
enum class Role { library, hand, libc, heavy };

struct Operation {
  std::string group;    // the job: "parse_reply", "to_string(EnhancedStatus)" ...
  std::string variant;  // who does it: "smtpcodes", "hand scanner", "std::regex" ...
  Role role;
  std::string inputs_name;  // rows over the same array share a loop-overhead row
  std::size_t inputs_per_round;
  std::size_t bytes_per_round = 0;  // text rows: the bytes of all inputs, for instructions per byte
  std::function<void(benchmark::State&)> time;     // one input per iteration
  std::function<void(std::size_t rounds)> repeat;  // every input, `rounds` times
  std::function<std::vector<long>()> outcomes;     // what it made of each input (for the report)
};

std::vector<Operation>& operations();

// What a row made of one input, for comparing rows: most rows return the
// code's number, or -1 when they reject the input; a Result says whether it
// holds the code it parsed; anything else (formatted text) counts as 1.
inline long outcome(smtpcodes::ReplyCode code, int) { return code.value(); }
inline long outcome(smtpcodes::EnhancedStatus status, int) { return static_cast<long>(status.key()); }
template <class Result>
long outcome(const Result& result, long);
template <class T, class E>
long outcome(const smtpcodes::Result<T, E>& result, int) {
  return result ? outcome(*result, 0) : -1L;
}
template <class Result>
auto outcome(const Result& result, int) -> decltype(static_cast<bool>(result.has_value()), 0L) {
  return result.has_value() ? 1L : -1L;
}
template <class Result>
long outcome(const Result& result, long) {
  if constexpr (std::is_integral_v<Result>) {
    return static_cast<long>(result);
  } else {
    return 1L;
  }
}

template <class Input, class Function>
bool add_operation(std::string group, std::string variant, Role role, std::string inputs_name,
                   const std::vector<Input>& (*inputs)(), Function function) {
  Operation operation{std::move(group), std::move(variant), role, std::move(inputs_name), inputs().size(), 0,
                      {}, {}, {}};
  if constexpr (std::is_same_v<Input, std::string_view>) {
    for (std::string_view text : inputs()) operation.bytes_per_round += text.size();
  }
  // Inside each lambda `function` has its own type, so the call is inlined
  // exactly as it would be in user code; only the outer loop is type-erased.
  operation.time = [inputs, function](benchmark::State& state) {
    const std::vector<Input>& items = inputs();
    const std::size_t count = items.size();
    std::size_t index = 0;
    for (auto _ : state) {
      auto result = function(items[index]);
      benchmark::DoNotOptimize(result);
      if (++index == count) index = 0;
    }
    state.SetItemsProcessed(state.iterations());
    // Text rows also report bytes per second (the streaming parser and the
    // free-text finder are judged on it), counted outside the timed loop.
    if constexpr (std::is_same_v<Input, std::string_view>) {
      double bytes = 0;
      for (std::string_view text : items) bytes += static_cast<double>(text.size());
      state.SetBytesProcessed(static_cast<std::int64_t>(bytes / static_cast<double>(count) *
                                                        static_cast<double>(state.iterations())));
    }
  };
  operation.repeat = [inputs, function](std::size_t rounds) {
    const std::vector<Input>& items = inputs();
    for (std::size_t round = 0; round < rounds; ++round) {
      for (const Input& item : items) {
        auto result = function(item);
        benchmark::DoNotOptimize(result);
      }
    }
  };
  operation.outcomes = [inputs, function]() {
    std::vector<long> results;
    for (const Input& item : inputs()) results.push_back(outcome(function(item), 0));
    return results;
  };
  operations().push_back(std::move(operation));
  return true;
}

// The deterministic inputs (inputs.cpp). Each array is generated once, with a
// fixed seed, from templates of real servers' replies; about 10% is malformed.
const std::vector<std::string_view>& reply_lines();
const std::vector<std::string_view>& enhanced_status_texts();
// Diagnostic lines: reply texts quoted by bounces and logs.
const std::vector<std::string_view>& diagnostic_lines();
// Whole diagnostic texts as Postfix, Exim, Exchange and qmail write them,
// and texts with addresses, ports, dates and versions but no code.
const std::vector<std::string_view>& diagnostic_texts();
// Whole replies (CRLF, one to ten lines), and streams of about 16 KiB of
// replies: mostly EHLO replies, or mostly multi-line rejections.
const std::vector<std::string_view>& whole_replies();
// The reply lines of reply_lines(), each a whole one-line reply ending in
// CRLF (a continuation line among them is an incomplete reply).
const std::vector<std::string_view>& one_line_replies();
const std::vector<std::string_view>& ehlo_heavy_streams();
const std::vector<std::string_view>& bounce_heavy_streams();
// Whole bounce messages as MTAs and services write them (Postfix, Exim,
// qmail, Sendmail, Exchange Online, Gmail, a delay warning, a feedback
// report, an automatic reply), each with the returned message.
const std::vector<std::string_view>& bounce_messages();
// The codes of those inputs that parse, as values, for the formatting rows.
const std::vector<smtpcodes::ReplyCode>& reply_codes();
const std::vector<smtpcodes::EnhancedStatus>& enhanced_statuses();

}  // namespace smtpcodes_bench

#define SMTPCODES_BENCH_CONCAT_(a, b) a##b
#define SMTPCODES_BENCH_CONCAT(a, b) SMTPCODES_BENCH_CONCAT_(a, b)
#define SMTPCODES_BENCHMARK(group, variant, role, inputs, ...)                                         \
  [[maybe_unused]] static const bool SMTPCODES_BENCH_CONCAT(smtpcodes_bench_registered_, __LINE__) = \
      ::smtpcodes_bench::add_operation(group, variant, ::smtpcodes_bench::Role::role, #inputs, \
                                       ::smtpcodes_bench::inputs,                            \
                                       [](const auto& input) { return (__VA_ARGS__)(input); })

#endif  // SMTPCODES_BENCHMARKS_HARNESS_HPP
