#ifndef SMTPCODES_WIRE_REPLY_STREAM_HPP
#define SMTPCODES_WIRE_REPLY_STREAM_HPP

// An incremental reply parser for a client reading a socket: feed it bytes
// in chunks of any size and take each reply as soon as its last line ends.
// Memory is one fixed buffer, given by the caller or held inline; a reply
// that does not fit is an error, never a reason to grow.

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

#include <smtpcodes/wire/reply.hpp>

namespace smtpcodes {
inline namespace v0 {

// What BasicReplyStream::next() found.
enum class ReplyStreamStatus : std::uint8_t {
  need_more_data,  // no complete reply buffered: feed more bytes (or call finish())
  reply,           // reply() holds the next reply
  error,           // error() says what was wrong; the stream has skipped the offending line
  end_of_stream,   // finish() was called and everything has been taken
};

[[nodiscard]] constexpr std::string_view name(ReplyStreamStatus status) noexcept {
  switch (status) {
    case ReplyStreamStatus::need_more_data: return "need_more_data";
    case ReplyStreamStatus::reply: return "reply";
    case ReplyStreamStatus::error: return "error";
    case ReplyStreamStatus::end_of_stream: return "end_of_stream";
  }
  return "undefined";
}

// Parses a stream of replies into a caller-supplied buffer.
//
// Each reply and each error is exactly what scan_reply() gives for the same
// bytes, whatever the chunking. After an error in a line the stream drops the
// reply's bytes up to the end of the offending line and resumes at the next
// line, as a loop over scan_reply() would. Pipelined replies (RFC 2920) come
// out one per next().
//
// The buffer bounds memory: it must hold the longest reply to be accepted.
// A reply that does not fit is the error buffer_full; a line longer than
// ReplyOptions::max_line_length is line_too_long as soon as its length
// passes the limit, without waiting for its end; a reply with more than
// MaxLines lines is too_many_lines. Give the buffer at least
// max_line_length + 1 bytes, so that line_too_long is reported before
// buffer_full.
//
// After too_many_lines or buffer_full the whole reply is dropped, up to its
// last line ("ddd SP"), without buffering: next() gives one error for it
// when that line has passed (or the input ends), with ReplyError::
// dropped_lines counting its lines, and the stream goes on with the next
// reply. The rest of an over-long reply never comes out as a reply.
template <std::size_t MaxLines = Reply::max_lines>
class BasicReplyStream {
 public:
  using reply_type = BasicReply<MaxLines>;

  // buffer must outlive the stream and is the only memory it uses;
  // capacity must not be 0. feed() copies what it takes, so the data fed
  // may be a temporary.
  BasicReplyStream(char* buffer SMTPCODES_LIFETIMEBOUND, std::size_t capacity,
                   const ReplyOptions& options = {}) noexcept
      : buffer_(buffer), capacity_(capacity), options_(options) {
    options_.allow_incomplete = false;
  }
  BasicReplyStream(const BasicReplyStream&) = delete;
  BasicReplyStream& operator=(const BasicReplyStream&) = delete;

  // Copies as much of data as the buffer has room for and returns how many
  // bytes that was. Fewer than data.size() means: call next() to make room,
  // then feed the rest. Feeding after finish() takes nothing.
  std::size_t feed(std::string_view data) noexcept {
    if (finished_) return 0;
    std::size_t taken = 0;
    if (dropping_reply_) {
      // The rest of a reply already failed goes without being buffered.
      taken = drop_reply_lines(data);
      if (dropping_reply_) return taken;
    }
    if (skipping_line_) {
      // Drop the rest of a line that was already reported, up to its LF.
      while (taken < data.size() && data[taken] != '\n') ++taken;
      if (taken == data.size()) return taken;
      ++taken;
      skipping_line_ = false;
    }
    const std::size_t wanted = data.size() - taken;
    // Bytes already taken stay where they are until room is needed: moving
    // what follows them once per feed(), not once per reply.
    if (wanted > capacity_ - start_ - size_ && start_ != 0) {
      if (size_ != 0) std::memmove(buffer_, buffer_ + start_, size_);
      start_ = 0;
      // The lines of the reply in progress point at the old place: scan
      // them again.
      scanned_ = 0;
      line_start_ = 0;
      lines_ = 0;
    }
    const std::size_t room = capacity_ - start_ - size_;
    const std::size_t count = wanted < room ? wanted : room;
    if (count != 0) std::memcpy(buffer_ + start_ + size_, data.data() + taken, count);
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
    if (error_pending_) {
      error_pending_ = false;
      return ReplyStreamStatus::error;
    }
    if (dropping_reply_) {
      if (!finished_) return ReplyStreamStatus::need_more_data;
      return end_dropped_reply();
    }
    const std::string_view buffered(buffer_ + start_, size_);
    reply_type& spare = replies_[1 - current_];
    ReplyError error;
    // Each line is scanned once, as soon as its LF is here, into the spare
    // reply, by the steps scan_reply() takes over the same bytes: most
    // lines in one pass that finds their end and checks their text, the
    // others by memchr and then scan_reply_line(). The positions are kept in
    // locals (the options too): the reply's stores cannot alias them.
    std::size_t scanned = scanned_;
    std::size_t line_start = line_start_;
    std::size_t lines = lines_;
    const ReplyOptions options = options_;
    while (scanned < size_) {
      if (lines == MaxLines) {
        return drop_reply(ReplyError{ReplyErrorKind::too_many_lines, line_start, lines, {}, 0}, line_start);
      }
      if (lines == 0) detail::begin_reply(spare);
      std::size_t next_line = 0;
      bool last = false;
      if (scanned != line_start ||
          !detail::scan_plain_reply_line(spare, buffered, line_start, lines, options, next_line, last)) {
        const std::size_t feed_at = detail::find_line_feed(buffered, scanned);
        if (feed_at == std::string_view::npos) {
          scanned = size_;
          break;
        }
        next_line = feed_at + 1;
        const detail::ReplyLineStep step =
            detail::scan_reply_line(spare, buffered, line_start, feed_at, lines, options, error);
        if (step == detail::ReplyLineStep::error) return fail(error, next_line);
        last = step == detail::ReplyLineStep::last;
      }
      ++lines;
      scanned = next_line;
      line_start = next_line;
      if (last) {
        detail::end_reply(spare, std::string_view(buffered.data(), scanned), lines, true);
        current_ = 1 - current_;
        take(scanned);
        return ReplyStreamStatus::reply;
      }
    }
    scanned_ = scanned;
    line_start_ = line_start;
    lines_ = lines;
    // The partial line: too long already, or the buffer is full.
    if (size_ - line_start_ > options_.max_line_length) {
      return fail(ReplyError{ReplyErrorKind::line_too_long, line_start_, lines_, {}, lines_ + 1}, size_);
    }
    if (finished_) {
      if (size_ == 0) return ReplyStreamStatus::end_of_stream;
      ReplyOptions last = options_;
      last.allow_incomplete = true;
      return scan(buffered, last);
    }
    if (size_ == capacity_)
      return drop_reply(ReplyError{ReplyErrorKind::buffer_full, size_, lines_, {}, 0}, line_start_);
    return ReplyStreamStatus::need_more_data;
  }

  // The reply found by the last next() that returned reply; a next() that
  // returns anything else leaves it as it was (its views still need the
  // bytes, valid until the next feed() or next()).
  [[nodiscard]] const reply_type& reply() const noexcept { return replies_[current_]; }
  // The error found by the last next() that returned error; its offset is
  // from the start of the failed reply.
  [[nodiscard]] const ReplyError& error() const noexcept { return error_; }

  // Bytes held for the reply in progress: never more than capacity().
  [[nodiscard]] std::size_t buffered() const noexcept { return size_; }
  [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }
  [[nodiscard]] const ReplyOptions& options() const noexcept { return options_; }

 private:
  // What is left when the input has ended, as scan_reply() sees it, parsed
  // into the spare reply, which becomes reply() on success.
  ReplyStreamStatus scan(std::string_view bytes, const ReplyOptions& options) noexcept {
    std::size_t end = 0;
    ReplyError error;
    const std::size_t spare = 1 - current_;
    if (detail::scan_reply_into(replies_[spare], bytes, options, end, error)) {
      current_ = spare;
      take(end);
      return ReplyStreamStatus::reply;
    }
    return fail(error, end);
  }

  ReplyStreamStatus fail(const ReplyError& error, std::size_t end) noexcept {
    error_ = error;
    // Resume after the offending line; if its end has not arrived, skip to it.
    const bool skip = (end == 0 || buffer_[start_ + end - 1] != '\n') && !(finished_ && end == size_);
    take(end);
    if (skip) {
      // Drop the rest of the line from what is buffered; what has not
      // arrived yet is dropped by feed().
      const std::size_t feed_at = detail::find_line_feed(std::string_view(buffer_ + start_, size_), 0);
      take(feed_at == std::string_view::npos ? size_ : feed_at + 1);
      skipping_line_ = feed_at == std::string_view::npos && !finished_;
    }
    return ReplyStreamStatus::error;
  }

  // Starts dropping the reply in progress, whose lines before line_start
  // are scanned: the one error for it comes when its last line has been
  // dropped (or the input ends), with the count of lines dropped.
  ReplyStreamStatus drop_reply(const ReplyError& error, std::size_t line_start) noexcept {
    error_ = error;
    error_.dropped_lines = error.line;
    dropping_reply_ = true;
    drop_line_size_ = 0;
    take(line_start);
    take(drop_reply_lines(std::string_view(buffer_ + start_, size_)));
    if (dropping_reply_) return finished_ ? end_dropped_reply() : ReplyStreamStatus::need_more_data;
    error_pending_ = false;
    return ReplyStreamStatus::error;
  }

  // Drops the lines of a failed reply from data, up to and including the one
  // that ends it (detail::line_ends_reply); returns how many bytes that was.
  // The first bytes of the line in progress are kept, as much as
  // line_ends_reply needs, in case its LF comes in a later feed().
  std::size_t drop_reply_lines(std::string_view data) noexcept {
    std::size_t at = 0;
    while (at < data.size()) {
      const std::size_t feed_at = detail::find_line_feed(data, at);
      const std::size_t line_end = feed_at == std::string_view::npos ? data.size() : feed_at;
      for (std::size_t i = at; i < line_end && drop_line_size_ < sizeof drop_line_start_; ++i) {
        drop_line_start_[drop_line_size_++] = data[i];
      }
      if (feed_at == std::string_view::npos) {
        drop_line_seen_ = true;
        return data.size();
      }
      // The kept bytes hold the whole line, less its LF, when it is short.
      std::string_view content(drop_line_start_, drop_line_size_);
      const bool whole = drop_line_size_ < sizeof drop_line_start_;
      if (whole && !content.empty() && content.back() == '\r') content.remove_suffix(1);
      if (content.size() > 5) content = content.substr(0, 5);
      ++error_.dropped_lines;
      drop_line_size_ = 0;
      drop_line_seen_ = false;
      at = feed_at + 1;
      if (detail::line_ends_reply(content, options_.mode)) {
        dropping_reply_ = false;
        error_pending_ = true;
        break;
      }
    }
    return at;
  }

  // The input ended while a failed reply was dropped: its error, with a
  // line cut off by the end counted as dropped.
  ReplyStreamStatus end_dropped_reply() noexcept {
    if (drop_line_seen_) ++error_.dropped_lines;
    dropping_reply_ = false;
    drop_line_seen_ = false;
    drop_line_size_ = 0;
    return ReplyStreamStatus::error;
  }

  // Marks the first count bytes as done. They stay in place (the views
  // handed out point at them) until feed() needs their room.
  void take(std::size_t count) noexcept {
    start_ += count;
    size_ -= count;
    scanned_ = 0;
    line_start_ = 0;
    lines_ = 0;
  }

  char* buffer_;
  std::size_t capacity_;
  ReplyOptions options_;
  std::size_t start_ = 0;        // where the reply in progress starts; the bytes before are done
  std::size_t size_ = 0;         // bytes from start_ on
  std::size_t scanned_ = 0;      // bytes from start_ searched for line ends
  std::size_t line_start_ = 0;   // where the current, unfinished line starts, from start_
  std::size_t lines_ = 0;        // complete lines of the reply in progress
  std::size_t current_ = 0;      // which of replies_ is reply()
  bool skipping_line_ = false;   // dropping the rest of a line reported as an error
  bool dropping_reply_ = false;  // dropping the rest of a reply that failed; error_ is its error
  bool drop_line_seen_ = false;  // a line of it has begun and not ended
  bool error_pending_ = false;   // the dropped reply has ended: next() gives error_
  bool finished_ = false;
  // The first bytes of the line being dropped (see drop_reply_lines).
  char drop_line_start_[7]{};
  std::size_t drop_line_size_ = 0;
  // reply() and the spare the next reply is parsed into.
  reply_type replies_[2]{};
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

#endif  // SMTPCODES_WIRE_REPLY_STREAM_HPP
