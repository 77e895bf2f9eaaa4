#include <doctest/doctest.h>

#include "preflight/json.h"

TEST_CASE("json: strings are escaped as RFC 8259 §7 requires, UTF-8 passes through") {
  CHECK(preflight::json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(preflight::json_string("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
  CHECK(preflight::json_string(std::string("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  CHECK(preflight::json_string("黑色 / ok") == "\"黑色 / ok\"");
}

TEST_CASE("json: nested objects and arrays with commas in the right places") {
  preflight::JsonWriter w;
  w.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).begin_object().end_object().end_array();
  w.key("c").begin_array().end_array().end_object();
  CHECK(w.str() == "{\n  \"a\": 1,\n  \"b\": [\n    \"x\",\n    true,\n    {}\n  ],\n  \"c\": []\n}");
}
