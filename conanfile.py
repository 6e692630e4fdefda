import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


class SmtpcodesConan(ConanFile):
    name = "smtpcodes"
    description = "SMTP reply codes and enhanced status codes as typed, constexpr values"
    license = "MIT"
    url = "https://github.com/smtpcodes/smtpcodes"
    homepage = "https://github.com/smtpcodes/smtpcodes"
    topics = ("smtp", "email", "rfc5321", "rfc3463", "constexpr", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "include/*", "LICENSE", "cmake/smtpcodes-conan-cxx17.cmake"
    no_copy_source = True

    def set_version(self):
        # The version is defined once, in include/smtpcodes/version.hpp.
        text = load(self, os.path.join(self.recipe_folder, "include", "smtpcodes", "version.hpp"))
        parts = []
        for part in ("MAJOR", "MINOR", "PATCH"):
            match = re.search(r"#define SMTPCODES_VERSION_%s (\d+)" % part, text)
            parts.append(match.group(1))
        self.version = ".".join(parts)

    def layout(self):
        basic_layout(self, src_folder=".")

    def package_id(self):
        # One package for every configuration: there is nothing to compile.
        self.info.clear()

    def validate(self):
        if self.settings.compiler.get_safe("cppstd"):
            check_min_cppstd(self, 17)

    def build(self):
        pass

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        copy(self, "*", src=os.path.join(self.source_folder, "include"),
             dst=os.path.join(self.package_folder, "include"))
        copy(self, "smtpcodes-conan-cxx17.cmake", src=os.path.join(self.source_folder, "cmake"),
             dst=os.path.join(self.package_folder, "cmake"))

    def package_info(self):
        # The same names as the package smtpcodes installs itself, so
        # find_package(smtpcodes) and smtpcodes::smtpcodes work either way.
        self.cpp_info.set_property("cmake_file_name", "smtpcodes")
        self.cpp_info.set_property("cmake_target_name", "smtpcodes::smtpcodes")
        self.cpp_info.set_property("pkg_config_name", "smtpcodes")
        # CMakeDeps' target carries no C++ standard; this module adds cxx_std_17 to it.
        self.cpp_info.set_property("cmake_build_modules", [os.path.join("cmake", "smtpcodes-conan-cxx17.cmake")])
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
