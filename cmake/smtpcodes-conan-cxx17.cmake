# A CMake build module of the Conan package (conanfile.py, cmake_build_modules):
# the smtpcodes::smtpcodes target that Conan's CMakeDeps generates carries no
# language standard, so a consumer whose profile sets no compiler.cppstd would
# compile as the compiler's default (C++14 for clang 14) and fail. The target
# our own CMake package installs has cxx_std_17; this gives Conan's the same.
if(TARGET smtpcodes::smtpcodes)
  get_target_property(_smtpcodes_target smtpcodes::smtpcodes ALIASED_TARGET)
  if(NOT _smtpcodes_target)
    set(_smtpcodes_target smtpcodes::smtpcodes)
  endif()
  get_target_property(_smtpcodes_features ${_smtpcodes_target} INTERFACE_COMPILE_FEATURES)
  if(NOT "cxx_std_17" IN_LIST _smtpcodes_features)
    set_property(TARGET ${_smtpcodes_target} APPEND PROPERTY INTERFACE_COMPILE_FEATURES cxx_std_17)
  endif()
  unset(_smtpcodes_features)
  unset(_smtpcodes_target)
endif()
