"""schemathesis against our own OpenAPI document: generated requests, valid and invalid, never get a
5xx; invalid ones are refused; every answer conforms to the document (status, content type, schema).

Not checked: that every schema-valid request is accepted. JSON Schema cannot say that a property must
belong to the query's FtM schema or that a query needs a name; those are 422s naming the field.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from chokepoint.api import create_app

EXAMPLES = 12  # per operation: bounded so the whole file stays well under a minute
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
    checks.negative_data_rejection,
]


@pytest.fixture(scope="session")
def api_schema(service, keys):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(service))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=True,  # the same requests every run: a CI run never fails on a draw of the dice
)
def test_api_conforms_to_its_openapi_document(case, keys) -> None:
    case.call_and_validate(headers={"X-API-Key": keys["admin"]}, checks=CHECKS)
