#ifndef SMTPCODES_REPLY_STREAM_HPP
#define SMTPCODES_REPLY_STREAM_HPP

// An incremental reply parser for a client reading a socket: feed it bytes
// in chunks of any size and take each reply as soon as its last line ends.
// Memory is one fixed buffer, given by the caller or held inline; a reply
// that does not fit is an error, never a reason to grow.

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

#include <smtpcodes/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

// What BasicReplyStream::next() found.
enum class ReplyStreamStatus : std::uint8_t {
  need_more_data,  // no complete reply buffered: feed more bytes (or call finish())
  reply,           // reply() holds the next reply
  error,           // error() says what was wrong; the stream has skipped the offending line
  end_of_stream,   // finish() was called and everything has been taken
};

// Parses a stream of replies into a caller-supplied buffer.
//
// Each reply is exactly what scan_reply() gives for the same bytes, whatever
// the chunking. After an error the stream drops the reply's bytes up to the
// end of the offending line and resumes at the next line, as a loop over
// scan_reply() would. Pipelined replies (RFC 2920) come out one per next().
//
// The buffer bounds memory: it must hold the longest reply to be accepted.
// A reply that does not fit is the error buffer_full; a line longer than
// ReplyOptions::max_line_length is line_too_long as soon as its length
// passes the limit, without waiting for its end; a reply with more than
// MaxLines lines is too_many_lines. Give the buffer at least
// max_line_length + 1 bytes, so that line_too_long is reported before
// buffer_full.
template <std::size_t MaxLines = Reply::max_lines>
class BasicReplyStream {
 public:
  using reply_type = BasicReply<MaxLines>;

  // buffer must outlive the stream and is the only memory it uses;
  // capacity must not be 0.
  BasicReplyStream(char* buffer, std::size_t capacity, const ReplyOptions& options = {}) noexcept
      : buffer_(buffer), capacity_(capacity), options_(options) {
    options_.allow_incomplete = false;
  }
  BasicReplyStream(const BasicReplyStream&) = delete;
  BasicReplyStream& operator=(const BasicReplyStream&) = delete;

  // Copies as much of data as the buffer has room for and returns how many
  // bytes that was. Fewer than data.size() means: call next() to make room,
  // then feed the rest. Feeding after finish() takes nothing.
  std::size_t feed(std::string_view data) noexcept {
    release_taken();
    if (finished_) return 0;
    std::size_t taken = 0;
    if (skipping_line_) {
      // Drop the rest of a line that was already reported, up to its LF.
      while (taken < data.size() && data[taken] != '\n') ++taken;
      if (taken == data.size()) return taken;
      ++taken;
      skipping_line_ = false;
    }
    const std::size_t room = capacity_ - size_;
    const std::size_t count = data.size() - taken < room ? data.size() - taken : room;
    if (count != 0) std::memcpy(buffer_ + size_, data.data() + taken, count);
    size_ += count;
    return taken + count;
  }

  // The input has ended (the peer closed the connection). What is left is
  // given by next() as a reply marked incomplete (or with the diagnostic
  // missing_line_ending), or as an error.
  void finish() noexcept { finished_ = true; }

  // Looks for the next reply in what has been fed. The views in reply() stay
  // valid until the next call to feed() or next().
  [[nodiscard]] ReplyStreamStatus next() noexcept {
    release_taken();
    while (scanned_ < size_) {
      const std::string_view buffered(buffer_, size_);
      const std::size_t feed_at = detail::find_line_feed(buffered, scanned_);
      if (feed_at == std::string_view::npos) {
        scanned_ = size_;
        break;
      }
      scanned_ = feed_at + 1;
      if (line_needs_full_scan(buffered, feed_at)) {
        const ReplyStreamStatus status = scan(buffered.substr(0, scanned_), options_);
        if (status != ReplyStreamStatus::need_more_data) return status;
      }
      ++lines_;
      line_start_ = scanned_;
    }
    // The partial line: too long already, or the buffer is full.
    if (size_ - line_start_ > options_.max_line_length) {
      return fail(ReplyError{ReplyErrorKind::line_too_long, line_start_, lines_, {}}, size_);
    }
    if (finished_) {
      if (size_ == 0) return ReplyStreamStatus::end_of_stream;
      ReplyOptions last = options_;
      last.allow_incomplete = true;
      return scan(std::string_view(buffer_, size_), last);
    }
    if (size_ == capacity_) return fail(ReplyError{ReplyErrorKind::buffer_full, size_, lines_, {}}, size_);
    return ReplyStreamStatus::need_more_data;
  }

  // The reply found by the last next() that returned reply.
  [[nodiscard]] const reply_type& reply() const noexcept { return reply_; }
  // The error found by the last next() that returned error; its offset is
  // from the start of the failed reply.
  [[nodiscard]] const ReplyError& error() const noexcept { return error_; }

  // Bytes held for the reply in progress: never more than capacity().
  [[nodiscard]] std::size_t buffered() const noexcept { return size_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] const ReplyOptions& options() const noexcept { return options_; }

 private:
  // A continuation line with a good code, a proper ending and room for more
  // lines cannot end or break the reply; anything else is decided by scan_reply.
  [[nodiscard]] bool line_needs_full_scan(std::string_view buffered, std::size_t feed_at) const noexcept {
    const std::size_t length = feed_at + 1 - line_start_;
    if (length > options_.max_line_length || lines_ + 1 >= MaxLines) return true;
    const bool crlf = feed_at > line_start_ && buffered[feed_at - 1] == '\r';
    if (!crlf) return true;
    const auto head =
        detail::scan_reply_line_head(buffered.substr(line_start_, feed_at - 1 - line_start_), options_.mode);
    return !head || head->last;
  }

  ReplyStreamStatus scan(std::string_view bytes, const ReplyOptions& options) noexcept {
    std::size_t end = 0;
    const Result<reply_type, ReplyError> result = scan_reply<MaxLines>(bytes, options, end);
    if (result) {
      reply_ = *result;
      take(end);
      return ReplyStreamStatus::reply;
    }
    if (result.error().kind == ReplyErrorKind::incomplete_reply) return ReplyStreamStatus::need_more_data;
    return fail(result.error(), end);
  }

  ReplyStreamStatus fail(const ReplyError& error, std::size_t end) noexcept {
    error_ = error;
    // Resume after the offending line; if its end has not arrived, skip to it.
    if (end == 0 || buffer_[end - 1] != '\n') skipping_line_ = !(finished_ && end == size_);
    take(end);
    return ReplyStreamStatus::error;
  }

  // Marks the first count bytes as done; they are dropped at the next call,
  // so that the views handed out stay valid until then.
  void take(std::size_t count) noexcept {
    taken_ = count;
    scanned_ = count;
    line_start_ = count;
    lines_ = 0;
  }

  void release_taken() noexcept {
    if (taken_ == 0) return;
    std::memmove(buffer_, buffer_ + taken_, size_ - taken_);
    size_ -= taken_;
    taken_ = 0;
    scanned_ = 0;
    line_start_ = 0;
    // A partial line being skipped is not kept.
    if (skipping_line_) {
      const std::size_t feed_at = detail::find_line_feed(std::string_view(buffer_, size_), 0);
      const std::size_t drop = feed_at == std::string_view::npos ? size_ : feed_at + 1;
      std::memmove(buffer_, buffer_ + drop, size_ - drop);
      size_ -= drop;
      skipping_line_ = feed_at == std::string_view::npos && !finished_;
    }
  }

  char* buffer_;
  std::size_t capacity_;
  ReplyOptions options_;
  std::size_t size_ = 0;        // bytes in the buffer
  std::size_t taken_ = 0;       // bytes of the last reply or error, dropped at the next call
  std::size_t scanned_ = 0;     // bytes searched for line ends
  std::size_t line_start_ = 0;  // where the current, unfinished line starts
  std::size_t lines_ = 0;       // complete lines of the reply in progress
  bool skipping_line_ = false;  // dropping the rest of a line reported as an error
  bool finished_ = false;
  reply_type reply_{};
  ReplyError error_{};
};

using ReplyStream = BasicReplyStream<>;

// A stream that holds its buffer of Capacity bytes inline. The default fits
// a reply of 32 lines of RFC 5321's 512 octets.
template <std::size_t Capacity = 16384, std::size_t MaxLines = Reply::max_lines>
class StaticReplyStream : private std::array<char, Capacity>, public BasicReplyStream<MaxLines> {
 public:
  explicit StaticReplyStream(const ReplyOptions& options = {}) noexcept
      : std::array<char, Capacity>{}, BasicReplyStream<MaxLines>(this->data(), Capacity, options) {}
};

}  // namespace v0
}  // namespace smtpcodes

#endif  // SMTPCODES_REPLY_STREAM_HPP
