#!/usr/bin/env python3
"""Checks the vcpkg port and the Conan recipe as far as this machine can
without vcpkg or Conan (see docs/packaging.md):

- ports/smtpcodes/vcpkg.json is valid JSON with the fields vcpkg requires,
  and its version is the one in include/smtpcodes/version.hpp;
- ports/smtpcodes/portfile.cmake makes the calls a header-only port needs,
  with the config path our CMake install uses;
- conanfile.py and test_package/conanfile.py compile, and the recipe's
  methods run against a stand-in for the Conan API: the version is read from
  the header, the package id is empty, C++17 is the minimum, the headers and
  the license are packaged, and the CMake and pkg-config names are ours;
- the CMake build module the recipe ships adds cxx_std_17 to a target made
  the way CMakeDeps makes it, so that a consumer built with -std=c++14
  compiles as C++17 (a real CMake run, when cmake and a compiler are there).

Prints one line per check; exits 1 if any failed.
"""
import ast
import json
import pathlib
import py_compile
import re
import shutil
import subprocess
import sys
import tempfile
import types

ROOT = pathlib.Path(__file__).resolve().parent.parent
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition or not detail else ": " + detail))


def header_version():
    text = (ROOT / "include" / "smtpcodes" / "version.hpp").read_text()
    return ".".join(re.search(r"#define SMTPCODES_VERSION_%s (\d+)" % p, text).group(1)
                    for p in ("MAJOR", "MINOR", "PATCH"))


def check_vcpkg():
    port = ROOT / "ports" / "smtpcodes"
    try:
        manifest = json.loads((port / "vcpkg.json").read_text())
    except ValueError as error:
        check("vcpkg.json is valid JSON", False, str(error))
        return
    check("vcpkg.json is valid JSON", True)
    check("vcpkg.json name is smtpcodes", manifest.get("name") == "smtpcodes")
    check("vcpkg.json version matches version.hpp", manifest.get("version") == header_version(),
          "%r != %r" % (manifest.get("version"), header_version()))
    for field in ("description", "homepage", "license"):
        check("vcpkg.json has %s" % field, isinstance(manifest.get(field), str) and manifest[field])
    host_dependencies = {d["name"] for d in manifest.get("dependencies", []) if isinstance(d, dict) and d.get("host")}
    check("vcpkg.json needs vcpkg-cmake and vcpkg-cmake-config on the host",
          {"vcpkg-cmake", "vcpkg-cmake-config"} <= host_dependencies)
    check("usage file exists", (port / "usage").is_file())

    portfile = (port / "portfile.cmake").read_text()
    code = "\n".join(line.split("#", 1)[0] for line in portfile.splitlines())
    install_cmake = (ROOT / "cmake" / "install.cmake").read_text()
    check("CMake installs the config to share/cmake/smtpcodes",
          '"${CMAKE_INSTALL_DATADIR}/cmake/smtpcodes"' in install_cmake)
    for name, pattern in [
        ("release-only build", r"set\(VCPKG_BUILD_TYPE release\)"),
        ("vcpkg_cmake_configure without our tests and examples",
         r"vcpkg_cmake_configure\([^)]*SMTPCODES_BUILD_TESTS=OFF[^)]*SMTPCODES_BUILD_EXAMPLES=OFF"),
        ("vcpkg_cmake_install", r"vcpkg_cmake_install\(\)"),
        ("config fix-up from share/cmake/smtpcodes", r"vcpkg_cmake_config_fixup\(CONFIG_PATH share/cmake/smtpcodes\)"),
        ("no lib/ or debug/ left behind",
         r'file\(REMOVE_RECURSE[^)]*"\$\{CURRENT_PACKAGES_DIR\}/lib"[^)]*"\$\{CURRENT_PACKAGES_DIR\}/debug"'),
        ("usage installed", r'file\(INSTALL "\$\{CMAKE_CURRENT_LIST_DIR\}/usage"'),
        ("copyright installed", r'vcpkg_install_copyright\(FILE_LIST "\$\{SOURCE_PATH\}/LICENSE"\)'),
    ]:
        check("portfile: " + name, re.search(pattern, code, re.S))


class Recorder:
    """Stands in for the parts of the Conan API the recipe uses."""

    def __init__(self):
        self.calls = []


def conan_stand_in(recorder):
    class ConanFile:
        pass

    class ConanInvalidConfiguration(Exception):
        pass

    def check_min_cppstd(conanfile, cppstd):
        recorder.calls.append(("check_min_cppstd", str(cppstd)))
        if int(str(conanfile.settings.get_safe("compiler.cppstd")).replace("gnu", "")) < int(cppstd):
            raise ConanInvalidConfiguration("C++%s required" % cppstd)

    def copy(conanfile, pattern, src, dst, **kwargs):
        recorder.calls.append(("copy", pattern, pathlib.Path(src).resolve(), dst))

    def load(conanfile, path):
        return pathlib.Path(path).read_text()

    def basic_layout(conanfile, src_folder="."):
        recorder.calls.append(("basic_layout", src_folder))

    modules = {
        "conan": types.ModuleType("conan"),
        "conan.tools": types.ModuleType("conan.tools"),
        "conan.tools.build": types.ModuleType("conan.tools.build"),
        "conan.tools.files": types.ModuleType("conan.tools.files"),
        "conan.tools.layout": types.ModuleType("conan.tools.layout"),
    }
    modules["conan"].ConanFile = ConanFile
    modules["conan.tools.build"].check_min_cppstd = check_min_cppstd
    modules["conan.tools.files"].copy = copy
    modules["conan.tools.files"].load = load
    modules["conan.tools.layout"].basic_layout = basic_layout
    return modules, ConanInvalidConfiguration


class Settings:
    def __init__(self, cppstd):
        self.cppstd = cppstd
        self.compiler = self

    def get_safe(self, name):
        return self.cppstd if name in ("cppstd", "compiler.cppstd") else None


class CppInfo:
    def __init__(self):
        self.properties = {}
        self.bindirs = self.libdirs = None

    def set_property(self, name, value):
        self.properties[name] = value


def check_conan():
    for recipe in ("conanfile.py", "test_package/conanfile.py"):
        try:
            with tempfile.TemporaryDirectory() as scratch:
                py_compile.compile(str(ROOT / recipe), cfile=str(pathlib.Path(scratch) / "recipe.pyc"), doraise=True)
            check(recipe + " compiles", True)
        except py_compile.PyCompileError as error:
            check(recipe + " compiles", False, str(error))
            return

    source = (ROOT / "conanfile.py").read_text()
    recipe_class = next(node for node in ast.parse(source).body if isinstance(node, ast.ClassDef))
    attributes = {target.id: node.value for node in recipe_class.body if isinstance(node, ast.Assign)
                  for target in node.targets if isinstance(target, ast.Name)}
    constant = lambda name: getattr(attributes.get(name), "value", None)  # noqa: E731
    check("recipe name is smtpcodes", constant("name") == "smtpcodes")
    check("package_type is header-library", constant("package_type") == "header-library")
    check("license is MIT", constant("license") == "MIT")

    recorder = Recorder()
    modules, invalid = conan_stand_in(recorder)
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        namespace = {"__file__": str(ROOT / "conanfile.py"), "__name__": "conanfile"}
        exec(compile(source, str(ROOT / "conanfile.py"), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    recipe = namespace[recipe_class.name]()
    recipe.recipe_folder = str(ROOT)
    recipe.source_folder = str(ROOT)
    recipe.package_folder = "/package"

    recipe.set_version()
    check("set_version() reads version.hpp", recipe.version == header_version(),
          "%r != %r" % (getattr(recipe, "version", None), header_version()))

    cleared = []
    recipe.info = types.SimpleNamespace(clear=lambda: cleared.append(True))
    recipe.package_id()
    check("package_id() gives an empty package id", cleared == [True])

    for cppstd, accepted in (("14", False), ("gnu14", False), ("17", True), ("20", True), ("gnu23", True)):
        recipe.settings = Settings(cppstd)
        try:
            recipe.validate()
            outcome = True
        except invalid:
            outcome = False
        check("validate() %s C++%s" % ("accepts" if accepted else "rejects", cppstd), outcome == accepted)
    check("validate() asks check_min_cppstd for 17", ("check_min_cppstd", "17") in recorder.calls)

    recipe.package()
    copies = [call for call in recorder.calls if call[0] == "copy"]
    check("package() copies the headers from include/",
          ("copy", "*", (ROOT / "include").resolve(), "/package/include") in copies)
    check("package() copies the license", any(c[1] == "LICENSE" and c[3] == "/package/licenses" for c in copies))
    check("exports_sources has the CMake build module",
          "cmake/smtpcodes-conan-cxx17.cmake" in getattr(recipe, "exports_sources", ()))
    check("package() copies the CMake build module to cmake/",
          ("copy", "smtpcodes-conan-cxx17.cmake", (ROOT / "cmake").resolve(), "/package/cmake") in copies)

    recipe.cpp_info = CppInfo()
    recipe.package_info()
    properties = recipe.cpp_info.properties
    check("CMake file name is smtpcodes", properties.get("cmake_file_name") == "smtpcodes")
    check("CMake target name is smtpcodes::smtpcodes", properties.get("cmake_target_name") == "smtpcodes::smtpcodes")
    check("pkg-config name is smtpcodes", properties.get("pkg_config_name") == "smtpcodes")
    check("no library or binary directories", recipe.cpp_info.libdirs == [] and recipe.cpp_info.bindirs == [])
    check("cmake_build_modules names the packaged module",
          properties.get("cmake_build_modules") == ["cmake/smtpcodes-conan-cxx17.cmake"])
    check_build_module()

    test_recipe = (ROOT / "test_package" / "conanfile.py").read_text()
    check("test_package requires the tested reference", "self.requires(self.tested_reference_str)" in test_recipe)
    check("test_package uses CMakeDeps", "CMakeDeps" in test_recipe)


def check_build_module():
    """Includes the module after a target made as CMakeDeps makes it, and
    builds a consumer that needs C++17 with -std=c++14 in its flags."""
    cmake = shutil.which("cmake")
    if cmake is None or (shutil.which("c++") is None and shutil.which("g++") is None):
        print("skip the CMake build module: no cmake or no compiler")
        return
    with tempfile.TemporaryDirectory() as scratch:
        project = pathlib.Path(scratch)
        (project / "consumer.cpp").write_text(
            "#include <string_view>\nint main() { return std::string_view(\"\").size() == 0 ? 0 : 1; }\n")
        (project / "CMakeLists.txt").write_text(f"""cmake_minimum_required(VERSION 3.16)
project(consumer LANGUAGES CXX)
add_library(smtpcodes::smtpcodes INTERFACE IMPORTED)
include("{(ROOT / "cmake" / "smtpcodes-conan-cxx17.cmake").as_posix()}")
include("{(ROOT / "cmake" / "smtpcodes-conan-cxx17.cmake").as_posix()}")
get_target_property(features smtpcodes::smtpcodes INTERFACE_COMPILE_FEATURES)
if(NOT features STREQUAL "cxx_std_17")
  message(FATAL_ERROR "INTERFACE_COMPILE_FEATURES: ${{features}}")
endif()
add_executable(consumer consumer.cpp)
target_link_libraries(consumer PRIVATE smtpcodes::smtpcodes)
""")
        build = project / "build"
        configure = subprocess.run([cmake, "-S", str(project), "-B", str(build), "-DCMAKE_CXX_FLAGS=-std=c++14"],
                                   capture_output=True, text=True, check=False)
        check("the build module adds cxx_std_17 once to CMakeDeps' target", configure.returncode == 0,
              configure.stdout[-500:] + configure.stderr[-500:])
        if configure.returncode == 0:
            built = subprocess.run([cmake, "--build", str(build)], capture_output=True, text=True, check=False)
            check("a consumer built with -std=c++14 compiles as C++17", built.returncode == 0,
                  built.stdout[-800:] + built.stderr[-500:])


def main():
    check_vcpkg()
    check_conan()
    print("%d passed, %d failed" % (results.count(True), results.count(False)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
