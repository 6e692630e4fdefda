# Install rules: the headers, a CMake package (share/cmake/smtpcodes) and a
# pkg-config file (share/pkgconfig). Everything goes under share/ because
# nothing here depends on the architecture.
include(CMakePackageConfigHelpers)

set(SMTPCODES_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/smtpcodes"
    CACHE STRING "Where the smtpcodes CMake package files are installed, relative to the prefix")
set(SMTPCODES_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where smtpcodes.pc is installed, relative to the prefix")
mark_as_advanced(SMTPCODES_INSTALL_CMAKEDIR SMTPCODES_INSTALL_PKGCONFIGDIR)

# The whole directory, so that every header added later is installed too.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS smtpcodes EXPORT smtpcodesTargets)
install(EXPORT smtpcodesTargets NAMESPACE smtpcodes:: DESTINATION "${SMTPCODES_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/smtpcodesConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/smtpcodesConfig.cmake"
  INSTALL_DESTINATION "${SMTPCODES_INSTALL_CMAKEDIR}")

# Before 1.0 a minor release may break the API, so 0.x only matches 0.x.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_smtpcodes_compatibility SameMinorVersion)
else()
  set(_smtpcodes_compatibility SameMajorVersion)
endif()
# ARCH_INDEPENDENT: a header-only package suits 32- and 64-bit consumers
# alike; without it a 32-bit build would reject a package made on 64 bits.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/smtpcodesConfigVersion.cmake"
  COMPATIBILITY ${_smtpcodes_compatibility} ARCH_INDEPENDENT)

install(FILES "${PROJECT_BINARY_DIR}/smtpcodesConfig.cmake" "${PROJECT_BINARY_DIR}/smtpcodesConfigVersion.cmake"
        DESTINATION "${SMTPCODES_INSTALL_CMAKEDIR}")

# Relative to the .pc file's own place, so the installed tree can be moved.
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(SMTPCODES_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(SMTPCODES_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/smtpcodes.pc.in" "${PROJECT_BINARY_DIR}/smtpcodes.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/smtpcodes.pc" DESTINATION "${SMTPCODES_INSTALL_PKGCONFIGDIR}")

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
