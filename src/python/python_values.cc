// Python values to and from credence's (python_values.h).
#include "python/python_values.h"

#include <cstdint>
#include <utility>

namespace credence::internal {

using Json = nlohmann::ordered_json;

py::object& ErrorType() {
  static py::object* type = new py::object();  // never destroyed: outlives the interpreter's teardown order
  return *type;
}

[[noreturn]] void Raise(const Status& status) {
  py::object error = ErrorType()(py::str(status.message()));
  error.attr("kind") = py::str(std::string(StatusCodeName(status.code())));
  PyErr_SetObject(ErrorType().ptr(), error.ptr());
  throw py::error_already_set();
}

py::object ToPython(const Json& j) {
  switch (j.type()) {
    case Json::value_t::boolean: return py::bool_(j.get<bool>());
    case Json::value_t::number_integer: return py::int_(j.get<std::int64_t>());
    case Json::value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
    case Json::value_t::number_float: return py::float_(j.get<double>());
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      PyObject* text = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
      if (text == nullptr) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(text);
    }
    case Json::value_t::array: {
      py::list list(j.size());
      for (std::size_t i = 0; i < j.size(); ++i) list[i] = ToPython(j[i]);
      return list;
    }
    case Json::value_t::object: {
      py::dict dict;
      for (const auto& [key, value] : j.items()) dict[py::str(key)] = ToPython(value);
      return dict;
    }
    default: return py::none();
  }
}

py::object LoadJson(const std::string& text) {
  static py::object* loads = new py::object(py::module_::import("json").attr("loads"));  // kept: see ErrorType
  PyObject* str = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "replace");
  if (str == nullptr) throw py::error_already_set();
  return (*loads)(py::reinterpret_steal<py::object>(str));
}

Result<std::string> BytesOf(py::handle value, const char* what) {
  if (PyUnicode_Check(value.ptr())) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (data == nullptr) {
      PyErr_Clear();
      return Error(StatusCode::kInvalidArgument, std::string(what) + " is a str that cannot be UTF-8 (lone surrogates)");
    }
    return std::string(data, static_cast<std::size_t>(size));
  }
  if (PyBytes_Check(value.ptr()) || PyByteArray_Check(value.ptr()) || PyObject_CheckBuffer(value.ptr())) {
    py::buffer_info info = py::reinterpret_borrow<py::buffer>(value).request();
    return std::string(static_cast<const char*>(info.ptr), static_cast<std::size_t>(info.size * info.itemsize));
  }
  return Error(StatusCode::kInvalidArgument,
               std::string(what) + " must be str or bytes, not " + std::string(py::str(value.get_type().attr("__name__"))));
}

std::string OptionalString(const std::optional<py::object>& value, const char* what) {
  if (!value || value->is_none()) return "";
  Result<std::string> bytes = BytesOf(*value, what);
  if (!bytes) Raise(bytes.error());
  return std::move(*bytes);
}

InputKind KindOf(const py::object& html) {
  if (html.is_none()) return InputKind::kAuto;
  if (!PyBool_Check(html.ptr())) throw py::type_error("html must be True, False or None");
  return html.cast<bool>() ? InputKind::kHtml : InputKind::kText;
}

}  // namespace credence::internal
