# Overlay port that builds smtpcodes from this checkout:
#   vcpkg install smtpcodes --overlay-ports=<checkout>/ports
# A port for the vcpkg registry differs only in where the source comes from:
# vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO smtpcodes/smtpcodes
#   REF "v${VERSION}" SHA512 <of the release archive> HEAD_REF main).
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

# Header-only: nothing differs between debug and release, so build once.
set(VCPKG_BUILD_TYPE release)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DSMTPCODES_BUILD_TESTS=OFF
        -DSMTPCODES_BUILD_EXAMPLES=OFF
        -DSMTPCODES_INSTALL=ON
)
vcpkg_cmake_install()

# Our package lives in share/cmake/smtpcodes; vcpkg wants it in share/smtpcodes.
vcpkg_cmake_config_fixup(CONFIG_PATH share/cmake/smtpcodes)
vcpkg_fixup_pkgconfig()

# Nothing is compiled, so there must be no lib/ or debug/ tree; the license
# goes to share/smtpcodes/copyright instead of share/doc.
file(REMOVE_RECURSE
    "${CURRENT_PACKAGES_DIR}/lib"
    "${CURRENT_PACKAGES_DIR}/debug"
    "${CURRENT_PACKAGES_DIR}/share/doc")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
