"""Keeps web/openapi.yaml true to the server (run by ctest as server.openapi).

Starts `credence serve --port 0` (the binary in $CREDENCE_BINARY) and checks:
- the routes registered in src/server/http_api.cc and the paths of the file
  are the same set (method and path);
- every GET route answers 200 with a documented content type;
- every example request of the file gets a status code the file lists for
  its operation (the one its summary names, "(400", else 200), with a body
  that validates against that status code's schema (JSON Schema 2020-12,
  as OpenAPI 3.1 uses; each JSONL line of /v1/batch against BatchLine);
- bodies above --max-body get 413 with the Error schema, unknown paths 404;
- the server's /openapi.yaml is this file.
Needs /usr/bin/python3 with python3-yaml and python3-jsonschema (Debian).
"""
import http.client
import json
import os
import re
import subprocess
import sys
import unittest

import jsonschema
import yaml

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPEC_PATH = os.path.join(REPO, "web", "openapi.yaml")
MAX_BODY = 64 * 1024


def registered_routes():
    """(method, path) pairs registered in http_api.cc (through HttpApi::Handle)."""
    with open(os.path.join(REPO, "src", "server", "http_api.cc"), encoding="utf-8") as f:
        source = f.read()
    return {(m.lower(), p) for m, p in re.findall(r'Handle\("(GET|POST)", "([^"]+)"', source)}


class OpenApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SPEC_PATH, encoding="utf-8") as f:
            cls.spec_text = f.read()
        cls.spec = yaml.safe_load(cls.spec_text)
        binary = os.environ.get("CREDENCE_BINARY")
        if not binary:
            raise unittest.SkipTest("CREDENCE_BINARY is not set (ctest sets it)")
        cls.server = subprocess.Popen(
            [binary, "serve", "--port", "0", "--threads", "2", "--max-body", str(MAX_BODY), "--model", ""],
            stderr=subprocess.PIPE, text=True)
        line = cls.server.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            cls.server.kill()
            raise RuntimeError("the server did not start: " + line)
        cls.port = int(match.group(1))

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=30)

    def request(self, method, path, body=None, content_type="application/json"):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": content_type} if body is not None else {}
        conn.request(method.upper(), path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, response.getheader("Content-Type", ""), data

    def validate(self, instance, schema):
        resolver = jsonschema.RefResolver.from_schema(self.spec)
        jsonschema.Draft202012Validator(schema, resolver=resolver).validate(instance)

    def check_answer(self, operation, status, content_type, data, where):
        responses = operation["responses"]
        self.assertIn(str(status), responses, f"{where}: status {status} is not documented: {data[:300]!r}")
        content = responses[str(status)].get("content", {})
        media = content_type.split(";")[0].strip()
        self.assertIn(media, content, f"{where}: content type {content_type} is not documented for {status}")
        schema = content[media].get("schema")
        if schema is None:
            return
        if media == "application/x-ndjson":
            lines = data.decode("utf-8").splitlines()
            self.assertTrue(lines, f"{where}: no lines")
            for line in lines:
                self.validate(json.loads(line), schema)
        else:
            self.validate(json.loads(data), schema)

    def test_the_file_is_openapi_3_1(self):
        self.assertEqual(self.spec["openapi"], "3.1.0")
        for name in ("info", "paths", "components"):
            self.assertIn(name, self.spec)
        jsonschema.Draft202012Validator.check_schema({"$defs": self.spec["components"]["schemas"]})

    def test_documented_routes_are_the_registered_ones(self):
        documented = {(method, path) for path, ops in self.spec["paths"].items() for method in ops
                      if method in ("get", "post", "put", "delete", "patch")}
        registered = registered_routes()
        self.assertGreaterEqual(len(registered), 8)
        self.assertEqual(documented, registered)

    def test_every_get_route_answers_as_documented(self):
        for path, ops in self.spec["paths"].items():
            if "get" not in ops:
                continue
            status, content_type, data = self.request("get", path)
            self.assertEqual(status, 200, path)
            self.check_answer(ops["get"], status, content_type, data, "GET " + path)

    def test_every_example_request_gets_a_documented_answer(self):
        sent = 0
        for path, ops in self.spec["paths"].items():
            for method, operation in ops.items():
                body = operation.get("requestBody")
                if not body:
                    continue
                for media, content in body["content"].items():
                    for name, example in content.get("examples", {}).items():
                        value = example["value"]
                        payload = value if isinstance(value, str) else json.dumps(value)
                        expected = re.search(r"\((\d{3})", example.get("summary", ""))
                        expected = int(expected.group(1)) if expected else 200
                        status, content_type, data = self.request(method, path, payload.encode("utf-8"), media)
                        where = f"{method.upper()} {path} example {name}"
                        self.assertEqual(status, expected, f"{where}: {data[:300]!r}")
                        self.check_answer(operation, status, content_type, data, where)
                        sent += 1
        self.assertGreaterEqual(sent, 6)

    def test_too_large_and_unknown_paths(self):
        big = json.dumps({"text": "word " * MAX_BODY}).encode()
        for path in ("/v1/analyze", "/v1/batch"):
            status, content_type, data = self.request("post", path, big)
            self.assertEqual(status, 413, path)
            self.check_answer(self.spec["paths"][path]["post"], status, content_type, data, path)
        status, _, data = self.request("get", "/v2/nothing")
        self.assertEqual(status, 404)
        self.validate(json.loads(data), {"$ref": "#/components/schemas/Error"})

    def test_the_server_serves_this_file(self):
        status, _, data = self.request("get", "/openapi.yaml")
        self.assertEqual(status, 200)
        self.assertEqual(data.decode("utf-8"), self.spec_text)


if __name__ == "__main__":
    sys.exit(unittest.main())
