// The price of the whole library: the bounce umbrella includes the main one.
#include <smtpcodes/bounces.hpp>
