#ifndef SMTPCODES_SMTPCODES_HPP
#define SMTPCODES_SMTPCODES_HPP

// The umbrella header: everything smtpcodes offers without optional
// dependencies. Each header below also compiles on its own; they are listed
// in reading order, foundations first, not alphabetically.
// clang-format off
#include <smtpcodes/version.hpp>
#include <smtpcodes/config.hpp>
#include <smtpcodes/parse_error.hpp>
#include <smtpcodes/result.hpp>
#include <smtpcodes/fixed_string.hpp>
#include <smtpcodes/severity.hpp>
#include <smtpcodes/reply_code.hpp>
#include <smtpcodes/enhanced_status.hpp>
#include <smtpcodes/literals.hpp>
#include <smtpcodes/registry.hpp>
#include <smtpcodes/reply_codes.hpp>
#include <smtpcodes/consistency.hpp>
#include <smtpcodes/reply.hpp>
#include <smtpcodes/reply_stream.hpp>
#include <smtpcodes/ehlo.hpp>
#include <smtpcodes/derived_reply.hpp>
#include <smtpcodes/find.hpp>
#include <smtpcodes/dsn.hpp>
#include <smtpcodes/transfer_encoding.hpp>
#include <smtpcodes/mta_log.hpp>
#include <smtpcodes/classify.hpp>
#include <smtpcodes/bounce_message.hpp>
// clang-format on

#endif  // SMTPCODES_SMTPCODES_HPP
