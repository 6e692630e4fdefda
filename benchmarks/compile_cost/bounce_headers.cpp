// Codes in free text, DSNs, MTA logs, classification, bounce messages.
#include <smtpcodes/bounce_message.hpp>
#include <smtpcodes/classify.hpp>
#include <smtpcodes/dsn.hpp>
#include <smtpcodes/find.hpp>
#include <smtpcodes/mta_log.hpp>
