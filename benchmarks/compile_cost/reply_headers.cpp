// Whole replies, the stream and EHLO, without the registry or bounces.
#include <smtpcodes/ehlo.hpp>
#include <smtpcodes/reply.hpp>
#include <smtpcodes/reply_stream.hpp>
