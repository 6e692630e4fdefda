#ifndef SMTPCODES_TESTS_SUPPORT_RFC_ORACLE_HPP
#define SMTPCODES_TESTS_SUPPORT_RFC_ORACLE_HPP

// A second, independent reading of the grammars the parsers implement, for
// the differential tests and the fuzzers. It shares no code with the library:
// the grammar is spelled out as character sets and sequences straight from
// the ABNF, and a small generic matcher walks it. Speed does not matter here;
// being obviously right does.
//
// Besides "in the language or not", the matcher knows where an input stopped
// being the start of any sentence (LL(1) grammars make that the first byte
// it cannot match), which bounds where a parser may report an error.

#include <cstddef>
#include <string>
#include <string_view>

namespace smtpcodes_oracle {

enum class Verdict {
  accepted,    // a sentence of the grammar
  incomplete,  // not a sentence, but the start of one
  rejected,    // no sentence starts like this
};

struct Outcome {
  Verdict verdict = Verdict::rejected;
  std::size_t stop = 0;   // rejected: the first byte that cannot be there; otherwise the size
  unsigned numbers[3]{};  // reply code: [0]; enhanced status: class, subject, detail
};

inline constexpr std::string_view any_digit = "0123456789";
inline constexpr std::string_view nonzero_digit = "123456789";

// Walks one input through required and optional elements. After the first
// failure every step fails, so a grammar reads as a plain sequence of calls.
class Matcher {
 public:
  explicit Matcher(std::string_view input) : input_(input) {}

  // A required byte from set; on failure records why.
  bool need(std::string_view set) {
    if (failed_) return false;
    if (position_ == input_.size()) return fail(Verdict::incomplete);
    if (set.find(input_[position_]) == std::string_view::npos) return fail(Verdict::rejected);
    taken_ += input_[position_++];
    return true;
  }
  // An optional byte from set: taken if present, never a failure.
  bool may(std::string_view set) {
    if (failed_ || position_ == input_.size()) return false;
    if (set.find(input_[position_]) == std::string_view::npos) return false;
    taken_ += input_[position_++];
    return true;
  }
  // The input must end here.
  bool need_end() {
    if (failed_) return false;
    if (position_ != input_.size()) return fail(Verdict::rejected);
    return true;
  }
  [[nodiscard]] bool at_end() const { return position_ == input_.size(); }
  [[nodiscard]] bool peek_is(char c) const { return position_ < input_.size() && input_[position_] == c; }
  // Whatever follows is not the grammar's business.
  void take_rest() { position_ = input_.size(); }

  // The digits taken since the last call, as a number.
  unsigned number() {
    const unsigned value = taken_.empty() ? 0U : static_cast<unsigned>(std::stoul(taken_));
    taken_.clear();
    return value;
  }
  void forget() { taken_.clear(); }

  [[nodiscard]] Outcome outcome() const {
    Outcome result;
    result.verdict = failed_ ? verdict_ : Verdict::accepted;
    result.stop = failed_ && verdict_ == Verdict::rejected ? position_ : input_.size();
    return result;
  }

 private:
  bool fail(Verdict verdict) {
    failed_ = true;
    verdict_ = verdict;
    return false;
  }

  std::string_view input_;
  std::size_t position_ = 0;
  std::string taken_;
  bool failed_ = false;
  Verdict verdict_ = Verdict::rejected;
};

// The start of a reply line, as parse_reply reads it.
//   strict:  Reply-code = %x32-35 %x30-35 %x30-39        (RFC 5321 §4.2)
//            followed by SP / "-" / CRLF / end of input, then anything
//   lenient: %x31-39 DIGIT DIGIT
//            followed by SP / "-" / HTAB / LF / CR / end of input, then anything
inline Outcome reply_line_start(std::string_view input, bool lenient) {
  Matcher m(input);
  m.need(lenient ? nonzero_digit : std::string_view("2345"));
  m.need(lenient ? any_digit : std::string_view("012345"));
  m.need(any_digit);
  const unsigned code = m.number();
  if (!m.at_end()) {
    if (lenient) {
      m.need(" -\t\n\r");
    } else if (m.peek_is('\r')) {
      m.need("\r");
      m.need("\n");
    } else {
      m.need(" -");
    }
    m.take_rest();
  }
  Outcome result = m.outcome();
  result.numbers[0] = code;
  return result;
}

// An enhanced status code, all of the input (RFC 3463 §2):
//   status-code = class "." subject "." detail
//   class       = "2" / "4" / "5"
//   subject, detail = 1*3digit; strict: without leading zeros, i.e.
//                     "0" / %x31-39 0*2digit
inline Outcome enhanced_status(std::string_view input, bool lenient) {
  Matcher m(input);
  unsigned numbers[3]{};
  m.need("245");
  numbers[0] = m.number();
  for (int part = 1; part <= 2; ++part) {
    m.need(".");
    m.forget();
    if (lenient) {
      if (m.need(any_digit) && m.may(any_digit)) m.may(any_digit);
    } else if (m.peek_is('0')) {
      m.need("0");
    } else {
      if (m.need(nonzero_digit) && m.may(any_digit)) m.may(any_digit);
    }
    numbers[part] = m.number();
  }
  m.need_end();
  Outcome result = m.outcome();
  for (int i = 0; i < 3; ++i) result.numbers[i] = numbers[i];
  return result;
}

}  // namespace smtpcodes_oracle

#endif  // SMTPCODES_TESTS_SUPPORT_RFC_ORACLE_HPP
