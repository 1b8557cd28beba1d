"""Every JSON answer the API promises is a named schema, so a client can be generated from it.

A bare `{"type": "object"}` (or a map of anything) tells a reader of the document nothing, and
lets Schemathesis accept whatever a route returns. Each operation's 2xx JSON response must be a
`$ref` to a named component, or an array of one.
"""

from __future__ import annotations

from typing import Any

from api.config import Settings
from api.main import create_app

METHODS = ("get", "put", "post", "patch", "delete")


def _names_a_component(schema: dict[str, Any]) -> bool:
    if "$ref" in schema:
        return True
    if schema.get("type") == "array":
        return "$ref" in schema.get("items", {})
    return False


def _unnamed_json_answers(document: dict[str, Any]) -> list[str]:
    unnamed = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            for status, response in operation.get("responses", {}).items():
                if not status.startswith("2"):
                    continue
                schema = response.get("content", {}).get("application/json", {}).get("schema")
                if schema is not None and not _names_a_component(schema):
                    unnamed.append(f"{method.upper()} {path} {status}: {schema}")
    return unnamed


def test_every_json_answer_is_a_named_schema() -> None:
    document = create_app(Settings()).openapi()
    assert _unnamed_json_answers(document) == []


def test_the_check_sees_a_bare_object() -> None:
    document = {
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"type": "object", "additionalProperties": True}
                                }
                            }
                        }
                    }
                }
            },
            "/b": {
                "get": {
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/B"},
                                    }
                                }
                            }
                        }
                    }
                }
            },
        }
    }
    assert _unnamed_json_answers(document) == [
        "GET /a 200: {'type': 'object', 'additionalProperties': True}"
    ]
