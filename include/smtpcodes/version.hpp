#ifndef SMTPCODES_VERSION_HPP
#define SMTPCODES_VERSION_HPP

// The one place the version is defined; CMakeLists.txt reads it from here.
#define SMTPCODES_VERSION_MAJOR 0
#define SMTPCODES_VERSION_MINOR 1
#define SMTPCODES_VERSION_PATCH 0

#define SMTPCODES_VERSION                                                      \
  (SMTPCODES_VERSION_MAJOR * 10000 + SMTPCODES_VERSION_MINOR * 100 +          \
   SMTPCODES_VERSION_PATCH)

#endif  // SMTPCODES_VERSION_HPP
