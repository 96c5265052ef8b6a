from __future__ import annotations

from conftest import AS_OF, ROOT, SCHEMA, make_reader, write_plan

from kamdocs.core.config import Config
from kamdocs.core.loader import load_file
from kamdocs.figures.assessment import prepare
from kamdocs.view.gates import gate_result


def test_alerts_become_problems_at_their_place(tmp_path, acme) -> None:
    acme["contacts"].append({"id": "x", "name": "X", "buying_roles": ["user"], "owner": "bob", "attitude": "critic"})
    acme["contacts"][0]["attitude"] = "neutral"
    path = write_plan(tmp_path, acme)
    config = Config(root=ROOT, accounts=tmp_path / "accounts", schema=SCHEMA, as_of=AS_OF)
    context, _ = prepare(config, tmp_path)
    result = gate_result([load_file(path, "plan.yaml")], context, make_reader())
    rules = [(p.rule, p.severity.value) for p in result.problems]
    assert ("gate.stale", "error") in rules and ("gate.few-contacts", "warning") in rules
    assert ("gate.no-supporter", "warning") not in rules, "confidential: shared edition"
    stale = next(p for p in result.problems if p.rule == "gate.stale")
    assert (stale.file, stale.path) == ("plan.yaml", "plan.last_reviewed")
    assert path.read_text().splitlines()[stale.line - 1].strip() == "last_reviewed: '2026-01-15'"
    internal, _ = prepare(Config(root=ROOT, accounts=tmp_path, schema=SCHEMA, as_of=AS_OF, edition="internal"), tmp_path)
    assert any(p.rule == "gate.no-supporter" for p in gate_result([load_file(path)], internal, make_reader("internal")).problems)
