// Python values to and from credence's: the bytes of a str or bytes
// argument, a JSON report as dicts and lists, and credence.Error raised from
// a Status. Every function here needs the GIL.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "credence/status.h"
#include "pipeline/analyze_input.h"

namespace credence::internal {

namespace py = pybind11;

// credence.Error, a ValueError subclass; set when the module loads.
py::object& ErrorType();

// Raises credence.Error with `status`'s message and its kind
// (StatusCodeName) as the exception's `kind`.
[[noreturn]] void Raise(const Status& status);

// Returns the JSON value as Python objects: dicts keep the key order;
// strings that are not valid UTF-8 (none should be) get U+FFFD.
py::object ToPython(const nlohmann::ordered_json& j);

// Returns JSON text (valid UTF-8) as Python objects, read by Python's own
// json.loads: for a whole report it is faster than building the objects
// from a tree here.
py::object LoadJson(const std::string& text);

// Returns the bytes of a str (as UTF-8) or of a bytes-like object; fails
// with kInvalidArgument for a str with lone surrogates or another type,
// naming the argument `what`.
Result<std::string> BytesOf(py::handle value, const char* what);

// Returns BytesOf(*value), "" for None or nothing; raises credence.Error.
std::string OptionalString(const std::optional<py::object>& value, const char* what);

// html=False: text; True: a web page; None: decided from the first bytes.
// Raises TypeError for anything else.
InputKind KindOf(const py::object& html);

}  // namespace credence::internal
