// The registry and what is built on it, without replies or bounces.
#include <smtpcodes/consistency.hpp>
#include <smtpcodes/registry.hpp>
#include <smtpcodes/reply_codes.hpp>
